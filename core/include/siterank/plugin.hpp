// Exporting a criterion from a shared library: SITERANK_PLUGIN(MyCriterion)
// in exactly one source file of the plugin. It defines three C-linkage entry
// points that the host resolves through Boost.DLL: the SDK API version and
// build tag (checked before anything else is called), and a factory.
// Standard library only: plugin authors need no Boost.
#pragma once

#include <exception>
#include <siterank/criterion.hpp>
#include <siterank/version.hpp>
#include <string>

#if defined(_WIN32)
#define SITERANK_PLUGIN_EXPORT __declspec(dllexport)
#else
#define SITERANK_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

// Names of the entry points, shared by the macro and the host.
#define SITERANK_ENTRY_API_VERSION "siterank_plugin_api_version"
#define SITERANK_ENTRY_BUILD_TAG "siterank_plugin_build_tag"
#define SITERANK_ENTRY_CREATE "siterank_plugin_create"

namespace siterank {
using PluginApiVersionFn = int() noexcept;
using PluginBuildTagFn = const char*() noexcept;
// Returns a new criterion, or nullptr with *error set when construction throws.
using PluginCreateFn = Criterion*(std::string* error) noexcept;
}  // namespace siterank

#define SITERANK_PLUGIN(CriterionClass)                                                \
  extern "C" SITERANK_PLUGIN_EXPORT int siterank_plugin_api_version() noexcept {       \
    return SITERANK_SDK_API_VERSION;                                                   \
  }                                                                                    \
  extern "C" SITERANK_PLUGIN_EXPORT const char* siterank_plugin_build_tag() noexcept { \
    return SITERANK_BUILD_TAG;                                                         \
  }                                                                                    \
  extern "C" SITERANK_PLUGIN_EXPORT ::siterank::Criterion* siterank_plugin_create(     \
      ::std::string* error) noexcept {                                                 \
    try {                                                                              \
      return new CriterionClass();                                                     \
    } catch (const ::std::exception& e) {                                              \
      if (error) *error = e.what();                                                    \
    } catch (...) {                                                                    \
      if (error) *error = "unknown exception";                                         \
    }                                                                                  \
    return nullptr;                                                                    \
  }
