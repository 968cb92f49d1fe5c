// Every facility within a time limit: a hand-computed grid, one-way roads,
// another component, brute force on random networks, and the limit's edge.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

#include "error_of.hpp"
#include "network/facility_reach.hpp"
#include "road_brute_force.hpp"
#include "road_fixtures.hpp"

using namespace siterank;
using namespace siterank::network;
using namespace siterank::network::testing;
using siterank::testing::error_of;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<ReachedFacility> reached(const RoadGraph& g, const FacilityReach& r, Point parcel) {
  std::vector<ReachedFacility> out;
  reach_from(g, *SegmentIndex(g).attach(parcel, 1e9), r, kDefaultAccessSpeedKmh, out);
  return out;
}

}  // namespace

TEST_CASE("a 3x3 grid: facilities within the limit, by time") {
  // Blocks of 1000 m at 36 km/h: 100 s a block. Facilities on nodes
  // (0,0), (2000,0), (2000,2000); the parcel on node (1000,0), 0 m off.
  const auto lines = grid(3);
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  const auto facilities = attach_all(g, {{0, 0}, {2000, 0}, {2000, 2000}});
  const FacilityReach r = facility_reach(g, facilities, 150.0);
  const auto got = reached(g, r, {1000, 0});
  // 100 s to each of the first two, 300 s to the third (past 150 s).
  REQUIRE(got.size() == 2);
  CHECK(got[0].facility == 0);
  CHECK(got[0].seconds == Approx(100));
  CHECK(got[1].facility == 1);
  CHECK(got[1].seconds == Approx(100));
  // The limit itself is inside.
  const FacilityReach exact = facility_reach(g, facilities, 300.0);
  const auto all = reached(g, exact, {1000, 0});
  REQUIRE(all.size() == 3);
  CHECK(all[2].facility == 2);
  CHECK(all[2].seconds == Approx(300));
  // Nodes past the limit keep no entry: node 8 (2000,2000) is 400 s from
  // facility 0, so under 300 s it lists facilities 1 and 2 only.
  const auto n8 = exact.from_node(8);
  REQUIRE(n8.size() == 2);
  CHECK(n8[0].facility == 1);
  CHECK(n8[0].seconds == Approx(200));
  CHECK(n8[1].facility == 2);
  CHECK(n8[1].seconds == Approx(0));
}

TEST_CASE("access legs count against the limit") {
  const auto lines = grid(3);
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  // The facility 50 m off mid-block (0,0)-(1000,0): 12 s at 15 km/h, and
  // 50 s along to either node. The parcel 30 m (7.2 s) off node (1000,0)'s
  // block (1000,0)-(2000,0) at its start.
  const auto facilities = attach_all(g, {{500, -50}});
  const Point parcel{1000, -30};
  CHECK(reached(g, facility_reach(g, facilities, 69.2), parcel).size() == 1);
  CHECK(reached(g, facility_reach(g, facilities, 69.1), parcel).empty());  // 7.2 + 50 + 12
  // A parcel whose own leg exceeds the limit reaches nothing.
  CHECK(reached(g, facility_reach(g, facilities, 5.0), {500, -100}).empty());
}

TEST_CASE("one-way roads and another component") {
  // A one-way loop A(0,0) -> B(1000,0) -> C(1000,1000) -> D(0,1000) -> A,
  // 100 s a side, and a separate road far away.
  std::vector<RoadLine> lines = {
      road({{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}, 36, Direction::forward),
      road({{5000, 5000}, {6000, 5000}})};
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  const auto facilities = attach_all(g, {{1000, 0}, {5500, 5000}});
  const FacilityReach r = facility_reach(g, facilities, 1000.0);
  // From A to B: 100 s forward. From C to B: round the loop, 300 s.
  auto from_a = reached(g, r, {0, 0});
  REQUIRE(from_a.size() == 1);
  CHECK(from_a[0].seconds == Approx(100));
  auto from_c = reached(g, r, {1000, 1000});
  REQUIRE(from_c.size() == 1);
  CHECK(from_c[0].seconds == Approx(300));
  // The far road reaches only its own facility, 50 s away.
  auto far = reached(g, r, {6000, 5000});
  REQUIRE(far.size() == 1);
  CHECK(far[0].facility == 1);
  CHECK(far[0].seconds == Approx(50));
}

TEST_CASE("bad inputs are refused") {
  const auto lines = grid(2);
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  CHECK(error_of([&] { facility_reach(g, {}, -1); }) ==
        "a time limit must be finite and at least 0 s");
  CHECK(error_of([&] { facility_reach(g, {}, kInf); }) ==
        "a time limit must be finite and at least 0 s");
  CHECK(error_of([&] { facility_reach(g, {}, 10, 0); }) ==
        "access speed must be a positive, finite km/h, got 0");
  Attachment at;
  at.segment = 99;
  const std::vector<std::optional<Attachment>> bad{at};
  CHECK(error_of([&] { facility_reach(g, bad, 10); }) ==
        "facility 0 is not attached to this road graph");
}

TEST_CASE("on random networks, the facilities reached equal brute force (Floyd-Warshall)") {
  std::mt19937_64 rng(29);
  std::uniform_real_distribution<double> limit(0, 400);
  for (int trial = 0; trial < 40; ++trial) {
    INFO("trial " << trial);
    const auto lines = random_lines(rng, 14, 18);
    const RoadGraph g = RoadGraph::build(lines, 0.0);
    auto facilities = attach_all(g, random_points(rng, 6));
    if (trial % 4 == 0) facilities[2].reset();
    const double max_s = limit(rng);
    const FacilityReach r = facility_reach(g, facilities, max_s);
    const auto d = floyd_warshall(g);
    const SegmentIndex index(g);
    std::vector<ReachedFacility> got;
    for (const Point& q : random_points(rng, 12)) {
      const Attachment p = *index.attach(q, 1e9);
      reach_from(g, p, r, kDefaultAccessSpeedKmh, got);
      std::vector<ReachedFacility> expected;
      for (std::uint32_t k = 0; k < facilities.size(); ++k) {
        if (!facilities[k]) continue;
        const double t = access_seconds(p.access_m, kDefaultAccessSpeedKmh) +
                         point_to_point(g, d, p, *facilities[k]) +
                         access_seconds(facilities[k]->access_m, kDefaultAccessSpeedKmh);
        // Away from the limit by a margin, so rounding cannot decide.
        if (std::abs(t - max_s) < 1e-6) continue;
        if (t <= max_s) expected.push_back({k, t});
      }
      std::erase_if(got, [&](const ReachedFacility& x) {
        const double t = x.seconds;
        return std::abs(t - max_s) < 1e-6;
      });
      std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
        return a.seconds != b.seconds ? a.seconds < b.seconds : a.facility < b.facility;
      });
      REQUIRE(got.size() == expected.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].facility == expected[i].facility);
        CHECK(got[i].seconds == Approx(expected[i].seconds).epsilon(1e-9).margin(1e-9));
      }
    }
  }
}
