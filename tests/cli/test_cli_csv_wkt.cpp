// `rank -f csv --csv-wkt`: each parcel's polygon as WKT, read back by GDAL's
// CSV driver (as ogr2ogr and QGIS read it) and compared with the GeoJSON
// export.
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

using namespace siterank::testing;

namespace {

const std::string two_profile = grid_dir + "/profile_two.json";

Outcome rank(std::vector<std::string> extra) {
  std::vector<std::string> args{"rank",   "--profile",        two_profile, "--dataset",
                                grid_dir, "--include-vetoed", "-q"};
  args.insert(args.end(), extra.begin(), extra.end());
  return siterank_cli(with_plugins(args));
}

// Every position of a Polygon or MultiPolygon, in order.
std::vector<std::pair<double, double>> positions(const nlohmann::json& geometry) {
  std::vector<std::pair<double, double>> out;
  const bool multi = geometry["type"] == "MultiPolygon";
  const auto polygons =
      multi ? geometry["coordinates"] : nlohmann::json::array({geometry["coordinates"]});
  for (const auto& polygon : polygons)
    for (const auto& ring : polygon)
      for (const auto& p : ring) out.emplace_back(p[0].get<double>(), p[1].get<double>());
  return out;
}

}  // namespace

TEST_CASE("rank --csv-wkt adds polygons that GDAL's CSV driver reads as the GeoJSON has them") {
  TempDir d("csv_wkt");
  const std::string csv = d.file("ranked.csv");
  const Outcome o = rank({"-o", csv, "--csv-wkt"});
  INFO(o.err);
  REQUIRE(o.code == 0);
  const std::string text = read_file(csv);
  const Outcome plain = rank({"-f", "csv"});
  REQUIRE(plain.code == 0);
  // The same columns as without, plus wkt at the end.
  CHECK(text.substr(0, text.find('\n')) == plain.out.substr(0, plain.out.find('\n')) + ",wkt");
  const auto rows = parse_csv(text);
  REQUIRE(rows.size() == 8);
  CHECK_THAT(rows[0].at("wkt"), Catch::StartsWith("POLYGON ((120.2182392 30.2694197, "));

  // ogrinfo: one feature per row, the wkt column taken as the geometry.
  const Outcome info = run_program(
      "ogrinfo",
      {"-ro", "-al", "-so", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO", csv});
  INFO(info.out << info.err);
  REQUIRE(info.code == 0);
  CHECK_THAT(info.out, Catch::Contains("Feature Count: 8"));
  CHECK_THAT(info.out, Catch::Contains("reasons: String"));
  CHECK_THAT(info.out, !Catch::Contains("wkt: String"));  // it became the geometry

  // ogr2ogr: the geometries GDAL read, against `rank -f geojson`.
  const Outcome converted =
      run_program("ogr2ogr", {"-f", "GeoJSON", "/vsistdout/", csv, "-oo", "GEOMETRY=AS_WKT", "-oo",
                              "KEEP_GEOM_COLUMNS=NO"});
  INFO(converted.err);
  REQUIRE(converted.code == 0);
  const auto read_back = nlohmann::json::parse(converted.out);
  const Outcome geo = rank({"-f", "geojson"});
  REQUIRE(geo.code == 0);
  const auto geojson = nlohmann::json::parse(geo.out);
  REQUIRE(read_back["features"].size() == geojson["features"].size());
  bool saw_multi = false, saw_hole = false;
  for (std::size_t i = 0; i < geojson["features"].size(); ++i) {
    const auto& want = geojson["features"][i];
    const auto& got = read_back["features"][i];
    INFO(want["properties"]["parcel_id"]);
    CHECK(got["properties"]["parcel_id"] == want["properties"]["parcel_id"]);
    const auto& type = got["geometry"]["type"];
    CHECK((type == "Polygon" || type == "MultiPolygon"));
    CHECK(type == want["geometry"]["type"]);
    saw_multi = saw_multi || type == "MultiPolygon";
    saw_hole = saw_hole || (type == "Polygon" && got["geometry"]["coordinates"].size() > 1);
    const auto a = positions(got["geometry"]), b = positions(want["geometry"]);
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      CHECK(a[k].first == Approx(b[k].first).margin(1e-9));
      CHECK(a[k].second == Approx(b[k].second).margin(1e-9));
    }
  }
  CHECK(saw_multi);  // P-006, repaired into two triangles
  CHECK(saw_hole);   // P-009
}

TEST_CASE("rank --csv-wkt follows --crs-out and is refused outside CSV") {
  const Outcome m = rank({"-f", "csv", "--csv-wkt", "--crs-out", "EPSG:4549"});
  INFO(m.err);
  REQUIRE(m.code == 0);
  const auto rows = parse_csv(m.out);
  // P-004 is the rectangle (521000, 3350000) - (521400, 3350300) of the
  // fixture, in metres with at most 3 decimals.
  CHECK(rows[0].at("parcel_id") == "P-004");
  CHECK(rows[0].at("wkt") ==
        "POLYGON ((521000 3350000, 521400 3350000, 521400 3350300, 521000 3350300, 521000 "
        "3350000))");
  // Both optional columns: points first, then the polygon.
  const Outcome both = rank({"-f", "csv", "--csv-lonlat", "--csv-wkt"});
  REQUIRE(both.code == 0);
  CHECK_THAT(both.out.substr(0, both.out.find('\n')), Catch::EndsWith(",reasons,lon,lat,wkt"));

  const Outcome refused = rank({"-f", "geojson", "--csv-wkt"});
  CHECK(refused.code == 2);
  CHECK_THAT(refused.err, Catch::Contains("--csv-wkt adds columns to CSV output"));
}
