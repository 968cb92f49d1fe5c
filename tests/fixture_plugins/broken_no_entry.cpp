// Test fixture: right version and tag, but no factory.
#include <siterank/sdk.hpp>

extern "C" SITERANK_PLUGIN_EXPORT int siterank_plugin_api_version() noexcept {
  return SITERANK_SDK_API_VERSION;
}
extern "C" SITERANK_PLUGIN_EXPORT const char* siterank_plugin_build_tag() noexcept {
  return SITERANK_BUILD_TAG;
}
