// Plugin discovery, the version and build-tag checks, and library lifetime.
#include <catch2/catch.hpp>
#include <filesystem>
#include <siterank/host/errors.hpp>

#include "plugins/plugin_loader.hpp"

using namespace siterank;

namespace {
const std::string good = SITERANK_TEST_GOOD_PLUGIN_DIR;
const std::string broken = SITERANK_TEST_BROKEN_PLUGIN_DIR;

std::string refusal(const PluginRegistry& reg, const std::string& file) {
  for (const auto& r : reg.refused)
    if (r.file == file) return r.reason;
  return "not refused";
}
}  // namespace

TEST_CASE("broken plugins are refused with what was expected and found") {
  const PluginRegistry reg = discover_plugins({broken});
  CHECK(reg.plugins.empty());
  REQUIRE(reg.refused.size() == 4);
  // Each refusal keeps the criterion its file name promises.
  for (const auto& r : reg.refused)
    CHECK("siterank_" + r.name_from_file + ".so" ==
          std::filesystem::path(r.file).filename().string());
  CHECK(refusal(reg, broken + "/siterank_wrong_api.so") ==
        "SDK API version mismatch: expected " + std::to_string(SITERANK_SDK_API_VERSION) +
            ", found 999 (rebuild the plugin against this siterank's SDK)");
  CHECK(refusal(reg, broken + "/siterank_wrong_tag.so") ==
        "build tag mismatch: expected '" SITERANK_BUILD_TAG
        "', found 'msvc/msvcprt143' (compiler and standard library must match the host's)");
  CHECK(refusal(reg, broken + "/siterank_no_entry.so") ==
        "missing entry symbol siterank_plugin_create");
  CHECK(refusal(reg, broken + "/siterank_not_a_plugin.so") ==
        "not a siterank plugin: no siterank_plugin_api_version symbol (build it with "
        "SITERANK_PLUGIN(...))");
}

TEST_CASE("good plugins are found, described and sorted by name") {
  const PluginRegistry reg = discover_plugins({"/no/such/dir", good, broken});
  REQUIRE(reg.plugins.size() == 3);
  CHECK(reg.plugins[0].info.name == "fixture_area");
  CHECK(reg.plugins[1].info.name == "fixture_distance");
  CHECK(reg.plugins[2].info.name == "fixture_faulty");
  CHECK(reg.plugins[0].api_version == SITERANK_SDK_API_VERSION);
  CHECK(reg.plugins[0].build_tag == SITERANK_BUILD_TAG);
  CHECK(reg.plugins[1].info.layers.at(0).role == "stations");
  CHECK(reg.searched.size() == 3);
  CHECK(reg.refused.size() == 4);
}

TEST_CASE("a second plugin with a taken name is refused") {
  const PluginRegistry reg = discover_plugins({good, good});
  CHECK(reg.plugins.size() == 3);
  REQUIRE(reg.refused.size() == 3);
  CHECK(reg.refused[0].reason ==
        "criterion 'fixture_area' is already provided by " + good + "/siterank_fixture_area.so");
}

TEST_CASE("a criterion keeps its library loaded after the registry is gone") {
  std::shared_ptr<Criterion> c;
  {
    const PluginRegistry reg = discover_plugins({good});
    c = reg.find("fixture_area")->instantiate();
  }
  // Calls into the library's code and its vtable: would crash if unloaded.
  CHECK(c->describe().name == "fixture_area");
  CHECK(c->factors().size() == 2);
  c.reset();
}

TEST_CASE("the search path is built-in, then extra dirs, then SITERANK_PLUGIN_PATH") {
  setenv("SITERANK_PLUGIN_PATH", "/env/a::/env/b", 1);
  const auto dirs = plugin_search_path({"/extra"});
  unsetenv("SITERANK_PLUGIN_PATH");
  REQUIRE(dirs.size() == 4);
  CHECK(dirs[1] == "/extra");
  CHECK(dirs[2] == "/env/a");
  CHECK(dirs[3] == "/env/b");
}
