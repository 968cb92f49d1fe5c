// CRSs as users name them: PROJ's, and gcj02/bd09 as PROJ's EPSG:4326 plus
// the shift, both in transformations and in a manifest's "crs".
#include <catch2/catch.hpp>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "config/manifest.hpp"
#include "crs/user_crs.hpp"
#include "data/dataset.hpp"
#include "temp_dir.hpp"

using namespace siterank;
using siterank::testing::TempDir;

namespace {

const OGRSpatialReference epsg4549 = crs_from_user_string("EPSG:4549");

Point apply(OGRCoordinateTransformation& t, Point p) {
  REQUIRE(t.Transform(1, &p.x, &p.y));
  return p;
}

// The Shanghai pair of googollee/eviltransform go/transform_test.go (also a
// vector of test_chinese_crs.cpp): WGS 84 (121.5272106, 31.1774276) is
// GCJ-02 (121.531541859215, 31.17530398364597).
constexpr LonLat shanghai_gcj02{121.531541859215, 31.17530398364597};
// The WGS 84 point in EPSG:4549, from
//   echo "31.1774276 121.5272106" | cs2cs -d 4 EPSG:4326 EPSG:4549
//   -> 3451650.5567 645592.4304 (northing, easting: EPSG axis order)
constexpr Point shanghai_4549{645592.4304, 3451650.5567};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string point_layer(LonLat p) {
  return R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "a"},
    "geometry": {"type": "Point", "coordinates": [)" +
         number(p.lon) + ", " + number(p.lat) + "]}}]}";
}

}  // namespace

TEST_CASE("user CRS names: PROJ's, gcj02 and bd09") {
  const UserCrs gcj = user_crs("gcj02");
  CHECK(gcj.datum == ChineseDatum::gcj02);
  CHECK(user_crs_label(gcj) == "gcj02");
  CHECK(in_degrees(gcj));
  CHECK_FALSE(is_wgs84(gcj));
  CHECK(ogc_urn(gcj).empty());
  CHECK(user_crs("BD-09").datum == ChineseDatum::bd09);

  const UserCrs cgcs = user_crs("EPSG:4549");
  CHECK_FALSE(cgcs.datum);
  CHECK(user_crs_label(cgcs) == "EPSG:4549");
  CHECK_FALSE(in_degrees(cgcs));
  CHECK(ogc_urn(cgcs) == "urn:ogc:def:crs:EPSG::4549");
  CHECK(ogc_urn(user_crs("EPSG:4490")) == "urn:ogc:def:crs:EPSG::4490");
  CHECK_FALSE(is_wgs84(user_crs("EPSG:4490")));  // CGCS2000 degrees: not RFC 7946

  CHECK(is_wgs84(user_crs("EPSG:4326")));
  CHECK(is_wgs84(user_crs("OGC:CRS84")));  // lon/lat by definition: the same for us
  CHECK(is_wgs84(wgs84_crs()));
  CHECK_THROWS_AS(user_crs("EPSG:999999"), std::invalid_argument);
  CHECK_THROWS_AS(user_crs("mars"), std::invalid_argument);
}

TEST_CASE("transformations to and from gcj02 are PROJ's plus the shift") {
  // P-004's corner in the grid fixture.
  const Point corner{521000, 3350000};
  const TransformPtr to_wgs84 = make_transform(epsg4549, wgs84_crs());
  const TransformPtr to_gcj02 = make_transform(epsg4549, user_crs("gcj02"));
  const Point w = apply(*to_wgs84, corner);
  // cs2cs EPSG:4549 EPSG:4326 gives 30.26941968 120.21823918 (test_cli_rank.cpp).
  CHECK(w.x == Approx(120.21823918).margin(1e-8));
  CHECK(w.y == Approx(30.26941968).margin(1e-8));
  const LonLat expected = wgs84_to_gcj02({w.x, w.y});
  const Point g = apply(*to_gcj02, corner);
  CHECK(g.x == Approx(expected.lon).margin(1e-12));
  CHECK(g.y == Approx(expected.lat).margin(1e-12));
  CHECK(g.x - w.x == Approx(0.0045).margin(0.0005));   // about 430 m east in Hangzhou
  CHECK(g.y - w.y == Approx(-0.0024).margin(0.0005));  // about 270 m south

  // Back: the inverse (1e-9 degree residual) lands within a millimetre.
  const TransformPtr from_gcj02 = make_transform(user_crs("gcj02"), epsg4549);
  const Point back = apply(*from_gcj02, g);
  CHECK(back.x == Approx(corner.x).margin(1e-3));
  CHECK(back.y == Approx(corner.y).margin(1e-3));
  // GDAL's own inverse and clone of the shifted transformation agree.
  const TransformPtr inverse(to_gcj02->GetInverse());
  REQUIRE(inverse);
  const Point back2 = apply(*inverse, g);
  CHECK(back2.x == Approx(back.x).margin(1e-9));
  CHECK(back2.y == Approx(back.y).margin(1e-9));
  const TransformPtr clone(to_gcj02->Clone());
  const Point g2 = apply(*clone, corner);
  CHECK(g2.x == g.x);
  CHECK(g2.y == g.y);

  // bd09 is GCJ-02 shifted once more.
  const Point b = apply(*make_transform(epsg4549, user_crs("bd09")), corner);
  const LonLat expected_bd = gcj02_to_bd09(expected);
  CHECK(b.x == Approx(expected_bd.lon).margin(1e-12));
  CHECK(b.y == Approx(expected_bd.lat).margin(1e-12));
}

TEST_CASE("a manifest's crs gcj02 or bd09 reads lon/lat in that datum") {
  TempDir d("user_crs_manifest");
  // A parcel whose first vertex is the published GCJ-02 point, 100 m or so a side.
  const LonLat g = shanghai_gcj02;
  const auto vertex = [&](double dlon, double dlat) {
    return "[" + number(g.lon + dlon) + ", " + number(g.lat + dlat) + "]";
  };
  d.write(
      "parcels.geojson",
      R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "P"},
    "geometry": {"type": "Polygon", "coordinates": [[)" +
          vertex(0, 0) + "," + vertex(0.001, 0) + "," + vertex(0.001, 0.001) + "," +
          vertex(0, 0.001) + "," + vertex(0, 0) + "]]}}]}");
  d.write("gcj.geojson", point_layer(g));
  d.write("bd.geojson", point_layer(gcj02_to_bd09(g)));
  d.write("wgs.geojson", point_layer(g));  // the same numbers taken as WGS 84
  d.write("dataset.json",
          R"({"parcels": {"source": "parcels.geojson", "crs": "gcj02", "fields": {"id": "id"}},
    "layers": {"gcj": {"role": "metro_stations", "source": "gcj.geojson", "crs": "gcj02"},
               "bd": {"role": "rail_hubs", "source": "bd.geojson", "crs": "BD-09"},
               "wgs": {"role": "airports", "source": "wgs.geojson"}}})");
  const Dataset data = load_dataset(load_manifest(d.path()));
  CHECK(data.report.notes.empty());  // GeoJSON is EPSG:4326 itself: nothing overridden

  // The parcel's vertex: the counter-clockwise square starts where it was drawn.
  const Point v = data.parcels.geometry.points.at(0);
  CHECK(v.x == Approx(shanghai_4549.x).margin(1e-3));
  CHECK(v.y == Approx(shanghai_4549.y).margin(1e-3));
  for (const auto& layer : data.layers) {
    INFO(layer.name);
    REQUIRE(layer.points.size() == 1);
    const Point p = layer.points[0];
    if (layer.name == "wgs") {
      // Unshifted, the same numbers land about 500 m away.
      CHECK(distance(p, shanghai_4549) == Approx(500).margin(150));
    } else {
      CHECK(p.x == Approx(shanghai_4549.x).margin(1e-3));
      CHECK(p.y == Approx(shanghai_4549.y).margin(1e-3));
    }
  }
}

TEST_CASE("a bad manifest crs names the JSON path") {
  TempDir d("user_crs_bad");
  d.write("gcj.geojson", point_layer(shanghai_gcj02));
  d.write("dataset.json",
          R"({"parcels": {"source": "gcj.geojson", "crs": "gcj2", "fields": {"id": "name"}}})");
  try {
    load_dataset(load_manifest(d.path()));
    FAIL("no error");
  } catch (const std::exception& e) {
    CHECK_THAT(e.what(), Catch::Contains("$.parcels.crs: unknown CRS 'gcj2'"));
  }
}
