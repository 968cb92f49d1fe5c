// Times to the nearest facility: hand-computed networks, brute force on
// random ones, and a metamorphic check.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

#include "error_of.hpp"
#include "network/travel_times.hpp"
#include "road_brute_force.hpp"
#include "road_fixtures.hpp"

using namespace siterank;
using namespace siterank::network;
using namespace siterank::network::testing;
using siterank::testing::error_of;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

NearestFacility nearest(const RoadGraph& g, std::vector<Point> facilities) {
  return nearest_facilities(g, attach_all(g, std::move(facilities)));
}

FacilityTime parcel_time(const RoadGraph& g, const NearestFacility& nf, Point parcel) {
  return time_from(g, *SegmentIndex(g).attach(parcel, 1e9), nf);
}

// A one-way loop A(0,0) -> B(1000,0) -> C(1000,1000) -> D(0,1000) -> A,
// 100 s a side: nodes A..D are 0..3, segments A->B ... D->A are 0..3.
std::vector<RoadLine> loop(Direction d) {
  return {road({{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}, 36, d)};
}

}  // namespace

TEST_CASE("a 3x3 grid, facility on a corner: 100 s a block") {
  const auto lines = grid(3);
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  const NearestFacility nf = nearest(g, {{0, 0}});
  for (std::uint32_t row = 0; row < 3; ++row)
    for (std::uint32_t col = 0; col < 3; ++col) {
      INFO("node " << row * 3 + col);
      CHECK(nf.seconds[row * 3 + col] == Approx(100.0 * (row + col)));
      CHECK(nf.facility[row * 3 + col] == 0);
    }
}

TEST_CASE("a facility mid-block, with an access leg") {
  const auto lines = grid(3);
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  // (500, -50): 50 m off the block 0 -> 1, halfway; 50 m at 15 km/h = 12 s.
  const NearestFacility nf = nearest(g, {{500, -50}});
  const double expected[] = {50, 50, 150, 150, 150, 250, 250, 250, 350};
  for (std::uint32_t n = 0; n < 9; ++n) {
    INFO("node " << n);
    CHECK(nf.seconds[n] == Approx(12 + expected[n]));
  }
  // A parcel 30 m (7.2 s) off the middle of block 4 -> 5: 50 s to node 4
  // (150 s on), or 50 s to node 5 (250 s on).
  const FacilityTime t = parcel_time(g, nf, {1500, 1030});
  CHECK(t.seconds == Approx(7.2 + 50 + 150 + 12));
  CHECK(t.facility == 0);
}

TEST_CASE("one-way loop: the way back is the long way round") {
  const auto lines = loop(Direction::forward);
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  REQUIRE(g.node_count() == 4);
  SECTION("facility on node B") {
    // B attaches at the end of segment 0 (A -> B): B itself is 0 s away,
    // though segment 0 cannot be driven from B.
    const NearestFacility nf = nearest(g, {{1000, 0}});
    CHECK(nf.seconds[0] == Approx(100));
    CHECK(nf.seconds[1] == 0);
    CHECK(nf.seconds[2] == Approx(300));
    CHECK(nf.seconds[3] == Approx(200));
    CHECK(parcel_time(g, nf, {0, 0}).seconds == Approx(100));
  }
  SECTION("facility on node A") {
    const NearestFacility nf = nearest(g, {{0, 0}});
    CHECK(nf.seconds[1] == Approx(300));
    CHECK(parcel_time(g, nf, {1000, 0}).seconds == Approx(300));
  }
  SECTION("facility halfway along A -> B") {
    const NearestFacility nf = nearest(g, {{500, 0}});
    CHECK(nf.seconds[0] == Approx(50));
    CHECK(nf.seconds[3] == Approx(150));
    CHECK(nf.seconds[2] == Approx(250));
    CHECK(nf.seconds[1] == Approx(350));
  }
}

TEST_CASE("parcel and facility on the same segment") {
  // The facility at x = 750 on A -> B; parcels at 250 (behind it) and 900
  // (past it), by hand for each direction of the loop.
  struct Case {
    Direction direction;
    double from_250, from_900;
  };
  const Case cases[] = {
      // Straight on; past it: 10 s to B, 300 s round to A, 75 s on.
      {Direction::forward, 50, 385},
      {Direction::both, 50, 15},  // straight there either way
      // Behind it: 25 s back to A, 300 s round to B, 25 s back; past: 15 s.
      {Direction::backward, 350, 15},
  };
  for (const Case& c : cases) {
    INFO("direction " << static_cast<int>(c.direction));
    const auto lines = loop(c.direction);
    const RoadGraph g = RoadGraph::build(lines, 0.0);
    const NearestFacility nf = nearest(g, {{750, 0}});
    CHECK(parcel_time(g, nf, {250, 0}).seconds == Approx(c.from_250));
    CHECK(parcel_time(g, nf, {900, 0}).seconds == Approx(c.from_900));
    CHECK(parcel_time(g, nf, {750, 0}).seconds == 0);
  }
}

TEST_CASE("another component cannot be reached") {
  const auto lines = {road({{0, 0}, {1000, 0}}), road({{5000, 0}, {6000, 0}})};
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  const NearestFacility nf = nearest(g, {{0, 0}});
  CHECK(nf.seconds[1] == Approx(100));
  CHECK(nf.seconds[2] == kInf);
  CHECK(nf.seconds[3] == kInf);
  CHECK(nf.facility[2] == kNoFacility);
  const FacilityTime t = parcel_time(g, nf, {5500, 10});
  CHECK(t.seconds == kInf);
  CHECK(t.facility == kNoFacility);
}

TEST_CASE("two facilities: the nearer wins, a tie goes to the lower index") {
  // Nodes 0..4 at x = 0, 1000, ... 4000, 100 s apart.
  const auto lines = {road({{0, 0}, {1000, 0}, {2000, 0}, {3000, 0}, {4000, 0}})};
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  SECTION("west first") {
    const NearestFacility nf = nearest(g, {{0, 0}, {4000, 0}});
    CHECK(nf.facility == std::vector<std::uint32_t>{0, 0, 0, 1, 1});
    CHECK(nf.seconds[2] == Approx(200));
    CHECK(parcel_time(g, nf, {2000, 0}).facility == 0);
    CHECK(parcel_time(g, nf, {2900, 0}).facility == 1);
  }
  SECTION("east first: the tie follows the index, not the place") {
    const NearestFacility nf = nearest(g, {{4000, 0}, {0, 0}});
    CHECK(nf.facility == std::vector<std::uint32_t>{1, 1, 0, 0, 0});
    const FacilityTime t = parcel_time(g, nf, {2000, 0});
    CHECK(t.facility == 0);
    CHECK(t.seconds == Approx(200));
  }
  SECTION("an unattached facility keeps the others' indices") {
    const std::vector<std::optional<Attachment>> facilities{std::nullopt,
                                                            attach_all(g, {{4000, 0}})[0]};
    const NearestFacility nf = nearest_facilities(g, facilities);
    CHECK(nf.facility == std::vector<std::uint32_t>(5, 1));
    CHECK(nf.seconds[0] == Approx(400));
  }
  SECTION("no facility: nothing reachable") {
    const NearestFacility nf = nearest(g, {});
    CHECK(nf.seconds == std::vector<double>(5, kInf));
    CHECK(parcel_time(g, nf, {0, 0}).facility == kNoFacility);
  }
}

TEST_CASE("mismatched inputs are refused") {
  const auto lines = grid(2);
  const RoadGraph g = RoadGraph::build(lines, 0.0);
  const auto small_lines = {road({{0, 0}, {10, 0}})};
  const RoadGraph other = RoadGraph::build(small_lines, 0.0);
  const NearestFacility nf = nearest(other, {{0, 0}});
  const Attachment at = *SegmentIndex(g).attach({0, 0}, 10);
  CHECK(error_of([&] { time_from(g, at, nf); }) ==
        "the travel times were computed on another road graph");
  Attachment far = at;
  far.segment = 99;
  const std::vector<std::optional<Attachment>> facilities{at, far};
  CHECK(error_of([&] { nearest_facilities(g, facilities); }) ==
        "facility 1 is not attached to this road graph");
  CHECK(error_of([&] { nearest_facilities(g, facilities, -3); }) ==
        "access speed must be a positive, finite km/h, got -3");
  CHECK(error_of([&] { nearest_facilities(g, {}, 0); }) ==
        "access speed must be a positive, finite km/h, got 0");
  CHECK(error_of([&] { time_from(g, at, nearest(g, {}), -1); }) ==
        "access speed must be a positive, finite km/h, got -1");
}

namespace {

void check_time(double got, double expected) {
  if (std::isinf(expected))
    CHECK(got == kInf);
  else
    CHECK(got == Approx(expected).epsilon(1e-9).margin(1e-9));
}

}  // namespace

TEST_CASE("on random networks, times equal brute force (Floyd-Warshall)") {
  std::mt19937_64 rng(13);
  for (int trial = 0; trial < 40; ++trial) {
    INFO("trial " << trial);
    const auto lines = random_lines(rng, 14, 18);
    const RoadGraph g = RoadGraph::build(lines, 0.0);
    auto facilities = attach_all(g, random_points(rng, 3));
    if (trial % 4 == 0) facilities[1].reset();
    const NearestFacility nf = nearest_facilities(g, facilities);
    const auto d = floyd_warshall(g);
    // Brute force of facility k from network point p, access legs included.
    auto via = [&](const Attachment& p, std::uint32_t k) {
      if (!facilities[k]) return kInf;
      return point_to_point(g, d, p, *facilities[k]) +
             access_seconds(facilities[k]->access_m, kDefaultAccessSpeedKmh);
    };
    auto brute = [&](const Attachment& p) {
      double best = kInf;
      for (std::uint32_t k = 0; k < facilities.size(); ++k) best = std::min(best, via(p, k));
      return best;
    };
    for (std::uint32_t n = 0; n < g.node_count(); ++n) {
      INFO("node " << n);
      const auto p = at_node(g, n);
      check_time(nf.seconds[n], p ? brute(*p) : kInf);
      // The facility named is one at that time.
      if (nf.facility[n] != kNoFacility) check_time(via(*p, nf.facility[n]), nf.seconds[n]);
    }
    const SegmentIndex index(g);
    for (const Point& q : random_points(rng, 10)) {
      const Attachment p = *index.attach(q, 1e9);
      const FacilityTime t = time_from(g, p, nf);
      const double access = access_seconds(p.access_m, kDefaultAccessSpeedKmh);
      check_time(t.seconds, access + brute(p));
      if (t.facility != kNoFacility) check_time(access + via(p, t.facility), t.seconds);
    }
  }
}

TEST_CASE("metamorphic: a faster road never makes any time longer") {
  std::mt19937_64 rng(2024);
  int improved = 0;
  for (int trial = 0; trial < 40; ++trial) {
    INFO("trial " << trial);
    auto lines = random_lines(rng, 14, 16);
    const RoadGraph before = RoadGraph::build(lines, 0.0);
    const auto facilities = attach_all(before, random_points(rng, 2));
    const auto parcels = attach_all(before, random_points(rng, 10));
    // A motorway between two existing nodes: the nodes and the old segments
    // keep their indices, so the same attachments hold in the new graph.
    std::uniform_int_distribution<std::uint32_t> node(0, before.node_count() - 1);
    const std::uint32_t a = node(rng), b = node(rng);
    if (a == b) continue;
    lines.push_back(road({before.node(a), before.node(b)}, 120,
                         trial % 2 ? Direction::forward : Direction::both));
    const RoadGraph after = RoadGraph::build(lines, 0.0);
    REQUIRE(after.node_count() == before.node_count());
    const NearestFacility t0 = nearest_facilities(before, facilities);
    const NearestFacility t1 = nearest_facilities(after, facilities);
    for (std::uint32_t n = 0; n < before.node_count(); ++n) {
      INFO("node " << n);
      CHECK(t1.seconds[n] <= t0.seconds[n]);
      improved += t1.seconds[n] < t0.seconds[n];
    }
    for (const auto& p : parcels)
      CHECK(time_from(after, *p, t1).seconds <= time_from(before, *p, t0).seconds);
  }
  // The check would pass vacuously if the new roads never helped.
  CHECK(improved > 20);
}
