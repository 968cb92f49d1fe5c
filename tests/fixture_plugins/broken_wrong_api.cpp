// Test fixture: claims SDK API version 999.
#include <siterank/sdk.hpp>

extern "C" SITERANK_PLUGIN_EXPORT int siterank_plugin_api_version() noexcept { return 999; }
extern "C" SITERANK_PLUGIN_EXPORT const char* siterank_plugin_build_tag() noexcept {
  return SITERANK_BUILD_TAG;
}
extern "C" SITERANK_PLUGIN_EXPORT siterank::Criterion* siterank_plugin_create(
    std::string*) noexcept {
  return nullptr;
}
