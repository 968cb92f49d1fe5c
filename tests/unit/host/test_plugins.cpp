// The plugins the host finds and refuses (siterank/host/plugins.hpp), on
// the fixture plugins (tests/fixture_plugins: three good ones, four broken
// ones), and option types and values as `siterank plugins` prints them.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <siterank/host/plugins.hpp>
#include <siterank/version.hpp>

using namespace siterank;

namespace {

const std::string good = SITERANK_TEST_GOOD_PLUGIN_DIR;
const std::string broken = SITERANK_TEST_BROKEN_PLUGIN_DIR;

const PluginListing* listed(const PluginSearch& s, const std::string& name) {
  for (const auto& p : s.plugins)
    if (p.info.name == name) return &p;
  return nullptr;
}

// File -> reason.
std::map<std::string, std::string> refusals(const PluginSearch& s) {
  std::map<std::string, std::string> out;
  for (const auto& r : s.refused) out.emplace(r.file, r.reason);
  return out;
}

}  // namespace

TEST_CASE("the search path: built-in, the extra directories, SITERANK_PLUGIN_PATH") {
  setenv("SITERANK_PLUGIN_PATH", "/env/a:/env/b", 1);
  const PluginSearch s = find_plugins({good, broken});
  unsetenv("SITERANK_PLUGIN_PATH");
  REQUIRE(s.searched.size() == 5);
  CHECK(s.searched[1] == good);
  CHECK(s.searched[2] == broken);
  CHECK(s.searched[3] == "/env/a");
  CHECK(s.searched[4] == "/env/b");
}

TEST_CASE("a listing: file, API version, build tag and the criterion's description") {
  const PluginSearch s = find_plugins({good});
  // Sorted by criterion name, the built-in plugins among them.
  for (std::size_t i = 1; i < s.plugins.size(); ++i)
    CHECK(s.plugins[i - 1].info.name < s.plugins[i].info.name);
  // The libraries are unloaded by now; the listing is plain data.
  const PluginListing* d = listed(s, "fixture_distance");
  REQUIRE(d);
  CHECK(d->file == good + "/siterank_fixture_distance.so");
  CHECK(d->api_version == SITERANK_SDK_API_VERSION);
  CHECK(d->build_tag == SITERANK_BUILD_TAG);
  CHECK(d->info.version == "0.1.0");
  CHECK(d->info.description == "test fixture: exponential decay from the nearest station");
  REQUIRE(d->info.options.size() == 1);
  CHECK(d->info.options[0].name == "half_life_m");
  CHECK(d->info.options[0].maximum == 1e6);
  REQUIRE(d->info.layers.size() == 1);
  CHECK(d->info.layers[0].role == "stations");
  CHECK(listed(s, "fixture_area"));
  CHECK(listed(s, "fixture_faulty"));
}

TEST_CASE("refused plugins, with the reason, in discovery order") {
  const PluginSearch s = find_plugins({broken, good, good});
  const auto why = refusals(s);
  CHECK(why.at(broken + "/siterank_wrong_api.so") ==
        "SDK API version mismatch: expected " + std::to_string(SITERANK_SDK_API_VERSION) +
            ", found 999 (rebuild the plugin against this siterank's SDK)");
  CHECK(why.at(broken + "/siterank_no_entry.so") == "missing entry symbol siterank_plugin_create");
  // The second directory of the same plugins: each name is taken already.
  REQUIRE(s.refused.size() == 4 + 3);
  CHECK(s.refused[4].file == good + "/siterank_fixture_area.so");
  CHECK(s.refused[4].reason ==
        "criterion 'fixture_area' is already provided by " + good + "/siterank_fixture_area.so");
  CHECK(listed(s, "fixture_area")->file == good + "/siterank_fixture_area.so");
}

TEST_CASE("option type names") {
  CHECK(std::string(option_type_name(OptionType::number)) == "number");
  CHECK(std::string(option_type_name(OptionType::integer)) == "integer");
  CHECK(std::string(option_type_name(OptionType::boolean)) == "boolean");
  CHECK(std::string(option_type_name(OptionType::text)) == "string");
  CHECK(std::string(option_type_name(OptionType::text_list)) == "string list");
  CHECK(std::string(option_type_name(OptionType::number_map)) == "number map");
  CHECK(std::string(option_type_name(OptionType::value_function)) == "value function");
}

TEST_CASE("option values as compact JSON") {
  CHECK(option_value_json_text(OptionValue{1000.0}) == "1000.0");
  CHECK(option_value_json_text(OptionValue{0.25}) == "0.25");
  CHECK(option_value_json_text(OptionValue{true}) == "true");
  CHECK(option_value_json_text(OptionValue{std::string("say \"净地\"")}) == "\"say \\\"净地\\\"\"");
  CHECK(option_value_json_text(OptionValue{std::vector<std::string>{"M1", "M0"}}) ==
        "[\"M1\",\"M0\"]");
  CHECK(option_value_json_text(OptionValue{NumberMap{{"university", 1.0}, {"lab", 0.8}}}) ==
        "{\"lab\":0.8,\"university\":1.0}");
  CHECK(option_value_json_text(OptionValue{ValueFunction::linear(10, 50)}) ==
        "{\"full_at\":50.0,\"type\":\"linear\",\"zero_at\":10.0}");
  CHECK(option_value_json_text(OptionValue{ValueFunction::exp_decay(800)}) ==
        "{\"half_life\":800.0,\"type\":\"exp_decay\"}");
}
