// Line geometries as RoadLines in the working CRS: parts, degenerate parts,
// curves, and points that cannot be transformed.
#include <ogr_geometry.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "crs/crs.hpp"
#include "data/ogr_geometry_ptr.hpp"
#include "data/ogr_layer.hpp"
#include "data/road_geometry.hpp"

using namespace siterank;
using namespace siterank::data_detail;
using network::RoadLine;

namespace {

GeometryPtr from_wkt(const std::string& wkt) {
  OGRGeometry* g = nullptr;
  REQUIRE(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) == OGRERR_NONE);
  return GeometryPtr(g);
}

OpenedLayer working_crs_layer() {
  OpenedLayer l;
  l.identity = true;
  return l;
}

OpenedLayer wgs84_layer() {
  OpenedLayer l;
  l.to_working =
      make_transform(crs_from_user_string("EPSG:4326"), crs_from_user_string("EPSG:4549"));
  return l;
}

}  // namespace

TEST_CASE("line types are LineString, MultiLineString and their curves") {
  CHECK(is_line_type(wkbLineString));
  CHECK(is_line_type(wkbLineString25D));
  CHECK(is_line_type(wkbMultiLineStringZM));
  CHECK(is_line_type(wkbCompoundCurve));
  CHECK(is_line_type(wkbMultiCurve));
  CHECK_FALSE(is_line_type(wkbPoint));
  CHECK_FALSE(is_line_type(wkbPolygon));
  CHECK_FALSE(is_line_type(wkbGeometryCollection));
  CHECK_FALSE(is_line_type(wkbUnknown));
}

TEST_CASE("each part is one line; degenerate parts are counted and left out") {
  const OpenedLayer l = working_crs_layer();
  LineScratch scratch;
  std::vector<RoadLine> out(1);  // appended after what is there
  const auto g = from_wkt(
      "MULTILINESTRING Z ((0 0 5,30 40 5,30 50 5),(7 7 0),(3 3 0,3 3 0),(100 0 0,100 10 0))");
  const LineParts p = append_line_parts(*g, l, scratch, out);
  CHECK(p.transformed);
  CHECK(p.added == 2);
  CHECK(p.short_parts == 2);
  REQUIRE(out.size() == 3);
  REQUIRE(out[1].points.size() == 3);
  CHECK(out[1].points[1].x == 30);
  CHECK(out[1].points[1].y == 40);
  CHECK(out[2].points[1].y == 10);
  CHECK(line_length(out[1]) == 60);  // 50 (3-4-5) + 10
  CHECK(line_length(out[2]) == 10);
}

TEST_CASE("points are transformed to the working CRS, or the feature is dropped") {
  const QuietGdal quiet;  // PROJ complains of the latitude below on stderr otherwise
  const OpenedLayer l = wgs84_layer();
  LineScratch scratch;
  std::vector<RoadLine> out;
  const LineParts p =
      append_line_parts(*from_wkt("LINESTRING (120.2 30.25,120.21 30.26)"), l, scratch, out);
  CHECK(p.added == 1);
  REQUIRE(out.size() == 1);
  // cs2cs -f "%.4f" EPSG:4326 EPSG:4549 <<< "30.25 120.2
  // 30.26 120.21"  ->  3347843.9605 519248.7234 / 3348954.2665 520209.1144
  CHECK(out[0].points[0].x == Approx(519248.7234).margin(1e-3));
  CHECK(out[0].points[0].y == Approx(3347843.9605).margin(1e-3));
  CHECK(out[0].points[1].x == Approx(520209.1144).margin(1e-3));
  CHECK(out[0].points[1].y == Approx(3348954.2665).margin(1e-3));

  // Latitude 95 is outside the ellipsoid: the whole feature goes, its good
  // first part included.
  const LineParts bad = append_line_parts(
      *from_wkt("MULTILINESTRING ((120.2 30.25,120.21 30.25),(120.2 95,120.21 95))"), l, scratch,
      out);
  CHECK_FALSE(bad.transformed);
  CHECK(bad.added == 0);
  CHECK(out.size() == 1);
}

TEST_CASE("curves are made linear") {
  const OpenedLayer l = working_crs_layer();
  LineScratch scratch;
  std::vector<RoadLine> out;
  const LineParts p = append_line_parts(*from_wkt("CIRCULARSTRING (0 0,1 1,2 0)"), l, scratch, out);
  CHECK(p.added == 1);
  REQUIRE(out.size() == 1);
  REQUIRE(out[0].points.size() > 3);
  CHECK(out[0].points.front().x == 0);
  CHECK(out[0].points.back().x == Approx(2));
  for (const Point q : out[0].points) CHECK(std::hypot(q.x - 1, q.y) == Approx(1));
  // The half circle of radius 1, a little shorter as chords.
  CHECK(line_length(out[0]) == Approx(M_PI).epsilon(0.01));
  CHECK(line_length(out[0]) < M_PI);
}
