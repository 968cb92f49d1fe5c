// The example profiles in configs/profiles/ exercise the built-in plugins'
// options: every option each built-in plugin declares (`siterank plugins
// --json`) is set by at least one profile, every value-function type is
// used at least once, and every profile passes `siterank validate` (and
// ranks, which also runs the plugins' configure() checks).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "temp_dir.hpp"

using namespace siterank::testing;
using nlohmann::json;

namespace {

const std::string profiles_dir = SITERANK_SOURCE_DIR "/configs/profiles";

const std::vector<std::string> builtin_plugins = {"land", "industry_fit", "talent", "transport",
                                                  "proximity"};

// The value-function types of the SDK (siterank::ValueFunction::Kind).
const std::vector<std::string> value_function_types = {"linear",    "logistic", "gaussian",
                                                       "exp_decay", "stepped",  "per_unit"};

struct Profile {
  std::string name;  // file name, e.g. drone_maker.json
  std::string path;
  json doc;
};

std::vector<Profile> example_profiles() {
  std::vector<Profile> out;
  for (const auto& entry : std::filesystem::directory_iterator(profiles_dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    Profile p{entry.path().filename().string(), entry.path().string(), {}};
    INFO("profile " << p.name << " is not valid JSON");
    std::ifstream in(p.path);
    REQUIRE_NOTHROW(p.doc = json::parse(in));
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(),
            [](const Profile& a, const Profile& b) { return a.name < b.name; });
  INFO("no example profile in " << profiles_dir);
  REQUIRE(!out.empty());
  return out;
}

// The "plugins" sections of a profile a plugin reads: the one named after
// it (without "use"), and every use of it under another name ("use": plugin),
// each without its "use".
std::vector<json> plugin_sections(const Profile& p, const std::string& plugin) {
  std::vector<json> out;
  if (!p.doc.contains("plugins") || !p.doc["plugins"].is_object()) return out;
  for (const auto& [name, section] : p.doc["plugins"].items()) {
    if (!section.is_object()) continue;
    const std::string used = section.contains("use") ? section["use"].get<std::string>() : name;
    if (used != plugin) continue;
    json options = section;
    options.erase("use");
    out.push_back(std::move(options));
  }
  return out;
}

bool sets(const Profile& p, const std::string& plugin, const std::string& option) {
  for (const json& section : plugin_sections(p, plugin))
    if (section.contains(option)) return true;
  return false;
}

// plugin name -> its entry of `siterank plugins --json`, for the built-in plugins.
std::map<std::string, json> declared_builtin_plugins() {
  const Outcome o = siterank_cli({"plugins", "--json"});
  INFO("siterank plugins --json: " << o.err);
  REQUIRE(o.code == 0);
  const json listing = json::parse(o.out);
  std::map<std::string, json> out;
  for (const auto& plugin : listing["plugins"]) out[plugin["name"].get<std::string>()] = plugin;
  for (const auto& name : builtin_plugins) {
    INFO("built-in plugin '" << name << "' is not listed by siterank plugins --json (refused: "
                             << listing.value("refused", json::array()).dump() << ")");
    REQUIRE(out.count(name) == 1);
  }
  return out;
}

}  // namespace

TEST_CASE("every option of every built-in plugin is set by some example profile") {
  const auto profiles = example_profiles();
  const auto plugins = declared_builtin_plugins();
  for (const auto& plugin : builtin_plugins) {
    const json& options = plugins.at(plugin)["options"];
    {
      INFO("plugin '" << plugin << "' declares no options");
      REQUIRE(!options.empty());
    }
    for (const auto& option : options) {
      const std::string name = option["name"];
      std::vector<std::string> users;
      for (const auto& p : profiles)
        if (sets(p, plugin, name)) users.push_back(p.name);
      INFO("plugin '" << plugin << "': option '" << name
                      << "' is set in the \"plugins\" section of no profile in configs/profiles/");
      CHECK(!users.empty());
    }
  }
}

TEST_CASE("every value-function type is used by some example profile") {
  const auto profiles = example_profiles();
  const auto plugins = declared_builtin_plugins();
  std::map<std::string, std::set<std::string>> used;  // type -> "profile: plugin.option"
  for (const auto& p : profiles)
    for (const auto& plugin : builtin_plugins)
      for (const json& section : plugin_sections(p, plugin))
        for (const auto& option : plugins.at(plugin)["options"]) {
          const std::string name = option["name"];
          if (option["type"] != "value function" || !section.contains(name)) continue;
          const json& f = section[name];
          INFO(p.name << ": " << plugin << "." << name << " is not a value-function object");
          REQUIRE((f.is_object() && f.contains("type") && f["type"].is_string()));
          used[f["type"].get<std::string>()].insert(p.name + ": " + plugin + "." + name);
        }
  for (const auto& type : value_function_types) {
    INFO("value-function type '" << type
                                 << "' is used by no built-in plugin option of any profile in "
                                    "configs/profiles/");
    CHECK(used.count(type) == 1);
  }
}

TEST_CASE("every example profile validates") {
  for (const auto& p : example_profiles()) {
    const Outcome o = siterank_cli({"validate", "--profile", p.path});
    INFO("siterank validate --profile " << p.name << " exited " << o.code << ": " << o.err);
    CHECK(o.code == 0);
  }
}

TEST_CASE("every example profile ranks the sample (the plugins accept its options)") {
  // validate does not run the plugins' configure(), which refuses e.g. a
  // distance function that rises with distance; a ranking does.
  for (const auto& p : example_profiles()) {
    const Outcome o = siterank_cli({"rank", "--profile", p.path, "--top", "5", "-f", "json", "-q"});
    INFO("siterank rank --profile " << p.name << " exited " << o.code << ": " << o.err);
    CHECK(o.code == 0);
    if (o.code != 0) continue;
    const json r = json::parse(o.out);
    INFO(p.name << " ranks no parcel");
    CHECK(!r["parcels"].empty());
  }
}

TEST_CASE("a plugin option configure() refuses fails the run with its profile path") {
  // The talent plugin checks its commute functions on every dataset, with
  // roads or without, so the sample (whatever its roads) refuses this one.
  std::ifstream in(profiles_dir + "/drone_maker.json");
  json doc = json::parse(in);
  doc["plugins"]["talent"]["commute_time_function"] = {
      {"type", "linear"}, {"zero_at", 20}, {"full_at", 60}};
  const TempDir dir("bad_commute_function");
  const std::string path = dir.write("bad.json", doc.dump(2));
  const Outcome o = siterank_cli({"rank", "--profile", path, "--top", "5", "-q"});
  INFO(o.err);
  CHECK(o.code != 0);
  CHECK_THAT(o.err, Catch::Contains(path + ": $.plugins.talent: option 'commute_time_function': "
                                           "linear(zero_at=20, full_at=60) must not rise"));
}
