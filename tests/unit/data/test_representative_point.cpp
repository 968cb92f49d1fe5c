// Point-in-polygon on a PolygonView (holes are outside) and the
// representative point: the centroid when it lies inside, else a point on
// the surface, never outside the parcel.
#include <ogr_geometry.h>

#include <catch2/catch.hpp>
#include <memory>
#include <vector>

#include "data/representative_point.hpp"

using namespace siterank;
using siterank::data_detail::point_in_feature;
using siterank::data_detail::representative_point;

namespace {

using Ring = std::vector<Point>;    // open: the last point is not repeated
using Polygon = std::vector<Ring>;  // the exterior ring (counter-clockwise), then holes (clockwise)

// One feature, as the loader stores it and as the OGR geometry it came from.
struct Feature {
  PolygonStore store;
  std::unique_ptr<OGRGeometry> geometry;
  PolygonView view() const { return PolygonView(store, 0); }
};

Feature feature(const std::vector<Polygon>& polygons) {
  Feature f;
  auto multi = std::make_unique<OGRMultiPolygon>();
  for (const Polygon& polygon : polygons) {
    OGRPolygon ogr;
    for (std::size_t r = 0; r < polygon.size(); ++r) {
      OGRLinearRing ring;
      for (const Point& p : polygon[r]) {
        f.store.points.push_back(p);
        ring.addPoint(p.x, p.y);
      }
      f.store.points.push_back(polygon[r].front());
      ring.closeRings();
      ogr.addRing(&ring);
      f.store.ring_offsets.push_back(f.store.points.size());
      f.store.ring_is_exterior.push_back(r == 0 ? 1 : 0);
    }
    multi->addGeometry(&ogr);
  }
  f.store.feature_ring_offsets.push_back(f.store.ring_offsets.size() - 1);
  if (polygons.size() == 1)
    f.geometry.reset(multi->getGeometryRef(0)->clone());
  else
    f.geometry = std::move(multi);
  return f;
}

Ring rectangle(double x0, double y0, double x1, double y1, bool hole = false) {
  if (hole) return {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}};
  return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

// Whether GEOS finds p inside g: an answer independent of point_in_feature.
bool geos_inside(const OGRGeometry& g, Point p) {
  const OGRPoint pt(p.x, p.y);
  return pt.Within(&g);
}

// Coordinates near Hangzhou in EPSG:4549, where precision matters most.
constexpr double E = 512345.678, N = 3345678.901;

}  // namespace

TEST_CASE("points inside, outside and on the far side of a square") {
  const Feature f = feature({{rectangle(0, 0, 10, 10)}});
  CHECK(point_in_feature(f.view(), {5, 5}));
  CHECK(point_in_feature(f.view(), {0.5, 9.5}));
  CHECK(!point_in_feature(f.view(), {15, 5}));
  CHECK(!point_in_feature(f.view(), {-1, 5}));
  CHECK(!point_in_feature(f.view(), {5, 10.5}));
}

TEST_CASE("a point in a hole is outside") {
  // A 10 x 10 square with a 2 x 2 hole in its middle.
  const Feature f = feature({{rectangle(0, 0, 10, 10), rectangle(4, 4, 6, 6, true)}});
  CHECK(!point_in_feature(f.view(), {5, 5}));
  CHECK(!point_in_feature(f.view(), {4.5, 5.5}));
  CHECK(point_in_feature(f.view(), {2, 2}));
  CHECK(point_in_feature(f.view(), {5, 1}));
  CHECK(point_in_feature(f.view(), {5, 7}));
}

TEST_CASE("a point in either part of a multipolygon is inside, between them outside") {
  const Feature f = feature({{rectangle(0, 0, 2, 2)}, {rectangle(10, 10, 20, 20)}});
  CHECK(point_in_feature(f.view(), {1, 1}));
  CHECK(point_in_feature(f.view(), {15, 15}));
  CHECK(!point_in_feature(f.view(), {5, 5}));
}

TEST_CASE("the representative point of a convex polygon is its centroid") {
  // A 100 x 200 rectangle at Hangzhou coordinates: centroid at its middle.
  const Feature r = feature({{rectangle(E, N, E + 100, N + 200)}});
  const Point c = representative_point(r.view(), *r.geometry);
  CHECK(c.x == Approx(E + 50).margin(1e-6));
  CHECK(c.y == Approx(N + 100).margin(1e-6));

  // A right triangle with legs 6 and 3: the centroid is the mean of the
  // corners, ((0 + 6 + 0) / 3, (0 + 0 + 3) / 3) = (2, 1).
  const Feature t = feature({{{{0, 0}, {6, 0}, {0, 3}}}});
  const Point ct = representative_point(t.view(), *t.geometry);
  CHECK(ct.x == Approx(2));
  CHECK(ct.y == Approx(1));
}

TEST_CASE("the largest part of a multipolygon gives the representative point") {
  // A 2 x 2 square and a 10 x 10 one: the centroid of the larger, (15, 15).
  const Feature f = feature({{rectangle(0, 0, 2, 2)}, {rectangle(10, 10, 20, 20)}});
  const Point c = representative_point(f.view(), *f.geometry);
  CHECK(c.x == Approx(15));
  CHECK(c.y == Approx(15));
}

TEST_CASE("the representative point of a C shape lies inside although its centroid does not") {
  // A 30 x 30 square with a 20 x 10 notch cut from its east side
  // (x 10..30, y 10..20): the letter C.
  const Feature f =
      feature({{{{0, 0}, {30, 0}, {30, 10}, {10, 10}, {10, 20}, {30, 20}, {30, 30}, {0, 30}}}});
  // Centroid by hand: the square (area 900, centroid (15, 15)) minus the
  // notch (area 200, centroid (20, 15)): x = (900 * 15 - 200 * 20) / 700 =
  // 13.57, y = 15, which lies in the notch.
  const Point centroid{(900.0 * 15 - 200.0 * 20) / 700, 15};
  REQUIRE(centroid.x > 10);
  CHECK(!point_in_feature(f.view(), centroid));
  CHECK(!geos_inside(*f.geometry, centroid));

  const Point p = representative_point(f.view(), *f.geometry);
  CHECK(point_in_feature(f.view(), p));
  CHECK(geos_inside(*f.geometry, p));
  CHECK(!(p.x > 10 && p.y > 10 && p.y < 20));  // not in the notch
}

TEST_CASE("the representative point of a ring around a hole avoids the hole") {
  // The centroid of the exterior ring, (5, 5), is the middle of the hole.
  const Feature f = feature({{rectangle(0, 0, 10, 10), rectangle(3, 3, 7, 7, true)}});
  CHECK(!point_in_feature(f.view(), {5, 5}));
  const Point p = representative_point(f.view(), *f.geometry);
  CHECK(point_in_feature(f.view(), p));
  CHECK(geos_inside(*f.geometry, p));
  CHECK(!(p.x > 3 && p.x < 7 && p.y > 3 && p.y < 7));
}
