// Loading parcels and reference layers through OGR/PROJ.
#include <catch2/catch.hpp>
#include <siterank/host/errors.hpp>

#include "config/manifest.hpp"
#include "data/dataset.hpp"
#include "temp_dir.hpp"

using namespace siterank;
using siterank::testing::TempDir;

namespace {

const std::string grid = SITERANK_TEST_DATA "/grid";

std::size_t index_of(const ParcelTable& t, std::string_view id) {
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.id.at(i) == id) return i;
  FAIL("no parcel " << id);
  return 0;
}

std::string load_error(const std::string& dir) {
  try {
    load_dataset(load_manifest(dir));
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// A one-parcel dataset whose parcels come from a CSV with a WKT column: a
// source without any CRS.
std::string csv_dataset(const TempDir& d, const std::string& manifest_extra,
                        const std::string& rows) {
  d.write("parcels.csv", "id,status,price,WKT\n" + rows);
  d.write("dataset.json",
          R"({"parcels": {"source": "parcels.csv", "fields": {"id": "id", "status": "status",
      "price_wan_per_mu": "price"})" +
              manifest_extra + "}}");
  return d.path();
}

}  // namespace

TEST_CASE("the grid fixture loads with areas, statuses and repairs as drawn") {
  const Dataset d = load_dataset(load_manifest(grid));
  const ParcelTable& t = d.parcels;
  CHECK(d.report.parcels_read == 9);
  CHECK(t.size() == 8);
  REQUIRE(d.report.skipped.size() == 1);
  CHECK(d.report.skipped[0].id == "P-007");
  CHECK(d.report.skipped[0].message == "parcel 'P-007': no geometry");
  REQUIRE(d.report.repaired.size() == 1);
  CHECK(d.report.repaired[0] == "parcel 'P-006': invalid geometry repaired with MakeValid");

  // Rectangles drawn in EPSG:4549 (the working CRS): areas by hand.
  CHECK(t.area_m2[index_of(t, "P-003")] == Approx(60000));  // 300 m x 200 m
  CHECK(t.area_m2[index_of(t, "P-003")] / m2_per_mu == Approx(90));
  CHECK(t.area_m2[index_of(t, "P-009")] == Approx(30000));  // 200x200 minus a 100x100 hole
  CHECK(t.area_m2[index_of(t, "P-006")] == Approx(5000));   // bow-tie -> two 50x100/2 triangles
  const std::size_t p9 = index_of(t, "P-009");
  CHECK(t.geometry.feature_ring_offsets[p9 + 1] - t.geometry.feature_ring_offsets[p9] == 2);

  // The representative point of P-009 must avoid its hole (520350..520450).
  const Point r9 = t.rep_point[p9];
  CHECK(r9.x >= 520300);
  CHECK(r9.x <= 520500);
  CHECK(!(r9.x > 520350 && r9.x < 520450 && r9.y > 3350350 && r9.y < 3350450));
  CHECK(t.rep_point[index_of(t, "P-003")].x == Approx(520650));

  // Exterior rings counter-clockwise, holes clockwise.
  for (std::size_t f = 0; f < t.size(); ++f) {
    const PolygonView v(t.geometry, f);
    for (std::size_t r = 0; r < v.ring_count(); ++r)
      CHECK((signed_ring_area(v.ring(r)) > 0) == v.is_exterior(r));
  }

  CHECK(t.status.at(index_of(t, "P-001")) == "ready");      // 净地
  CHECK(t.status.at(index_of(t, "P-008")) == "clearance");  // 征迁中
  CHECK(t.platform.at(index_of(t, "P-003")) == "萧山经开区");
  CHECK(t.price_wan_per_mu[index_of(t, "P-001")] == 45.5);
  CHECK(std::isnan(t.power_kva[index_of(t, "P-002")]));
  CHECK(t.has_field("power_kva"));
  CHECK_FALSE(t.has_field("height_limit_m"));

  REQUIRE(d.layers.size() == 1);
  CHECK(d.layers[0].role == "stations");
  CHECK(d.layers[0].label(0) == "一号站");
}

TEST_CASE("WGS84 layers are transformed to EPSG:4549 with easting first") {
  TempDir d("wgs84_layer");
  d.write("parcels.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature",
      "properties": {"id": "A"}, "geometry": {"type": "Polygon", "coordinates":
      [[[120.2, 30.25], [120.201, 30.25], [120.201, 30.251], [120.2, 30.251], [120.2, 30.25]]]}}]})");
  d.write("points.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature",
      "properties": {"n": "p"}, "geometry": {"type": "Point", "coordinates": [120.2, 30.25]}}]})");
  d.write("dataset.json", R"({"parcels": {"source": "parcels.geojson", "fields": {"id": "id"}},
      "layers": {"pts": {"role": "points", "source": "points.geojson", "fields": {"name": "n"}}}})");
  const Dataset ds = load_dataset(load_manifest(d.path()));
  // cs2cs EPSG:4326 EPSG:4549 <<< "30.25 120.2"  ->  3347843.9605 519248.7234 (northing, easting)
  REQUIRE(ds.layers[0].size() == 1);
  CHECK(ds.layers[0].points[0].x == Approx(519248.7234).margin(1e-3));
  CHECK(ds.layers[0].points[0].y == Approx(3347843.9605).margin(1e-3));
  // The parcel's lower-left corner is the same point.
  CHECK(ds.parcels.geometry.points[0].x == Approx(519248.7234).margin(1e-3));
  // About 96 m x 111 m at this latitude.
  CHECK(ds.parcels.area_m2[0] == Approx(96.2 * 110.9).epsilon(0.01));
}

TEST_CASE("a source without a CRS is refused unless the manifest states one") {
  TempDir d("no_crs");
  csv_dataset(d, "", "A,,,\"POLYGON((0 0,100 0,100 100,0 100,0 0))\"\n");
  CHECK_THAT(load_error(d.path()),
             Catch::StartsWith("parcels.csv (layer parcels): the source has no CRS; state it with "
                               "\"crs\" at $.parcels.crs in "));
  csv_dataset(d, R"(, "crs": "EPSG:4549")",
              "A,,,\"POLYGON((500000 3000000,500100 3000000,500100 3000100,500000 3000100,500000 "
              "3000000))\"\n");
  const Dataset ds = load_dataset(load_manifest(d.path()));
  CHECK(ds.parcels.area_m2[0] == Approx(10000));
}

TEST_CASE("bad data values are named with parcel and field") {
  TempDir d("bad_values");
  const std::string poly =
      "\"POLYGON((500000 3000000,500100 3000000,500100 3000100,500000 3000000))\"";
  csv_dataset(d, R"(, "crs": "EPSG:4549")", "A,sold," + std::string("10,") + poly + "\n");
  CHECK_THAT(load_error(d.path()), Catch::Contains("parcel 'A': status 'sold' is not canonical"));
  csv_dataset(d, R"(, "crs": "EPSG:4549")", "A,ready,about 50," + poly + "\n");
  CHECK_THAT(
      load_error(d.path()),
      Catch::EndsWith("parcel 'A': field 'price' (price_wan_per_mu): 'about 50' is not a number"));
  csv_dataset(d, R"(, "crs": "EPSG:4549")", "A,ready,10," + poly + "\nA,ready,10," + poly + "\n");
  CHECK_THAT(load_error(d.path()),
             Catch::EndsWith("parcel id 'A' occurs twice (id must be unique)"));
  csv_dataset(d, R"(, "crs": "EPSG:4549")",
              "A,ready,10,\"LINESTRING(500000 3000000,500100 3000000)\"\n");
  CHECK_THAT(load_error(d.path()),
             Catch::Contains("no usable parcels (1 read, 1 skipped; the first: parcel 'A': "
                             "geometry has no area (Line String))"));
}

TEST_CASE("a mapped field missing from the source is named with the fields that exist") {
  TempDir d("missing_field");
  d.write("parcels.csv", "id,WKT\nA,\"POLYGON((0 0,1 0,1 1,0 0))\"\n");
  d.write("dataset.json", R"({"parcels": {"source": "parcels.csv", "crs": "EPSG:4549",
      "fields": {"id": "id", "land_use": "用地性质"}}})");
  CHECK_THAT(load_error(d.path()),
             Catch::EndsWith("dataset.json: $.parcels.fields.land_use: no field '用地性质' in "
                             "parcels.csv (layer parcels) (fields: id, WKT)"));
}
