// The stretches of road from which a facility is reached in time, on roads
// whose reach is worked out by hand: 36 km/h is 10 m/s, so a minute is
// 600 m of road.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "error_of.hpp"
#include "network/reached_segments.hpp"
#include "road_fixtures.hpp"

using namespace siterank;
using namespace siterank::network;
using namespace siterank::network::testing;
using siterank::testing::error_of;

namespace {

NearestFacility times_to(const Network& n, Point facility) {
  const std::optional<Attachment> at[] = {n.index.attach(facility, 1e9)};
  return nearest_facilities(n.graph, at);
}

// The reached length within [x0, x1] of the x axis (a road along it),
// overlapping stretches counted once.
double reached_between(const Network& n, const Reach& r, double x0, double x1) {
  std::vector<std::pair<double, double>> spans;
  for (const ReachedStretch& st : r.stretches) {
    const Segment& s = n.graph.segment(st.segment);
    const double a = n.graph.node(s.from).x, b = n.graph.node(s.to).x;
    const double lo = std::min(a + st.from * (b - a), a + st.to * (b - a));
    const double hi = std::max(a + st.from * (b - a), a + st.to * (b - a));
    if (std::min(hi, x1) > std::max(lo, x0)) spans.emplace_back(std::max(lo, x0), std::min(hi, x1));
  }
  std::sort(spans.begin(), spans.end());
  double m = 0, end = -1e300;
  for (const auto& [lo, hi] : spans) {
    if (hi > end) m += hi - std::max(lo, end);
    end = std::max(end, hi);
  }
  return m;
}

}  // namespace

TEST_CASE("a straight road at 36 km/h: one minute reaches 600 m each way") {
  const Network n({road({{-2000, 0}, {0, 0}, {2000, 0}})});
  const NearestFacility t = times_to(n, {0, 0});
  const Reach r = reached_segments(n.graph, t, 60);
  CHECK(r.road_m == Approx(1200));
  CHECK(reached_between(n, r, -600, 0) == Approx(600));
  CHECK(reached_between(n, r, 0, 600) == Approx(600));
  CHECK(reached_between(n, r, -2000, -600.001) == Approx(0).margin(1e-6));
  // The spare time runs from 60 s at the facility to 0 at the cut.
  for (const ReachedStretch& st : r.stretches) {
    const Segment& s = n.graph.segment(st.segment);
    const double x_from =
        n.graph.node(s.from).x + st.from * (n.graph.node(s.to).x - n.graph.node(s.from).x);
    const double x_to =
        n.graph.node(s.from).x + st.to * (n.graph.node(s.to).x - n.graph.node(s.from).x);
    CHECK(st.spare_from_s == Approx(60 - std::abs(x_from) / 10).margin(1e-9));
    CHECK(st.spare_to_s == Approx(60 - std::abs(x_to) / 10).margin(1e-9));
  }
}

TEST_CASE("a facility in the middle of a segment, with an access leg") {
  // 100 m off the road: 100 m at 15 km/h = 24 s, leaving 36 s = 360 m.
  const Network n({road({{-2000, 0}, {2000, 0}})});
  const Reach r = reached_segments(n.graph, times_to(n, {500, 100}), 60);
  CHECK(r.road_m == Approx(720));
  CHECK(reached_between(n, r, 140, 860) == Approx(720));
}

TEST_CASE("the road runs out before the time does") {
  const Network n({road({{0, 0}, {400, 0}})});
  const Reach r = reached_segments(n.graph, times_to(n, {0, 0}), 60);
  CHECK(r.road_m == Approx(400));
  bool far_end = false;
  for (const ReachedStretch& st : r.stretches)
    if (st.to == 1.0) {
      far_end = true;
      CHECK(st.spare_to_s == Approx(20));  // 400 m in 40 s of the 60
    }
  CHECK(far_end);
}

TEST_CASE("one-way: only the road that drives to the facility is reached") {
  // West to east only, facility at x = 0: what lies west drives to it,
  // what lies east would have to drive against the traffic.
  const Network n({road({{-2000, 0}, {0, 0}, {2000, 0}}, 36, Direction::forward)});
  const Reach r = reached_segments(n.graph, times_to(n, {0, 0}), 60);
  CHECK(r.road_m == Approx(600));
  CHECK(reached_between(n, r, -600, 0) == Approx(600));
  CHECK(reached_between(n, r, 0, 2000) == Approx(0).margin(1e-9));

  SECTION("digitised the other way, marked backward: the same") {
    const Network m({road({{2000, 0}, {0, 0}, {-2000, 0}}, 36, Direction::backward)});
    const Reach b = reached_segments(m.graph, times_to(m, {0, 0}), 60);
    CHECK(b.road_m == Approx(600));
    CHECK(reached_between(m, b, -600, 0) == Approx(600));
  }
  SECTION("a facility mid-segment on a one-way road") {
    const Network m({road({{-2000, 0}, {2000, 0}}, 36, Direction::forward)});
    const Reach b = reached_segments(m.graph, times_to(m, {500, 0}), 60);
    CHECK(b.road_m == Approx(600));
    CHECK(reached_between(m, b, -100, 500) == Approx(600));
  }
}

TEST_CASE("a grid: whole blocks and cut ones") {
  // 3x3 grid of 1000 m blocks at 10 m/s, facility on the corner (0, 0):
  // in 150 s the two streets from the corner (1000 m each) and 500 m
  // beyond each of the two nodes at 100 s, 4 ways: 2000 + 4 x 500.
  const Network n(grid(3));
  const Reach r = reached_segments(n.graph, times_to(n, {0, 0}), 150);
  CHECK(r.road_m == Approx(4000));
  // In 200 s: every block whose nearer node is at 0 s or 100 s, 2 + 4 of
  // the 12, and nothing beyond the nodes at 200 s.
  CHECK(reached_segments(n.graph, times_to(n, {0, 0}), 200).road_m == Approx(6000));
}

TEST_CASE("a segment reached from both ends counts its overlap once") {
  // A two-way loop of 4 x 1000 m from the facility's corner: in 250 s a
  // far side is reached whole from its node at 100 s and half from its
  // node at 200 s; the overlap counts once. In 150 s, half of each far side.
  const Network n({road({{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}})});
  const NearestFacility t = times_to(n, {0, 0});
  CHECK(reached_segments(n.graph, t, 250).road_m == Approx(4000));
  CHECK(reached_segments(n.graph, t, 150).road_m == Approx(3000));
  CHECK(reached_segments(n.graph, t, 1000).road_m == Approx(4000));
}

TEST_CASE("a reach never exceeds a longer limit's") {
  std::mt19937 rng(7);
  const Network n(grid(6, 700));
  std::uniform_real_distribution<double> coord(-100, 3600);
  for (int trial = 0; trial < 20; ++trial) {
    const NearestFacility t = times_to(n, {coord(rng), coord(rng)});
    double last = 0;
    for (double limit : {0.0, 30.0, 100.0, 250.0, 400.0, 1e4}) {
      const double m = reached_segments(n.graph, t, limit).road_m;
      CHECK(m >= last - 1e-6);
      last = m;
    }
    double total = 0;
    for (std::uint32_t s = 0; s < n.graph.segment_count(); ++s)
      total += n.graph.segment(s).length_m;
    CHECK(last == Approx(total));
  }
}

TEST_CASE("an unreachable facility reaches nothing; bad limits are refused") {
  const Network n({road({{0, 0}, {1000, 0}})});
  const std::optional<Attachment> none[] = {std::nullopt};
  const NearestFacility t = nearest_facilities(n.graph, none);
  CHECK(reached_segments(n.graph, t, 600).stretches.empty());
  CHECK(reached_segments(n.graph, t, 600).road_m == 0);
  CHECK(error_of<std::invalid_argument>([&] { reached_segments(n.graph, t, -1); }) ==
        "time limit must be finite seconds >= 0, got -1");
  const Network other(grid(2));
  CHECK(error_of<std::invalid_argument>([&] { reached_segments(other.graph, t, 1); }) ==
        "the travel times were computed on another road graph");
}

TEST_CASE("a road point is reached exactly when time_from says it is in time") {
  std::mt19937 rng(11);
  std::vector<RoadLine> lines = grid(5, 500);
  // Some one-way streets, both ways round.
  lines[1].direction = Direction::forward;
  lines[6].direction = Direction::backward;
  const Network n(lines);
  std::uniform_real_distribution<double> coord(-50, 2050), unit(0, 1);
  std::uniform_int_distribution<std::uint32_t> segment(0, n.graph.segment_count() - 1);
  for (int trial = 0; trial < 10; ++trial) {
    const Point facility{coord(rng), coord(rng)};
    const NearestFacility t = times_to(n, facility);
    for (double limit : {40.0, 95.0, 170.0}) {
      const Reach r = reached_segments(n.graph, t, limit);
      for (int k = 0; k < 200; ++k) {
        Attachment p;
        p.segment = segment(rng);
        p.fraction = unit(rng);
        p.from = n.graph.segment(p.segment).from;
        p.to = n.graph.segment(p.segment).to;
        const double seconds = time_from(n.graph, p, t).seconds;
        if (std::abs(seconds - limit) < 1e-6) continue;
        bool covered = false;
        for (const ReachedStretch& st : r.stretches)
          covered |= st.segment == p.segment && st.from <= p.fraction && p.fraction <= st.to;
        INFO("segment " << p.segment << " at " << p.fraction << ": " << seconds << " s");
        CHECK(covered == (seconds < limit));
      }
    }
  }
}
