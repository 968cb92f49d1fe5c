// Nodes, segments and directed edges from road lines, by hand.
#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <catch2/catch.hpp>
#include <limits>

#include "error_of.hpp"
#include "network/road_graph.hpp"
#include "road_fixtures.hpp"

using namespace siterank;
using namespace siterank::network;
using namespace siterank::network::testing;
using siterank::testing::error_of;

namespace {

// The nodes an edge leaves n for, sorted.
std::vector<std::uint32_t> targets(const Csr& g, std::uint32_t n) {
  std::vector<std::uint32_t> out;
  for (const auto& e : boost::make_iterator_range(out_edges(n, g))) out.push_back(target(e, g));
  std::sort(out.begin(), out.end());
  return out;
}

using Ids = std::vector<std::uint32_t>;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST_CASE("a 3x3 grid: 9 nodes, 12 two-way blocks, 100 s each") {
  const auto lines = grid(3);
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  CHECK(g.node_count() == 9);
  CHECK(g.segment_count() == 12);
  CHECK(g.edge_count() == 24);
  CHECK(g.node(4).x == 1000);
  CHECK(g.node(4).y == 1000);
  CHECK(g.node(8).x == 2000);
  CHECK(targets(g.forward(), 4) == Ids{1, 3, 5, 7});
  CHECK(targets(g.forward(), 0) == Ids{1, 3});
  CHECK(targets(g.forward(), 1) == Ids{0, 2, 4});
  for (const auto& e : boost::make_iterator_range(edges(g.forward()))) {
    CHECK(g.forward()[e].seconds == Approx(100));
    const Segment& s = g.segment(g.forward()[e].segment);
    CHECK(s.length_m == 1000);
  }
}

TEST_CASE("one-way lines get one edge per segment, in the direction given") {
  const std::vector<Point> pts{{0, 0}, {1000, 0}, {2000, 0}};
  SECTION("forward: the digitised order") {
    const auto lines = {road(pts, 36, Direction::forward)};
    const RoadGraph g = RoadGraph::build(lines, 0.0);
    CHECK(g.edge_count() == 2);
    CHECK(targets(g.forward(), 0) == Ids{1});
    CHECK(targets(g.forward(), 1) == Ids{2});
    CHECK(targets(g.forward(), 2).empty());
    // The reversed graph turns each edge round.
    CHECK(targets(g.reverse(), 2) == Ids{1});
    CHECK(targets(g.reverse(), 0).empty());
  }
  SECTION("backward: against it") {
    const auto lines = {road(pts, 36, Direction::backward)};
    const RoadGraph g = RoadGraph::build(lines, 0.0);
    CHECK(g.edge_count() == 2);
    CHECK(targets(g.forward(), 0).empty());
    CHECK(targets(g.forward(), 2) == Ids{1});
    CHECK(targets(g.forward(), 1) == Ids{0});
  }
}

TEST_CASE("ends closer than the tolerance join, farther ones do not") {
  const auto lines = {road({{0, 0}, {1000, 0}}), road({{1000.5, 0}, {2000, 0}})};
  const RoadGraph joined = RoadGraph::build(lines, 1.0);
  CHECK(joined.node_count() == 3);
  CHECK(targets(joined.forward(), 1) == Ids{0, 2});
  // The segment runs from the node (1000, 0), not from the raw vertex.
  CHECK(joined.segment(1).length_m == 1000);
  const RoadGraph apart = RoadGraph::build(lines, 0.1);
  CHECK(apart.node_count() == 4);
  CHECK(targets(apart.forward(), 1) == Ids{0});
}

TEST_CASE("lines that cross without a shared vertex are not connected") {
  SECTION("an overpass") {
    const auto lines = {road({{-1000, 0}, {1000, 0}}), road({{0, -1000}, {0, 1000}})};
    const RoadGraph g = RoadGraph::build(lines, 5.0);
    CHECK(g.node_count() == 4);
    CHECK(g.segment_count() == 2);
    CHECK(targets(g.forward(), 0) == Ids{1});
    CHECK(targets(g.forward(), 2) == Ids{3});
  }
  SECTION("a junction: both lines have the crossing as a vertex") {
    const auto lines = {road({{-1000, 0}, {0, 0}, {1000, 0}}),
                        road({{0, -1000}, {0, 0}, {0, 1000}})};
    const RoadGraph g = RoadGraph::build(lines, 0.0);
    CHECK(g.node_count() == 5);
    CHECK(targets(g.forward(), 1) == Ids{0, 2, 3, 4});
  }
}

TEST_CASE("segments whose ends snap together are dropped") {
  const auto lines = {road({{0, 0}, {0.3, 0}, {10, 0}}), road({{50, 50}, {50.5, 50}})};
  const RoadGraph g = RoadGraph::build(lines, 1.0);
  CHECK(g.node_count() == 3);  // (0,0), (10,0) and the collapsed line's one node
  CHECK(g.segment_count() == 1);
  CHECK(g.edge_count() == 2);
  CHECK(g.segment(0).length_m == 10);
  CHECK(g.segment(0).seconds == Approx(1.0));  // 10 m at 36 km/h
}

TEST_CASE("an explicit travel time is spread over the line by length") {
  RoadLine l = road({{0, 0}, {300, 0}, {1000, 0}}, 0.0);  // speed unused
  l.seconds = 50;
  const auto lines = {l};
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  REQUIRE(g.segment_count() == 2);
  CHECK(g.segment(0).seconds == Approx(15));
  CHECK(g.segment(1).seconds == Approx(35));
  CHECK(g.segment(1).line == 0);
}

TEST_CASE("bad lines are refused, naming the line") {
  const RoadLine ok = road({{0, 0}, {1, 0}});
  auto build = [&](RoadLine bad) {
    return error_of([&] {
      const std::vector<RoadLine> lines{ok, ok, bad};
      RoadGraph::build(lines, 0.0);
    });
  };
  CHECK(build(road({{0, 0}})) == "road line 2: needs at least 2 points, has 1");
  CHECK(build(road({{0, 0}, {kNaN, 1}})) == "road line 2: point 1 has a non-finite coordinate");
  CHECK(build(road({{0, 0}, {1, std::numeric_limits<double>::infinity()}})) ==
        "road line 2: point 1 has a non-finite coordinate");
  CHECK(build(road({{0, 0}, {1, 0}}, 0)) ==
        "road line 2: speed must be a positive, finite km/h, got 0");
  CHECK(build(road({{0, 0}, {1, 0}}, -30)) ==
        "road line 2: speed must be a positive, finite km/h, got -30");
  CHECK(build(road({{0, 0}, {1, 0}}, kNaN)) ==
        "road line 2: speed must be a positive, finite km/h, got nan");
  RoadLine zero_time = ok;
  zero_time.seconds = 0;
  CHECK(build(zero_time) == "road line 2: travel time must be positive and finite seconds, got 0");
  RoadLine odd_direction = ok;
  odd_direction.direction = static_cast<Direction>(7);
  CHECK(build(odd_direction) == "road line 2: unknown direction 7");
  const auto lines = {ok};
  CHECK(error_of([&] { RoadGraph::build(lines, -1); }) ==
        "snapping tolerance must be a finite distance >= 0 m, got -1");
}

TEST_CASE("no lines: an empty graph") {
  const RoadGraph g = RoadGraph::build({}, 0.0);
  CHECK(g.node_count() == 0);
  CHECK(g.edge_count() == 0);
}
