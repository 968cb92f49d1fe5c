// rank --crs-out and --csv-lonlat on the grid fixture: GeoJSON and CSV in
// GCJ-02, BD-09 and EPSG CRSs, checked against chinese_crs (tested on
// published vectors in test_chinese_crs.cpp), cs2cs and ogrinfo.
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "crs/chinese_crs.hpp"

using namespace siterank::testing;
using siterank::LonLat;

namespace {

const std::string profile = grid_dir + "/profile_two.json";

Outcome rank(std::vector<std::string> extra) {
  std::vector<std::string> args{"rank", "--profile", profile, "--dataset", grid_dir, "-q"};
  args.insert(args.end(), extra.begin(), extra.end());
  return siterank_cli(with_plugins(args));
}

nlohmann::json geojson(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"-f", "geojson"};
  args.insert(args.end(), extra.begin(), extra.end());
  const Outcome o = rank(args);
  INFO(o.err);
  REQUIRE(o.code == 0);
  return nlohmann::json::parse(o.out);
}

const nlohmann::json& feature(const nlohmann::json& fc, const std::string& id) {
  for (const auto& f : fc["features"])
    if (f["properties"]["parcel_id"] == id) return f;
  FAIL("no parcel " << id);
  return fc;
}

LonLat vertex(const nlohmann::json& f, std::size_t i) {
  const auto& v = f["geometry"]["coordinates"][0][i];
  return {v[0].get<double>(), v[1].get<double>()};
}

// Both outputs round to 7 decimals (5e-8 degree each way): the forward
// transform of a rounded vertex differs from the rounded transform by ~1e-7.
constexpr double rounding = 2e-7;

// P-004's corner (521000, 3350000) in EPSG:4326: cs2cs EPSG:4549 EPSG:4326
// gives 30.26941968 120.21823918 (as in test_cli_rank.cpp).
constexpr LonLat p004_corner_wgs84{120.21823918, 30.26941968};

}  // namespace

TEST_CASE("rank --crs-out gcj02 writes GCJ-02 lon/lat marked siterank_crs") {
  const auto wgs = geojson({});
  const auto gcj = geojson({"--crs-out", "gcj02"});
  CHECK_FALSE(gcj.contains("crs"));
  CHECK(gcj["siterank_crs"] == "gcj02");
  CHECK_FALSE(wgs.contains("siterank_crs"));
  REQUIRE(gcj["features"].size() == wgs["features"].size());

  // P-004's corner: the published-vector-tested forward transform of its
  // WGS 84 position, and of the EPSG:4326 output's vertex.
  const LonLat corner = vertex(feature(gcj, "P-004"), 0);
  const LonLat expected = siterank::wgs84_to_gcj02(p004_corner_wgs84);
  CHECK(corner.lon == Approx(expected.lon).margin(rounding));
  CHECK(corner.lat == Approx(expected.lat).margin(rounding));
  // Every vertex of every parcel, the same way.
  for (std::size_t i = 0; i < gcj["features"].size(); ++i) {
    const auto& g = gcj["features"][i];
    const auto& w = wgs["features"][i];
    REQUIRE(g["properties"]["parcel_id"] == w["properties"]["parcel_id"]);
    if (g["geometry"]["type"] != "Polygon") continue;
    for (std::size_t k = 0; k < g["geometry"]["coordinates"][0].size(); ++k) {
      const LonLat want = siterank::wgs84_to_gcj02(vertex(w, k));
      CHECK(vertex(g, k).lon == Approx(want.lon).margin(rounding));
      CHECK(vertex(g, k).lat == Approx(want.lat).margin(rounding));
    }
  }
  // In Hangzhou the shift is about 430 m east and 270 m south.
  CHECK(corner.lon - p004_corner_wgs84.lon == Approx(0.0045).margin(0.0005));
  CHECK(corner.lat - p004_corner_wgs84.lat == Approx(-0.0024).margin(0.0005));

  const auto bd = geojson({"--crs-out", "bd09"});
  CHECK(bd["siterank_crs"] == "bd09");
  const LonLat bd_corner = vertex(feature(bd, "P-004"), 0);
  const LonLat bd_expected = siterank::wgs84_to_bd09(p004_corner_wgs84);
  CHECK(bd_corner.lon == Approx(bd_expected.lon).margin(rounding));
  CHECK(bd_corner.lat == Approx(bd_expected.lat).margin(rounding));
}

TEST_CASE("rank --crs-out EPSG:4549 writes a crs member that ogrinfo reads back") {
  TempDir d("crs_out_4549");
  const std::string out = d.file("ranked.geojson");
  const Outcome o = rank({"--crs-out", "EPSG:4549", "-o", out});
  INFO(o.err);
  REQUIRE(o.code == 0);
  const auto j = nlohmann::json::parse(read_file(out));
  CHECK(j["crs"]["type"] == "name");
  CHECK(j["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::4549");
  // The working CRS itself: the drawn corner comes back, with 3 decimals at most.
  const LonLat corner = vertex(feature(j, "P-004"), 0);
  CHECK(corner.lon == Approx(521000).margin(1e-3));
  CHECK(corner.lat == Approx(3350000).margin(1e-3));
  const auto whole_mm = [](const nlohmann::json& coordinates, auto&& self) -> void {
    for (const auto& c : coordinates)
      if (c.is_number())
        CHECK(std::abs(c.get<double>() * 1000 - std::round(c.get<double>() * 1000)) < 1e-6);
      else
        self(c, self);
  };
  for (const auto& f : j["features"]) whole_mm(f["geometry"]["coordinates"], whole_mm);

  const Outcome info = run_program("ogrinfo", {"-al", "-where", "parcel_id = 'P-004'", out});
  REQUIRE(info.code == 0);
  CHECK_THAT(info.out, Catch::Contains("CGCS2000 / 3-degree Gauss-Kruger CM 120E"));
  CHECK_THAT(info.out, Catch::Contains("ID[\"EPSG\",4549]"));
  CHECK_THAT(info.out, Catch::Contains("POLYGON ((521000 3350000,521400 3350000,521400 3350300,"
                                       "521000 3350300,521000 3350000))"));
}

TEST_CASE("rank --crs-out EPSG:4490 keeps degrees with 7 decimals and names the CRS") {
  const auto j = geojson({"--crs-out", "EPSG:4490"});
  CHECK(j["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::4490");
  // CGCS2000 and WGS 84 coincide for PROJ without a grid (a ballpark transformation).
  const LonLat corner = vertex(feature(j, "P-004"), 0);
  CHECK(corner.lon == Approx(p004_corner_wgs84.lon).margin(1e-7));
  CHECK(corner.lat == Approx(p004_corner_wgs84.lat).margin(1e-7));
  // Given explicitly, EPSG:4326 is plain RFC 7946.
  CHECK_FALSE(geojson({"--crs-out", "EPSG:4326"}).contains("crs"));
}

TEST_CASE("rank --csv-lonlat adds the representative point in --crs-out") {
  const Outcome plain = rank({"-f", "csv"});
  REQUIRE(plain.code == 0);
  CHECK(plain.out.substr(0, plain.out.find('\n')).find(",lon") == std::string::npos);

  const Outcome o = rank({"-f", "csv", "--csv-lonlat"});
  INFO(o.err);
  REQUIRE(o.code == 0);
  // Same columns as without, plus two at the end.
  CHECK(o.out.substr(0, o.out.find('\n')) ==
        plain.out.substr(0, plain.out.find('\n')) + ",lon,lat");
  const auto rows = parse_csv(o.out);
  REQUIRE(rows[0].at("parcel_id") == "P-004");
  // P-004's centroid (521200, 3350150): cs2cs EPSG:4549 EPSG:4326 gives
  // 30.270769283 120.220320658.
  CHECK(rows[0].at("lon") == "120.2203207");
  CHECK(rows[0].at("lat") == "30.2707693");

  const auto gcj = parse_csv(rank({"-f", "csv", "--csv-lonlat", "--crs-out", "gcj02"}).out);
  const LonLat want = siterank::wgs84_to_gcj02({120.220320658, 30.270769283});
  CHECK(std::stod(gcj[0].at("lon")) == Approx(want.lon).margin(1e-7));
  CHECK(std::stod(gcj[0].at("lat")) == Approx(want.lat).margin(1e-7));

  // Metres are x, y (easting, northing), 3 decimals at most.
  const Outcome m = rank({"-f", "csv", "--csv-lonlat", "--crs-out", "EPSG:4549"});
  REQUIRE(m.code == 0);
  const auto metric = parse_csv(m.out);
  CHECK(metric[0].at("x") == "521200");
  CHECK(metric[0].at("y") == "3350150");
}

TEST_CASE("rank refuses bad --crs-out values and misplaced options with exit 2") {
  Outcome o = rank({"-f", "geojson", "--crs-out", "EPSG:999999"});
  CHECK(o.code == 2);
  CHECK_THAT(o.err, Catch::Contains("--crs-out: unknown CRS 'EPSG:999999'"));
  CHECK_THAT(o.err, Catch::Contains("gcj02 or bd09"));
  CHECK(o.out.empty());

  o = rank({"-f", "geojson", "--crs-out", "wgs-84-mars"});
  CHECK(o.code == 2);
  CHECK_THAT(o.err, Catch::Contains("unknown CRS 'wgs-84-mars'"));

  // A CRS without an authority code cannot be named in a GeoJSON "crs" member.
  o = rank({"-f", "geojson", "--crs-out", "+proj=tmerc +lon_0=120 +x_0=500000 +ellps=GRS80"});
  CHECK(o.code == 2);
  CHECK_THAT(o.err, Catch::Contains("authority code"));

  o = rank({"-f", "json", "--crs-out", "gcj02"});
  CHECK(o.code == 2);
  CHECK_THAT(o.err, Catch::Contains("--crs-out sets the coordinates of geojson"));

  o = rank({"-f", "geojson", "--csv-lonlat"});
  CHECK(o.code == 2);
  CHECK_THAT(o.err, Catch::Contains("--csv-lonlat adds columns to CSV output"));
}
