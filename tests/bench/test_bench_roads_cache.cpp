// The road network cache end to end (issue 13): on a small generated
// dataset with roads, a run that fills the cache, a run that reads it and a
// run without it write the same bytes; a damaged entry is reported in one
// warning and rebuilt; a cache folder that cannot be made is one warning
// (from rank -q and from validate) and the run goes on. No timing here: bench/run-roads measures
// speed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "temp_dir.hpp"

using siterank::testing::Outcome;
using siterank::testing::read_file;
using siterank::testing::run_program;
using siterank::testing::shell_quote;
using siterank::testing::siterank_cli;
using siterank::testing::TempDir;

namespace {

const std::string profile = SITERANK_SOURCE_DIR "/bench/profile.json";
constexpr int parcels = 1500;  // a few platforms: tiny, for CI under ASan

// Ranks every parcel to GeoJSON with the cache in `cache` ("" : --no-cache).
Outcome rank(const std::string& dataset, const std::string& out, const std::string& cache) {
  std::vector<std::string> args{"rank", "--profile", profile, "--dataset",        dataset, "-o",
                                out,    "--top",     "0",     "--include-vetoed", "-q"};
  if (cache.empty()) args.push_back("--no-cache");
  return siterank_cli(args, cache.empty() ? "" : "SITERANK_CACHE_DIR=" + shell_quote(cache));
}

std::vector<std::string> entries(const std::string& cache, const std::string& ext) {
  std::vector<std::string> out;
  if (!std::filesystem::is_directory(cache + "/roads")) return out;
  for (const auto& e : std::filesystem::directory_iterator(cache + "/roads"))
    if (e.path().extension() == ext) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

void damage(const std::string& file) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(-5, std::ios::end);
  f.put('\x7f');
}

}  // namespace

TEST_CASE("the road cache changes no byte of the result", "[bench][roads]") {
  const TempDir root("bench_roads_cache");
  const std::string data = root.file("data");
  {
    const Outcome o = run_program(
        SITERANK_BENCH_GENERATE,
        {"--parcels", std::to_string(parcels), "--out", data, "--seed", "3", "--roads"});
    INFO(o.err);
    REQUIRE(o.code == 0);
  }
  const std::string cache = root.file("cache");
  const Outcome none = rank(data, root.file("none.geojson"), "");
  INFO(none.err);
  REQUIRE(none.code == 0);
  const std::string expected = read_file(root.file("none.geojson"));
  REQUIRE(expected.find("\"type\":\"FeatureCollection\"") != std::string::npos);
  CHECK(entries(cache, ".graph").empty());

  const Outcome fill = rank(data, root.file("fill.geojson"), cache);
  INFO(fill.err);
  REQUIRE(fill.code == 0);
  CHECK(read_file(root.file("fill.geojson")) == expected);
  CHECK(fill.err.find("warning: road network cache") == std::string::npos);
  const auto graphs = entries(cache, ".graph");
  const auto times = entries(cache, ".times");
  REQUIRE(graphs.size() == 1);
  REQUIRE(!times.empty());  // one per facility set the transport criterion drives to

  const Outcome warm = rank(data, root.file("warm.geojson"), cache);
  INFO(warm.err);
  REQUIRE(warm.code == 0);
  CHECK(read_file(root.file("warm.geojson")) == expected);
  CHECK(warm.err.find("warning: road network cache") == std::string::npos);

  // Not Catch SECTIONs, which would generate and fill everything again.
  {  // A damaged entry is one warning each, rebuilt, and the result the same.
    damage(graphs[0]);
    damage(times[0]);
    const Outcome o = rank(data, root.file("damaged.geojson"), cache);
    INFO(o.err);
    REQUIRE(o.code == 0);
    CHECK(read_file(root.file("damaged.geojson")) == expected);
    CHECK_THAT(o.err, Catch::Contains(graphs[0] + " fails its checksum (damaged); rebuilding it"));
    CHECK_THAT(o.err, Catch::Contains(times[0] + " fails its checksum (damaged); rebuilding it"));
    // Rebuilt: the next run reads it without a word.
    const Outcome again = rank(data, root.file("again.geojson"), cache);
    INFO(again.err);
    REQUIRE(again.code == 0);
    CHECK(read_file(root.file("again.geojson")) == expected);
    CHECK(again.err.find("warning: road network cache") == std::string::npos);
  }
  {  // A cache folder that cannot be made: one warning, and the run goes on.
    const std::string blocker = root.write("blocker", "a file, not a folder");
    const Outcome o = rank(data, root.file("blocked.geojson"), blocker + "/cache");
    INFO(o.err);
    REQUIRE(o.code == 0);
    CHECK(read_file(root.file("blocked.geojson")) == expected);
    std::size_t warnings = 0;
    for (std::size_t at = 0;
         (at = o.err.find("warning: road network cache", at)) != std::string::npos; ++at)
      ++warnings;
    CHECK(warnings == 1);
    CHECK_THAT(o.err, Catch::Contains("going on without it"));
    // validate loads the roads too, and says so the same way.
    const Outcome v = siterank_cli({"validate", "--profile", profile, "--dataset", data},
                                   "SITERANK_CACHE_DIR=" + shell_quote(blocker + "/cache"));
    INFO(v.err);
    REQUIRE(v.code == 0);
    CHECK_THAT(v.err, Catch::Contains("siterank: warning: road network cache " + blocker +
                                      "/cache: cannot create"));
  }
}
