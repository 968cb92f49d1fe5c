// Test fixture: built, it says, by another compiler and standard library.
#include <siterank/sdk.hpp>

extern "C" SITERANK_PLUGIN_EXPORT int siterank_plugin_api_version() noexcept {
  return SITERANK_SDK_API_VERSION;
}
extern "C" SITERANK_PLUGIN_EXPORT const char* siterank_plugin_build_tag() noexcept {
  return "msvc/msvcprt143";
}
extern "C" SITERANK_PLUGIN_EXPORT siterank::Criterion* siterank_plugin_create(
    std::string*) noexcept {
  return nullptr;
}
