// Finding and loading criterion plugins (shared modules named
// siterank_<name>.so) through Boost.DLL. A plugin's SDK API version and build
// tag are checked before anything else in it is called; a library stays
// loaded while any criterion created from it lives.
#pragma once

#include <memory>
#include <siterank/host/plugins.hpp>
#include <siterank/plugin.hpp>
#include <string>
#include <vector>

namespace siterank {

// The public listing (file, build tag, API version, CriterionInfo) and the
// library it came from.
struct LoadedPlugin : PluginListing {
  std::shared_ptr<void> library;  // boost::dll::shared_library, type-erased
  PluginCreateFn* create = nullptr;

  // A fresh criterion; its deleter keeps the library loaded until it is gone.
  // Throws PluginError naming the plugin when the factory fails.
  std::shared_ptr<Criterion> instantiate() const;
};

struct RefusedPlugin : PluginRefusal {
  // The criterion the file name promises (siterank_<name>.so): a refused
  // plugin may not get as far as saying its name, and a profile weighting
  // that criterion is told why it is missing.
  std::string name_from_file;
};

struct PluginRegistry {
  std::vector<std::string> searched;   // directories, in search order
  std::vector<LoadedPlugin> plugins;   // sorted by criterion name
  std::vector<RefusedPlugin> refused;  // in discovery order
  // Searched directories that are not there: "DIR does not exist", "DIR is
  // not a directory" (a mistyped --plugins-dir or SITERANK_PLUGIN_PATH).
  std::vector<std::string> unusable_dirs;

  const LoadedPlugin* find(const std::string& name) const;
};

// Checks and loads one file; the reason says what was expected and found.
// Returns false and sets `refusal` when the plugin is refused.
bool load_plugin(const std::string& file, LoadedPlugin& out, std::string& refusal);

// Scans the directories in order (files siterank_*.so, sorted by name). A
// later plugin with a criterion name already taken is refused.
// A file, or a directory of them, is refused before it is loaded when it
// is world-writable or owned by someone other than the user or root,
// unless `allow_unsafe`.
PluginRegistry discover_plugins(const std::vector<std::string>& dirs, bool allow_unsafe = false);

// Why a plugin file or directory is unsafe to load, or "".
std::string unsafe_plugin_path(const std::string& path);

// The built-in directory (relative to the running executable), then each
// extra directory, then each entry of SITERANK_PLUGIN_PATH (':'-separated).
std::vector<std::string> plugin_search_path(const std::vector<std::string>& extra_dirs);

// find_plugins (siterank/host/plugins.hpp) is discover_plugins over
// plugin_search_path, without the libraries.

}  // namespace siterank
