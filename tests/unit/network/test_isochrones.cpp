// Isochrone polygons: areas worked out by hand on straight roads (36 km/h =
// 10 m/s on the road, 15 km/h access legs), and on a grid every point
// checked against the definition: inside exactly when some reached road
// point lies within the distance its spare time allows, capped.
#include <boost/geometry.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <random>
#include <tuple>

#include "error_of.hpp"
#include "network/isochrones.hpp"
#include "road_fixtures.hpp"

using namespace siterank;
using namespace siterank::network;
using namespace siterank::network::testing;
using siterank::testing::error_of;

namespace bg = boost::geometry;

namespace {

using BgPoint = bg::model::d2::point_xy<double>;
using BgPolygon = bg::model::polygon<BgPoint, false, true>;
using BgMulti = bg::model::multi_polygon<BgPolygon>;

constexpr double pi = std::numbers::pi;
constexpr double access_mps = 15 / 3.6;

RoadNetworkSettings settings(double max_access_m) {
  RoadNetworkSettings s;
  s.max_access_m = max_access_m;
  return s;
}

struct Result {
  std::vector<IsochroneShape> shapes;
  PolygonStore store;
};

Result isochrones(const Network& n, Point facility, std::vector<double> limits,
                  double max_access_m) {
  Result r;
  r.shapes = facility_isochrones(n.graph, *n.index.attach(facility, 1e9), limits,
                                 settings(max_access_m), r.store);
  return r;
}

BgMulti to_bg(const PolygonStore& store, std::size_t feature) {
  const PolygonView v(store, feature);
  BgMulti m;
  for (std::size_t r = 0; r < v.ring_count(); ++r) {
    bg::model::ring<BgPoint, false, true> ring;
    for (const Point& p : v.ring(r)) ring.push_back(BgPoint(p.x, p.y));
    if (v.is_exterior(r)) {
      m.emplace_back();
      m.back().outer() = ring;
    } else {
      m.back().inners().push_back(ring);
    }
  }
  return m;
}

// Convex hull of a disc of radius R and a point D from its centre:
// two tangent triangles (R·L, L the tangent length) and the disc's sector
// beyond them (angle 2π - 2·acos(R/D)).
double disc_and_point(double R, double D) {
  return R * std::sqrt(D * D - R * R) + R * R * (pi - std::acos(R / D));
}

}  // namespace

TEST_CASE("a road shorter than the reach, capped buffer: a rectangle and two half discs") {
  // 400 m of road in 40 s leaves 20 s at the far end, 83 m on foot: more
  // than the 50 m cap everywhere, so the buffer is 50 m all along.
  const Network n({road({{0, 0}, {400, 0}})});
  const Result r = isochrones(n, {0, 0}, {60}, 50);
  REQUIRE(r.shapes.size() == 1);
  CHECK(r.shapes[0].limit_s == 60);
  CHECK(r.shapes[0].road_m == Approx(400));
  const double want = 400 * 100 + pi * 50 * 50;
  CHECK(r.shapes[0].area_m2 == Approx(want).epsilon(0.005));
  CHECK(PolygonView(r.store, 0).area() == Approx(r.shapes[0].area_m2));
  CHECK(bg::is_valid(to_bg(r.store, 0)));
}

TEST_CASE("a facility at the end of a long road: a disc tapering to the last point reached") {
  // 60 s: 250 m on foot at the facility, 600 m of road at 10 m/s, the
  // buffer narrowing linearly to 0 there (the 2000 m cap never bites).
  const Network n({road({{0, 0}, {3000, 0}})});
  const Result r = isochrones(n, {0, 0}, {60}, 2000);
  CHECK(r.shapes[0].road_m == Approx(600));
  CHECK(r.shapes[0].area_m2 == Approx(disc_and_point(250, 600)).epsilon(0.005));
  bg::model::box<BgPoint> box;
  bg::envelope(to_bg(r.store, 0), box);
  CHECK(box.min_corner().x() == Approx(-250).epsilon(0.005));
  CHECK(box.max_corner().x() == Approx(600).margin(1e-6));
}

TEST_CASE("one-way: the polygon leaves out the road that cannot drive to the facility") {
  // Traffic west to east; the facility at x = 0 is reached from the west
  // only. East of it just its own disc: the access legs still reach it.
  const Network n({road({{-3000, 0}, {0, 0}, {3000, 0}}, 36, Direction::forward)});
  const Result r = isochrones(n, {0, 0}, {60}, 2000);
  CHECK(r.shapes[0].road_m == Approx(600));
  CHECK(r.shapes[0].area_m2 == Approx(disc_and_point(250, 600)).epsilon(0.005));
  bg::model::box<BgPoint> box;
  bg::envelope(to_bg(r.store, 0), box);
  CHECK(box.min_corner().x() == Approx(-600).margin(1e-6));
  CHECK(box.max_corner().x() == Approx(250).epsilon(0.005));

  SECTION("two-way, the same road reaches as far east") {
    const Network m({road({{-3000, 0}, {0, 0}, {3000, 0}})});
    const Result both = isochrones(m, {0, 0}, {60}, 2000);
    CHECK(both.shapes[0].road_m == Approx(1200));
    bg::envelope(to_bg(both.store, 0), box);
    CHECK(box.max_corner().x() == Approx(600).margin(1e-6));
  }
}

TEST_CASE("several limits in the order given; nothing in time, or no access, no area") {
  const Network n({road({{0, 0}, {3000, 0}})});
  // 100 m off the road: its own access leg takes 24 s.
  const Result r = isochrones(n, {0, 100}, {60, 10, 30}, 2000);
  REQUIRE(r.shapes.size() == 3);
  CHECK(r.store.feature_count() == 3);
  CHECK(r.shapes[0].road_m == Approx(360));
  CHECK(r.shapes[1].road_m == 0);  // 10 s: not even the access leg
  CHECK(r.shapes[1].area_m2 == 0);
  CHECK(PolygonView(r.store, 1).ring_count() == 0);
  CHECK(r.shapes[2].road_m == Approx(60));  // 6 s left: 60 m of road
  CHECK(r.shapes[2].area_m2 == Approx(disc_and_point(6 * access_mps, 60)).epsilon(0.01));
  CHECK(r.shapes[2].area_m2 < r.shapes[0].area_m2);

  const Result no_access = isochrones(n, {0, 0}, {60}, 0);
  CHECK(no_access.shapes[0].road_m == Approx(600));
  CHECK(no_access.shapes[0].area_m2 == 0);
  CHECK(PolygonView(no_access.store, 0).ring_count() == 0);
}

TEST_CASE("on a grid every point is inside exactly when the definition says so") {
  // Large enough for most capsules to lie inside others, which are then
  // left out of the union (the margin test holds for what is left).
  const auto [side, cap, limit] =
      GENERATE(std::tuple{6, 120.0, 110.0}, std::tuple{11, 400.0, 150.0});
  const Network n(grid(side, 200));
  const Point facility{430, 370};
  const Result r = isochrones(n, facility, {limit}, cap);
  const BgMulti shape = to_bg(r.store, 0);
  REQUIRE(bg::is_valid(shape));
  CHECK(bg::area(shape) == Approx(r.shapes[0].area_m2));

  // The definition, by brute force over the reached stretches.
  const std::optional<Attachment> at[] = {n.index.attach(facility, 1e9)};
  const Reach reach = reached_segments(n.graph, nearest_facilities(n.graph, at), limit);
  auto margin = [&](Point q) {  // < 0 inside, > 0 outside, in metres
    double best = 1e18;
    for (const ReachedStretch& st : reach.stretches) {
      const Segment& s = n.graph.segment(st.segment);
      const Point a = n.graph.node(s.from), b = n.graph.node(s.to);
      for (int k = 0; k <= 100; ++k) {
        const double u = k / 100.0;
        const double x = st.from + u * (st.to - st.from);
        const Point p{a.x + x * (b.x - a.x), a.y + x * (b.y - a.y)};
        const double radius =
            std::min(cap, access_mps * (st.spare_from_s + u * (st.spare_to_s - st.spare_from_s)));
        best = std::min(best, distance(q, p) - radius);
      }
    }
    return best;
  };
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> coord(-cap, (side - 1) * 200 + cap);
  int inside = 0, outside = 0;
  for (int i = 0; i < 1000; ++i) {
    const Point q{coord(rng), coord(rng)};
    const double m = margin(q);
    // The circles' polygons (0.1 % of the radius) and the sampling (2 m).
    if (std::abs(m) < 2.5) continue;
    INFO("(" << q.x << ", " << q.y << ") margin " << m);
    const bool in = bg::covered_by(BgPoint(q.x, q.y), shape);
    CHECK(in == (m < 0));
    (m < 0 ? inside : outside)++;
  }
  CHECK(inside > 100);
  CHECK(outside > 100);
}

TEST_CASE("longer limits give larger isochrones, each containing the last") {
  const Network n(grid(8, 300));
  const Result r = isochrones(n, {1000, 950}, {30, 60, 120, 240, 600}, 250);
  for (std::size_t k = 1; k < r.shapes.size(); ++k) {
    INFO("limit " << r.shapes[k].limit_s);
    CHECK(r.shapes[k].area_m2 > r.shapes[k - 1].area_m2);
    CHECK(r.shapes[k].road_m >= r.shapes[k - 1].road_m);
    const BgMulti inner = to_bg(r.store, k - 1), outer = to_bg(r.store, k);
    REQUIRE(bg::is_valid(outer));
    BgMulti outside_outer;
    bg::difference(inner, outer, outside_outer);
    CHECK(bg::area(outside_outer) < 1e-6 * bg::area(inner) + 1.0);
  }
}

TEST_CASE("bad access settings are refused") {
  const Network n({road({{0, 0}, {1000, 0}})});
  PolygonStore store;
  const Reach reach;
  CHECK(error_of<std::invalid_argument>([&] { append_isochrone(n.graph, reach, 0, 100, store); }) ==
        "access speed must be a positive, finite km/h, got 0");
  CHECK(error_of<std::invalid_argument>([&] { append_isochrone(n.graph, reach, 15, -1, store); }) ==
        "maximum access distance must be finite and >= 0 m, got -1");
}
