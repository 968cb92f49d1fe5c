// The road network cache: entries read back exactly as written, and every
// kind of damage detected (a warning, no entry) rather than used.
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "network/road_cache.hpp"
#include "network/road_network.hpp"
#include "road_fixtures.hpp"
#include "temp_dir.hpp"

using namespace siterank;
using namespace siterank::network;
using siterank::network::testing::grid;
using siterank::network::testing::road;
using siterank::testing::TempDir;

namespace {

struct Warnings {
  std::vector<std::string> lines;
  RoadCache::Warn sink() {
    return [this](const std::string& w) { lines.push_back(w); };
  }
};

// A graph with one-way and two-way segments, travel times and lines of
// several segments.
RoadGraph sample_graph() {
  std::vector<RoadLine> lines = grid(4, 250.0);
  lines.push_back(road({{0, 0}, {-300, 40}, {-600, 0}}, 50.0, Direction::forward));
  lines.push_back(road({{750, 750}, {900, 900}}, 20.0, Direction::backward));
  lines.back().seconds = 77.5;
  return RoadGraph::build(lines, 0.5);
}

void require_same(const RoadGraph& a, const RoadGraph& b) {
  REQUIRE(a.node_count() == b.node_count());
  REQUIRE(a.segment_count() == b.segment_count());
  REQUIRE(a.edge_count() == b.edge_count());
  for (std::uint32_t n = 0; n < a.node_count(); ++n) {
    CHECK(a.node(n).x == b.node(n).x);
    CHECK(a.node(n).y == b.node(n).y);
  }
  for (std::uint32_t s = 0; s < a.segment_count(); ++s) {
    const Segment &x = a.segment(s), &y = b.segment(s);
    CHECK(x.from == y.from);
    CHECK(x.to == y.to);
    CHECK(x.line == y.line);
    CHECK(x.direction == y.direction);
    CHECK(x.length_m == y.length_m);
    CHECK(x.seconds == y.seconds);
  }
  for (const bool reversed : {false, true}) {
    const Csr& ga = reversed ? a.reverse() : a.forward();
    const Csr& gb = reversed ? b.reverse() : b.forward();
    for (std::uint32_t u = 0; u < a.node_count(); ++u) {
      auto [ia, ea] = out_edges(u, ga);
      auto [ib, eb] = out_edges(u, gb);
      for (; ia != ea && ib != eb; ++ia, ++ib) {
        CHECK(target(*ia, ga) == target(*ib, gb));
        CHECK(ga[*ia].seconds == gb[*ib].seconds);
        CHECK(ga[*ia].segment == gb[*ib].segment);
      }
      CHECK((ia == ea && ib == eb));
    }
  }
}

void flip_byte(const std::string& path, std::streamoff at) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(at);
  char c = 0;
  f.get(c);
  f.seekp(at);
  f.put(static_cast<char>(c ^ 0x5a));
}

}  // namespace

TEST_CASE("road cache: a graph reads back edge for edge, with its notes") {
  const TempDir dir("road_cache_graph");
  Warnings w;
  const RoadCache cache(dir.path(), w.sink());
  const RoadGraph g = sample_graph();
  CHECK_FALSE(cache.load_graph(42));  // a miss is no warning
  cache.store_graph(42, g, {"roads.gpkg (layer roads): 3 features of class 'footway' skipped", ""});
  const auto back = cache.load_graph(42);
  REQUIRE(back);
  require_same(g, back->graph);
  CHECK(back->notes ==
        std::vector<std::string>{"roads.gpkg (layer roads): 3 features of class 'footway' skipped",
                                 ""});
  CHECK_FALSE(cache.load_graph(43));
  CHECK(w.lines.empty());
}

TEST_CASE("road cache: travel times read back exactly, and only for their graph") {
  const TempDir dir("road_cache_times");
  Warnings w;
  const RoadCache cache(dir.path(), w.sink());
  const RoadGraph g = sample_graph();
  const SegmentIndex index(g);
  const std::vector<std::optional<Attachment>> at{index.attach({100, 10}, 500),
                                                 index.attach({5000, 5000}, 500),
                                                 index.attach({-500, 20}, 500)};
  RoadCache::Times t{nearest_facilities(g, at, 15.0), {7, 8, 9}};
  cache.store_times(5, t);
  const auto back = cache.load_times(5, g);
  REQUIRE(back);
  CHECK(back->features == t.features);
  REQUIRE(back->nearest.seconds.size() == t.nearest.seconds.size());
  for (std::size_t n = 0; n < t.nearest.seconds.size(); ++n) {
    // Bit for bit, +inf included.
    CHECK(std::memcmp(&back->nearest.seconds[n], &t.nearest.seconds[n], sizeof(double)) == 0);
    CHECK(back->nearest.facility[n] == t.nearest.facility[n]);
  }
  REQUIRE(back->nearest.attached.size() == t.nearest.attached.size());
  for (std::size_t i = 0; i < t.nearest.attached.size(); ++i) {
    CHECK(back->nearest.attached[i].segment == t.nearest.attached[i].segment);
    CHECK(back->nearest.attached[i].facility == t.nearest.attached[i].facility);
    CHECK(back->nearest.attached[i].fraction == t.nearest.attached[i].fraction);
    CHECK(back->nearest.attached[i].access_s == t.nearest.attached[i].access_s);
  }
  CHECK(w.lines.empty());
  // Another graph (fewer nodes): refused, with a warning.
  const RoadGraph other = RoadGraph::build(grid(2), 0.0);
  CHECK_FALSE(cache.load_times(5, other));
  REQUIRE(w.lines.size() == 1);
  CHECK_THAT(w.lines[0], Catch::Contains("does not hold travel times"));
}

TEST_CASE("road cache: damaged entries are detected, reported once each, and not used") {
  const TempDir dir("road_cache_damage");
  Warnings w;
  const RoadCache cache(dir.path(), w.sink());
  const RoadGraph g = sample_graph();
  const std::string file = cache.path(1, "graph");
  const auto check_refused = [&](const char* why) {
    w.lines.clear();
    CHECK_FALSE(cache.load_graph(1));
    REQUIRE(w.lines.size() == 1);
    CHECK_THAT(w.lines[0], Catch::Contains(file) && Catch::Contains(why) &&
                               Catch::Contains("rebuilding it"));
    cache.store_graph(1, g, {});  // what a run does next
    REQUIRE(cache.load_graph(1));
  };
  cache.store_graph(1, g, {});
  const auto size = std::filesystem::file_size(file);

  flip_byte(file, static_cast<std::streamoff>(size) - 3);  // in the payload
  check_refused("checksum");
  flip_byte(file, 0);  // the magic
  check_refused("not a cache entry");
  flip_byte(file, 8);  // the format version
  check_refused("format");
  flip_byte(file, 24);  // the key
  check_refused("not the entry its name says");
  std::filesystem::resize_file(file, size - 10);
  check_refused("wrong size");
  std::filesystem::resize_file(file, 20);
  check_refused("truncated");
  std::filesystem::resize_file(file, 0);
  check_refused("truncated");
}

TEST_CASE("road cache: a folder that cannot be made is one warning, then no cache") {
  const TempDir dir("road_cache_unwritable");
  // A regular file where the folder should be: mkdir fails even for root.
  const std::string blocker = dir.write("not_a_dir", "x");
  Warnings w;
  const RoadCache cache(blocker + "/cache", w.sink());
  CHECK(cache.enabled());
  const RoadGraph g = sample_graph();
  cache.store_graph(1, g, {});
  CHECK_FALSE(cache.enabled());
  cache.store_graph(2, g, {});
  CHECK_FALSE(cache.load_graph(1));
  REQUIRE(w.lines.size() == 1);
  CHECK_THAT(w.lines[0], Catch::Contains("going on without it"));
  CHECK_FALSE(RoadCache("", w.sink()).enabled());
}

TEST_CASE("a graph from its parts is the graph; bad parts are refused") {
  const RoadGraph g = sample_graph();
  require_same(g, RoadGraph::from_parts(g.nodes(), g.segments()));
  std::vector<Segment> bad = g.segments();
  bad[0].to = static_cast<std::uint32_t>(g.node_count());
  CHECK_THROWS_AS(RoadGraph::from_parts(g.nodes(), bad), std::invalid_argument);
  bad = g.segments();
  bad[1].to = bad[1].from;
  CHECK_THROWS_AS(RoadGraph::from_parts(g.nodes(), bad), std::invalid_argument);
  bad = g.segments();
  bad[2].direction = static_cast<Direction>(7);
  CHECK_THROWS_AS(RoadGraph::from_parts(g.nodes(), bad), std::invalid_argument);
  bad = g.segments();
  bad[3].seconds = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(RoadGraph::from_parts(g.nodes(), bad), std::invalid_argument);
}

TEST_CASE("a network over a cached graph gives the same trips, from the cache's times too") {
  const TempDir dir("road_cache_network");
  Warnings w;
  const RoadCache cache(dir.path(), w.sink());
  const std::vector<RoadLine> lines = grid(5, 300.0);
  const RoadNetworkSettings settings{0.5, 15.0, 400.0};
  RoadNetwork::Facilities f{{{10, 20}, {1150, 900}}, {3, 5}};
  const std::vector<Point> from{{400, 410}, {10, 1190}, {5000, 0}, {600, 601}};
  const auto trips_of = [&](const RoadNetwork& net) {
    std::vector<RoadTrip> out;
    net.trips("depots", [&] { return f; }, from, out);
    return out;
  };
  RoadNetwork built("roads", lines, settings);
  built.use_cache(&cache, 99);
  const auto a = trips_of(built);  // computes and stores the times
  RoadNetwork again("roads", RoadGraph::from_parts(built.graph().nodes(), built.graph().segments()),
                    settings);
  again.use_cache(&cache, 99);
  const auto b = trips_of(again);  // reads them
  RoadNetwork plain("roads", lines, settings);
  const auto c = trips_of(plain);
  REQUIRE(a.size() == from.size());
  for (std::size_t i = 0; i < from.size(); ++i)
    for (const auto* t : {&b[i], &c[i]}) {
      CHECK(t->status == a[i].status);
      // NaN where there is no trip or no road within reach: bit for bit.
      CHECK(std::memcmp(&t->seconds, &a[i].seconds, sizeof(double)) == 0);
      CHECK(t->feature == a[i].feature);
      CHECK(std::memcmp(&t->access_m, &a[i].access_m, sizeof(double)) == 0);
    }
  CHECK(a[2].status == RoadTrip::Status::off_network);
  CHECK(w.lines.empty());
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.file("roads")))
    ++entries;
  CHECK(entries == 1);
}
