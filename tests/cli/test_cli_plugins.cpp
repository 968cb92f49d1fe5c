// Plugins as the CLI meets them: listing, refusing, and failing runs.
#include <nlohmann/json.hpp>
#include <siterank/version.hpp>

#include "cli_fixture.hpp"

using namespace siterank::testing;

namespace {

Outcome run_faulty(const std::string& mode) {
  TempDir d("faulty_" + mode);
  d.write("p.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
      "weights": {"fixture_area": 1, "fixture_faulty": 1},
      "plugins": {"fixture_faulty": {"mode": ")" +
                        mode + R"(", "parcel": "P-003"}}})");
  return siterank_cli(
      with_plugins({"rank", "--profile", d.file("p.json"), "--dataset", grid_dir, "-q"}));
}

}  // namespace

TEST_CASE("a plugin that throws, returns NaN or an out-of-range score fails the run with exit 4") {
  const std::string who = "siterank rank: error: plugin 'fixture_faulty' (" + good_plugins +
                          "/siterank_fixture_faulty.so)";
  Outcome o = run_faulty("throw");
  CHECK(o.code == 4);
  CHECK(o.err == who + " failed on parcel 'P-003': threw: fixture failure on purpose\n");
  CHECK(o.out.empty());
  o = run_faulty("nan");
  CHECK(o.code == 4);
  CHECK_THAT(o.err, Catch::StartsWith(who + " returned NaN (or no score) for parcel 'P-003'"));
  o = run_faulty("out_of_range");
  CHECK(o.code == 4);
  CHECK_THAT(o.err,
             Catch::StartsWith(who + " returned score 150, outside [0, 100], for parcel 'P-003'"));
  o = run_faulty("throw_in_configure");
  CHECK(o.code == 4);
  CHECK(o.err == who + " failed to configure: configure exploded on purpose\n");
  CHECK(run_faulty("none").code == 0);
}

TEST_CASE("plugins --json lists plugins with their options, and refused ones with reasons") {
  const Outcome o = siterank_cli({"plugins", "--json", "--plugins-dir", good_plugins,
                                  "--plugins-dir", SITERANK_TEST_BROKEN_PLUGIN_DIR});
  REQUIRE(o.code == 0);
  const auto j = nlohmann::json::parse(o.out);
  bool found = false;
  for (const auto& p : j["plugins"])
    if (p["name"] == "fixture_distance") {
      found = true;
      CHECK(p["file"] == good_plugins + "/siterank_fixture_distance.so");
      CHECK(p["options"][0]["name"] == "half_life_m");
      CHECK(p["options"][0]["default"] == 1000.0);
      CHECK(p["options"][0]["unit"] == "m");
      CHECK(p["layers"][0]["role"] == "stations");
    }
  CHECK(found);
  CHECK(j["refused"].size() == 4);
}

TEST_CASE("the environment variable adds plugin directories") {
  const Outcome o = siterank_cli({"plugins"}, "SITERANK_PLUGIN_PATH=" + shell_quote(good_plugins));
  REQUIRE(o.code == 0);
  CHECK_THAT(o.out, Catch::Contains("fixture_area 0.1.0 (SDK API " +
                                    std::to_string(SITERANK_SDK_API_VERSION) + ")"));
}

TEST_CASE("a profile naming a criterion no plugin provides is refused") {
  TempDir d("unknown_criterion");
  d.write(
      "p.json",
      R"({"project": {"name": "x", "industry": "integrated_circuits"}, "weights": {"flood": 1}})");
  const Outcome o = siterank_cli(
      with_plugins({"validate", "--profile", d.file("p.json"), "--dataset", grid_dir}));
  CHECK(o.code == 4);
  CHECK_THAT(o.err,
             Catch::Contains("$.weights.flood: no plugin provides criterion 'flood' (available: "));
}

TEST_CASE("validate runs the plugins' own configuration checks") {
  TempDir d("validate_configure");
  d.write("p.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
      "weights": {"fixture_faulty": 1}, "plugins": {"fixture_faulty": {"mode": "throw_in_configure"}}})");
  const Outcome o = siterank_cli(
      with_plugins({"validate", "--profile", d.file("p.json"), "--dataset", grid_dir}));
  CHECK(o.code == 4);
  CHECK_THAT(o.err, Catch::EndsWith("failed to configure: configure exploded on purpose\n"));
}

TEST_CASE("validate checks without scoring") {
  const Outcome o = siterank_cli(with_plugins(
      {"validate", "--profile", grid_dir + "/profile_two.json", "--dataset", grid_dir}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  CHECK_THAT(o.out, Catch::Contains("criterion fixture_distance: weight 0.25"));
}

TEST_CASE("every command has --help, and usage errors exit 2") {
  for (const char* cmd : {"rank", "explain", "plugins", "validate"}) {
    const Outcome o = siterank_cli({cmd, "--help"});
    CHECK(o.code == 0);
    CHECK_THAT(o.out, Catch::StartsWith(std::string("Usage: siterank ") + cmd));
  }
  CHECK(siterank_cli({"--help"}).code == 0);
  Outcome o = siterank_cli({"rnak"});
  CHECK(o.code == 2);
  CHECK(o.err == "siterank: unknown command 'rnak' (see siterank --help)\n");
  o = siterank_cli({"rank", "--profle", "x"});
  CHECK(o.code == 2);
  CHECK(o.err == "siterank rank: unknown option '--profle' (see siterank rank --help)\n");
  o = siterank_cli({"rank"});
  CHECK(o.code == 2);
  CHECK(o.err == "siterank rank: --profile is required (see siterank rank --help)\n");
  o = siterank_cli({"rank", "--profile", "x", "--top", "many"});
  CHECK(o.code == 2);
  o = siterank_cli({"rank", "--profile", "x", "-f", "xlsx"});
  CHECK(o.code == 2);
}
