// The criterion plugins the host finds and the ones it refuses, with the
// reason: what `siterank plugins` lists. Finding a plugin loads it, checks
// its SDK API version and build tag, and asks it to describe itself; the
// listing is plain data, so the libraries are unloaded before it is
// returned. Standard library and SDK types only.
#pragma once

#include <siterank/criterion.hpp>
#include <siterank/options.hpp>
#include <string>
#include <vector>

namespace siterank {

// A plugin the host accepted.
struct PluginListing {
  std::string file;
  std::string build_tag;  // compiler, standard library and ABI it was built with
  int api_version = 0;    // the SDK API version it was built against
  CriterionInfo info;     // what its criterion describes: name, version, options, needs
};

// A plugin file the host refused.
struct PluginRefusal {
  std::string file;
  std::string reason;  // what was expected and found
};

struct PluginSearch {
  std::vector<std::string> searched;   // directories, in search order
  std::vector<PluginListing> plugins;  // sorted by criterion name
  std::vector<PluginRefusal> refused;  // in discovery order
};

// The plugins (files siterank_*.so) of the built-in directory, then of
// `extra_dirs`, then of each entry of SITERANK_PLUGIN_PATH (':'-separated):
// the search path of a run. A later plugin with a criterion name already
// taken is refused. A file or directory that is world-writable or owned by
// someone other than the user or root is refused without being loaded
// (loading runs its code) unless `allow_insecure`.
PluginSearch find_plugins(const std::vector<std::string>& extra_dirs = {},
                          bool allow_insecure = false);

// "number", "integer", "boolean", "string", "string list", "number map",
// "value function".
const char* option_type_name(OptionType type);
// An option value as compact JSON: 1000.0, true, "text", ["a","b"],
// {"a":1.0}, {"full_at":10.0,"type":"linear","zero_at":0.0} (keys sorted).
std::string option_value_json_text(const OptionValue& value);

}  // namespace siterank
