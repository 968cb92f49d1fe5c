// The R-tree index answers like brute force, and polygon distances are exact.
#include <catch2/catch.hpp>
#include <random>

#include "data/reference_index.hpp"
#include "sdk_fixtures.hpp"

using namespace siterank;
using namespace siterank::testing;

TEST_CASE("nearest and within agree with brute force, with and without filters") {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> coord(0, 10000);
  std::vector<Point> pts;
  std::vector<std::vector<std::string>> rows;
  const char* industries[] = {"integrated_circuits", "biomedicine_devices;integrated_circuits",
                              "new_materials"};
  for (int i = 0; i < 500; ++i) {
    pts.push_back({coord(rng), coord(rng)});
    rows.push_back({industries[i % 3], std::to_string(i % 2)});
  }
  BruteForceReference brute;
  brute.layers.push_back(
      make_point_layer("firms", "firms", pts, {"industry", "leader"}, rows, {"leader"}));
  const ReferenceIndex index(brute.layers);
  const ReferenceLayer& layer = *index.layer("firms");
  CHECK(index.layer("nothing") == nullptr);

  AttributeFilter ic{"industry", {"integrated_circuits"}};
  AttributeFilter leaders{"leader", {}, 1, 1};
  for (int q = 0; q < 50; ++q) {
    const Point p{coord(rng), coord(rng)};
    for (const AttributeFilter* f : std::vector<const AttributeFilter*>{nullptr, &ic, &leaders}) {
      const auto a = index.nearest(layer, p, 5, f);
      const auto b = brute.nearest(brute.layers[0], p, 5, f);
      REQUIRE(a.size() == b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].feature == b[i].feature);
        CHECK(a[i].distance_m == Approx(b[i].distance_m));
      }
      const auto c = index.within(layer, p, 1500, f);
      const auto d = brute.within(brute.layers[0], p, 1500, f);
      REQUIRE(c.size() == d.size());
      for (std::size_t i = 0; i < c.size(); ++i) CHECK(c[i].feature == d[i].feature);
    }
  }
  // Multi-valued text attributes match on any part.
  for (const auto& h : index.within(layer, {5000, 5000}, 20000, &ic)) CHECK(h.feature % 3 != 2);
}

TEST_CASE("distances to polygon features are 0 inside and exact outside") {
  ReferenceLayer zones;
  zones.name = "zones";
  zones.role = "flood_zones";
  zones.kind = GeometryKind::polygon;
  // Two squares: [0,100]^2 and [1000,1100]x[0,100].
  for (double x0 : {0.0, 1000.0}) {
    for (const Point& p : rectangle(x0, 0, 100, 100)) zones.polygons.points.push_back(p);
    zones.polygons.ring_offsets.push_back(zones.polygons.points.size());
    zones.polygons.ring_is_exterior.push_back(1);
    zones.polygons.feature_ring_offsets.push_back(zones.polygons.ring_offsets.size() - 1);
    zones.points.push_back({x0 + 50, 50});
  }
  const std::vector<ReferenceLayer> layers{zones};
  const ReferenceIndex index(layers);
  const ReferenceLayer& l = *index.layer("flood_zones");

  auto hits = index.nearest(l, {50, 50}, 1);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].feature == 0);
  CHECK(hits[0].distance_m == 0);

  // From (400, 200): to square 0 corner (100,100): sqrt(300²+100²) = 316.228;
  // to square 1 corner (1000,100): sqrt(600²+100²) = 608.276.
  hits = index.nearest(l, {400, 200}, 2);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].feature == 0);
  CHECK(hits[0].distance_m == Approx(316.228).epsilon(1e-5));
  CHECK(hits[1].distance_m == Approx(608.276).epsilon(1e-5));
  // From (900, 50) the edge x=1000 is 100 m away, square 0's edge 800 m.
  hits = index.within(l, {900, 50}, 150);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].feature == 1);
  CHECK(hits[0].distance_m == Approx(100));
}

TEST_CASE("many hits come sorted by distance, ties by feature, like brute force") {
  // A 30 x 30 grid, every point twice: hundreds of hits per query (the
  // host's wide-query sort) and exact distance ties broken by feature.
  std::vector<Point> pts;
  std::vector<std::vector<std::string>> rows;
  for (int copy = 0; copy < 2; ++copy)
    for (int i = 0; i < 30; ++i)
      for (int j = 0; j < 30; ++j) {
        pts.push_back({100.0 * i, 100.0 * j});
        rows.push_back({std::to_string(copy)});
      }
  BruteForceReference brute;
  brute.layers.push_back(make_point_layer("grid", "grid", pts, {"copy"}, rows, {"copy"}));
  const ReferenceIndex index(brute.layers);
  const ReferenceLayer& layer = *index.layer("grid");
  for (const Point p : {Point{1500, 1500}, Point{0, 0}, Point{1234.5, 987.6}}) {
    const auto a = index.within(layer, p, 1200);
    const auto b = brute.within(brute.layers[0], p, 1200);
    REQUIRE(a.size() > 200);
    REQUIRE(a.size() == b.size());
    // The same features at the same distances (brute force uses hypot, the
    // index Boost's sqrt: equal to the last bit or two) ...
    std::vector<double> at(pts.size(), -1.0);
    for (const Hit& h : b) at[h.feature] = h.distance_m;
    for (const Hit& h : a) CHECK(h.distance_m == Approx(at[h.feature]).margin(1e-9));
    // ... in the promised order of the index's own distances.
    for (std::size_t i = 1; i < a.size(); ++i) {
      CHECK(a[i - 1].distance_m <= a[i].distance_m);
      if (a[i - 1].distance_m == a[i].distance_m) CHECK(a[i - 1].feature < a[i].feature);
    }
    // Every point is there twice, so at least half the hits tie with the one before.
    std::size_t ties = 0;
    for (std::size_t i = 1; i < a.size(); ++i) ties += a[i - 1].distance_m == a[i].distance_m;
    CHECK(ties >= a.size() / 2);
  }
}
