// OGR geometries flattened into a PolygonStore: one feature per call, closed
// rings, exterior rings counter-clockwise and holes clockwise whatever the
// source's orientation, areas in m², and features without area undone.
#include <ogr_geometry.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <numbers>
#include <string>
#include <vector>

#include "data/ogr_geometry_ptr.hpp"
#include "data/ogr_layer.hpp"
#include "data/polygon_flattening.hpp"

using namespace siterank;
using siterank::data_detail::append_polygons;
using siterank::data_detail::drop_last_feature;
using siterank::data_detail::GeometryPtr;

namespace {

GeometryPtr from_wkt(const std::string& wkt) {
  OGRGeometry* g = nullptr;
  REQUIRE(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) == OGRERR_NONE);
  return GeometryPtr(g);
}

double append_wkt(const std::string& wkt, PolygonStore& store) {
  return append_polygons(from_wkt(wkt).get(), store);
}

bool same_point(Point a, Point b) { return a.x == b.x && a.y == b.y; }

// Coordinates near Hangzhou in EPSG:4549, as parcels have them.
constexpr double E = 512345.678, N = 3345678.901;

}  // namespace

TEST_CASE("a clockwise square becomes one counter-clockwise exterior ring") {
  PolygonStore s;
  // (0,0) -> (0,10) -> (10,10) -> (10,0) turns right at every corner: clockwise.
  const double area = append_wkt("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))", s);
  CHECK(area == 100);  // 10 m x 10 m
  REQUIRE(s.feature_count() == 1);
  const PolygonView v(s, 0);
  REQUIRE(v.ring_count() == 1);
  CHECK(v.is_exterior(0));
  const auto ring = v.ring(0);
  REQUIRE(ring.size() == 5);
  CHECK(same_point(ring.front(), ring.back()));
  CHECK(signed_ring_area(ring) == 100);  // positive: counter-clockwise
  // Reversed, the ring runs (0,0) -> (10,0) -> (10,10) -> (0,10).
  CHECK(same_point(ring[1], {10, 0}));
  CHECK(same_point(ring[3], {0, 10}));
}

TEST_CASE("a counter-clockwise hole is turned clockwise and its area subtracted") {
  PolygonStore s;
  // A 20 x 20 exterior drawn counter-clockwise and a 5 x 5 hole drawn
  // counter-clockwise too (the wrong way for a hole).
  const double area =
      append_wkt("POLYGON ((0 0, 20 0, 20 20, 0 20, 0 0), (5 5, 10 5, 10 10, 5 10, 5 5))", s);
  CHECK(area == 375);  // 400 - 25
  const PolygonView v(s, 0);
  REQUIRE(v.ring_count() == 2);
  CHECK(v.is_exterior(0));
  CHECK(!v.is_exterior(1));
  CHECK(signed_ring_area(v.ring(0)) == 400);
  CHECK(signed_ring_area(v.ring(1)) == -25);  // clockwise
  CHECK(v.area() == 375);
}

TEST_CASE("every polygon of a multipolygon is one feature's exterior ring") {
  PolygonStore s;
  // A 10 x 10 square and a right triangle with legs 6 and 4 (area 12), the
  // triangle drawn clockwise.
  const double area =
      append_wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 20 4, 26 0, 20 0)))", s);
  CHECK(area == 112);
  REQUIRE(s.feature_count() == 1);
  const PolygonView v(s, 0);
  REQUIRE(v.ring_count() == 2);
  CHECK(v.is_exterior(0));
  CHECK(v.is_exterior(1));
  CHECK(signed_ring_area(v.ring(0)) == 100);
  CHECK(signed_ring_area(v.ring(1)) == 12);
}

TEST_CASE("features follow one another in the store") {
  PolygonStore s;
  CHECK(append_wkt("POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0))", s) == 12);
  CHECK(append_wkt("POLYGON ((0 0, 20 0, 20 20, 0 20, 0 0), (5 5, 5 10, 10 10, 10 5, 5 5))", s) ==
        375);
  REQUIRE(s.feature_count() == 2);
  CHECK(s.feature_ring_offsets == std::vector<std::size_t>{0, 1, 3});
  CHECK(s.ring_offsets == std::vector<std::size_t>{0, 5, 10, 15});
  CHECK(s.ring_is_exterior == std::vector<std::uint8_t>{1, 1, 0});
  CHECK(PolygonView(s, 0).area() == 12);
  CHECK(PolygonView(s, 1).area() == 375);
}

TEST_CASE("a ring left open is closed") {
  const data_detail::QuietGdal quiet;  // OGR warns of the open ring; the loaders quiet it too
  OGRLinearRing ring;                  // four corners of a 4 x 3 rectangle, not closed
  ring.addPoint(0, 0);
  ring.addPoint(4, 0);
  ring.addPoint(4, 3);
  ring.addPoint(0, 3);
  OGRPolygon poly;
  poly.addRing(&ring);
  REQUIRE(poly.getExteriorRing()->getNumPoints() == 4);
  PolygonStore s;
  CHECK(append_polygons(&poly, s) == 12);
  const auto r = PolygonView(s, 0).ring(0);
  REQUIRE(r.size() == 5);
  CHECK(same_point(r.front(), {0, 0}));
  CHECK(same_point(r.back(), {0, 0}));
}

TEST_CASE("lines and points in a collection carry no area") {
  PolygonStore s;
  // What MakeValid can leave: a polygon with a stray line and point.
  const double area = append_wkt(
      "GEOMETRYCOLLECTION (POINT (50 50), LINESTRING (30 30, 40 40), "
      "POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0)))",
      s);
  CHECK(area == 9);
  REQUIRE(PolygonView(s, 0).ring_count() == 1);
}

TEST_CASE("a curve polygon is made linear first") {
  PolygonStore s;
  // A circle of radius 10 drawn clockwise (the upper arc from west to east,
  // then the lower one back), approximated by chords: the area is a little
  // under pi r² = 314.16, within 1 % of it.
  const double area =
      append_wkt("CURVEPOLYGON (CIRCULARSTRING (-10 0, 0 10, 10 0, 0 -10, -10 0))", s);
  CHECK(area < std::numbers::pi * 100);
  CHECK(area > 0.99 * std::numbers::pi * 100);
  const PolygonView v(s, 0);
  REQUIRE(v.ring_count() == 1);
  CHECK(v.ring(0).size() > 5);
  CHECK(signed_ring_area(v.ring(0)) > 0);  // turned counter-clockwise
}

TEST_CASE("a rectangle at Hangzhou coordinates keeps its drawn area") {
  PolygonStore s;
  const std::string wkt = "POLYGON ((" + std::to_string(E) + " " + std::to_string(N) + ", " +
                          std::to_string(E) + " " + std::to_string(N + 200) + ", " +
                          std::to_string(E + 300) + " " + std::to_string(N + 200) + ", " +
                          std::to_string(E + 300) + " " + std::to_string(N) + ", " +
                          std::to_string(E) + " " + std::to_string(N) + "))";
  CHECK(append_wkt(wkt, s) == Approx(60000));  // 300 m x 200 m
}

TEST_CASE("a feature without area is dropped without a trace") {
  PolygonStore s;
  append_wkt("POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0))", s);
  const PolygonStore before = s;

  // A line holds no polygon: an empty feature, then undone.
  std::size_t ring_mark = s.ring_offsets.size(), point_mark = s.points.size();
  CHECK(append_wkt("LINESTRING (0 0, 10 10)", s) == 0);
  CHECK(s.feature_count() == 2);
  CHECK(PolygonView(s, 1).ring_count() == 0);
  drop_last_feature(s, ring_mark, point_mark);
  CHECK(s.feature_ring_offsets == before.feature_ring_offsets);
  CHECK(s.ring_offsets == before.ring_offsets);
  CHECK(s.ring_is_exterior == before.ring_is_exterior);
  CHECK(s.points.size() == before.points.size());

  // A collapsed polygon (all on one line) has rings but no area.
  ring_mark = s.ring_offsets.size();
  point_mark = s.points.size();
  CHECK(append_wkt("POLYGON ((0 0, 5 0, 10 0, 0 0))", s) == 0);
  CHECK(s.points.size() > before.points.size());
  drop_last_feature(s, ring_mark, point_mark);
  CHECK(s.feature_ring_offsets == before.feature_ring_offsets);
  CHECK(s.ring_offsets == before.ring_offsets);
  CHECK(s.ring_is_exterior == before.ring_is_exterior);
  CHECK(s.points.size() == before.points.size());
}
