// The nearest network point, the access distance, and the access leg.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "error_of.hpp"
#include "network/network_attachment.hpp"
#include "road_fixtures.hpp"

using namespace siterank;
using namespace siterank::network;
using namespace siterank::network::testing;
using siterank::testing::error_of;

TEST_CASE("a point beside a segment attaches at its foot, mid-segment") {
  const Network net({road({{0, 0}, {1000, 0}})});
  const SegmentIndex& index = net.index;
  const auto at = index.attach({400, 30}, 2000);
  REQUIRE(at);
  CHECK(at->point.x == Approx(400));
  CHECK(at->point.y == Approx(0).margin(1e-12));
  CHECK(at->access_m == Approx(30));
  CHECK(at->fraction == Approx(0.4));
  CHECK(at->segment == 0);
  CHECK(at->from == 0);
  CHECK(at->to == 1);
}

TEST_CASE("past a segment's end the attachment is the end node") {
  const Network net({road({{0, 0}, {1000, 0}})});
  const auto at = net.index.attach({1060, 80}, 2000);
  REQUIRE(at);
  CHECK(at->fraction == 1.0);
  CHECK(at->point.x == 1000);
  CHECK(at->access_m == Approx(100));  // 60-80-100 triangle
}

TEST_CASE("beyond the maximum access distance there is no attachment") {
  const Network net({road({{0, 0}, {1000, 0}})});
  const SegmentIndex& index = net.index;
  CHECK_FALSE(index.attach({400, 30}, 29.9).has_value());
  CHECK(index.attach({400, 30}, 30).has_value());  // inclusive
  const Network empty(std::vector<RoadLine>{});
  CHECK_FALSE(empty.index.attach({0, 0}, 1e9).has_value());
}

TEST_CASE("the nearest of many segments") {
  // Grid segments: east-west rows 0-5 (row r: 2r, 2r+1), then north-south
  // columns 6-11 (column c: 6 + 2c, 7 + 2c).
  const Network net(grid(3));
  const SegmentIndex& index = net.index;
  // 300 m from x = 1000, 450 from y = 1000, 550 from y = 2000, 700 from x = 2000.
  const auto at = index.attach({1300, 1450}, 2000);
  REQUIRE(at);
  CHECK(at->segment == 9);  // column 1, node 4 (1000,1000) -> node 7 (1000,2000)
  CHECK(at->from == 4);
  CHECK(at->to == 7);
  CHECK(at->fraction == Approx(0.45));
  CHECK(at->access_m == Approx(300));
}

TEST_CASE("equally near segments: the lowest index") {
  const Network net(grid(3));
  const SegmentIndex& index = net.index;
  // 100 m from segment 3 (4 -> 5) and from segment 9 (4 -> 7).
  const auto diagonal = index.attach({1100, 1100}, 2000);
  REQUIRE(diagonal);
  CHECK(diagonal->segment == 3);
  CHECK(diagonal->fraction == Approx(0.1));
  // On node 4, the end of segments 2, 3, 8 and 9.
  const auto on_node = index.attach({1000, 1000}, 0);
  REQUIRE(on_node);
  CHECK(on_node->segment == 2);
  CHECK(on_node->fraction == 1.0);
  CHECK(on_node->access_m == 0);
}

TEST_CASE("access legs: metres at the access speed") {
  CHECK(kDefaultAccessSpeedKmh == 15.0);
  CHECK(access_seconds(50, kDefaultAccessSpeedKmh) == Approx(12));
  CHECK(access_seconds(50, 5) == Approx(36));
  CHECK(error_of([] { access_seconds(10, 0); }) ==
        "access speed must be a positive, finite km/h, got 0");
}

TEST_CASE("a negative or NaN maximum access distance, or a non-finite point, is refused") {
  const Network net({road({{0, 0}, {1000, 0}})});
  const SegmentIndex& index = net.index;
  CHECK(error_of([&] {
          index.attach({0, 0}, -1);
        }) == "maximum access distance must be >= 0 m, got -1");
  CHECK(error_of([&] {
          index.attach({0, 0}, std::numeric_limits<double>::quiet_NaN());
        }) == "maximum access distance must be >= 0 m, got nan");
  CHECK(error_of([&] {
          index.attach({std::numeric_limits<double>::quiet_NaN(), 0}, 10);
        }) == "cannot attach a point with a non-finite coordinate");
}

TEST_CASE("ties are broken by index wherever the tree finds them first") {
  // Spokes out of one node, in scrambled order, and the same road
  // digitised several times: every query below ties between segments the
  // tree stores apart from their index order.
  std::vector<RoadLine> lines;
  for (int i = 0; i < 24; ++i) {
    const double a = ((i * 7) % 24) * std::acos(-1.0) / 12;
    lines.push_back(road({{1000 * std::cos(a), 1000 * std::sin(a)}, {0, 0}}));
  }
  for (int i = 0; i < 6; ++i) lines.push_back(road({{5000, 5000}, {6000, 5000}}));
  const Network net(lines);
  const SegmentIndex& index = net.index;
  const auto centre = index.attach({0, 0}, 1);
  REQUIRE(centre);
  CHECK(centre->segment == 0);
  for (double x : {5000.0, 5300.0, 5999.0, 6500.0}) {
    INFO(x);
    const auto dup = index.attach({x, 4990}, 1e4);
    REQUIRE(dup);
    CHECK(dup->segment == 24);
  }
}
