// GeoJSON (export/export_geojson) on the hand-made result of
// ranked_result_fixture.hpp. docs/formats.md: a FeatureCollection named
// after the profile, RFC 7946 lon/lat with at most 7 decimals, exterior
// rings counter-clockwise and holes clockwise, properties rank, parcel_id,
// platform, area_mu, score, p_topk (with the shares), score_<criterion>,
// vetoed, reasons, then the simplestyle fill, stroke and fill-opacity;
// --crs-out names another CRS with a "crs" member (or siterank_crs for
// GCJ-02 / BD-09) and refuses a CRS without an authority code.
#include <algorithm>
#include <catch2/catch.hpp>
#include <export_output.hpp>
#include <nlohmann/json.hpp>
#include <ranked_result_fixture.hpp>
#include <siterank/host/errors.hpp>
#include <sstream>

#include "crs/user_crs.hpp"
#include "export/exporters.hpp"

using namespace siterank;
using namespace siterank::testing;
using json = nlohmann::ordered_json;

namespace {

std::string geojson_text(const RankedResult& r, const Selection& sel = {}) {
  return written_text(write_geojson, r, sel);
}

json geojson(const RankedResult& r, const Selection& sel = {}) {
  return json::parse(geojson_text(r, sel));
}

// Twice the signed area of a GeoJSON ring: positive when counter-clockwise.
double twice_signed_area(const json& ring) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    a += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
         ring[i + 1][0].get<double>() * ring[i][1].get<double>();
  return a;
}

void check_ring(const json& ring, const std::vector<Wgs84Point>& want) {
  REQUIRE(ring.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO("point " << i);
    CHECK(ring[i][0].get<double>() == Approx(want[i].lon).margin(1e-7));
    CHECK(ring[i][1].get<double>() == Approx(want[i].lat).margin(1e-7));
  }
}

}  // namespace

TEST_CASE("a FeatureCollection named after the profile, best first, no crs member") {
  const json g = geojson(fixture_result(), with_vetoed());
  CHECK(json_keys(g) == std::vector<std::string>{"type", "name", "features"});
  CHECK(g["type"] == "FeatureCollection");
  CHECK(g["name"] == "无人机整机制造基地");
  REQUIRE(g["features"].size() == 4);
  std::vector<std::string> ids;
  for (const auto& f : g["features"]) ids.push_back(f["properties"]["parcel_id"]);
  CHECK(ids == std::vector<std::string>{"QT-02", "QT-01", "QT-04", "QT-03"});
  CHECK(geojson(fixture_result())["features"].size() == 3);
}

TEST_CASE("properties of a ranked and a vetoed parcel") {
  const json g = geojson(fixture_result(), with_vetoed());
  const json& qt01 = g["features"][1]["properties"];
  CHECK(json_keys(qt01) == std::vector<std::string>{"rank", "parcel_id", "platform", "area_mu",
                                                    "score", "score_land", "score_transport",
                                                    "vetoed", "reasons", "fill", "stroke",
                                                    "fill-opacity"});
  CHECK(qt01["rank"] == 2);
  CHECK(qt01["parcel_id"] == "QT-01");
  CHECK(qt01["platform"] == "钱塘芯谷");
  CHECK(qt01["area_mu"].get<double>() == 30);
  CHECK(qt01["score"].get<double>() == 60);
  CHECK(qt01["score_land"].get<double>() == 40);
  CHECK(qt01["score_transport"].get<double>() == 90);
  CHECK(qt01["vetoed"] == false);
  CHECK(qt01["reasons"] == "transport 90×0.4=36; land 40×0.6=24");
  const json& qt03 = g["features"][3]["properties"];
  CHECK(qt03["rank"].is_null());
  CHECK(qt03["score"].is_null());
  CHECK(qt03["area_mu"].get<double>() == 18.52);  // 18.5175
  CHECK(qt03["score_land"].get<double>() == 10);
  CHECK(qt03["vetoed"] == true);
  CHECK(qt03["reasons"] ==
        "requirements: " + fixture_requirement_reason + "; land: " + fixture_land_reason);
}

TEST_CASE("simplestyle colours: the score's class of the ramp, grey when vetoed") {
  const json g = geojson(fixture_result(), with_vetoed());
  // docs/formats.md (kml): [0, 20) red .. [80, 100] green. QT-02 86 -> green
  // 1a9641; QT-01 60 -> light green a6d96a (60 starts its class); QT-04 29 ->
  // orange fdae61; QT-03 vetoed -> grey 808080.
  const std::vector<std::string> want{"#1a9641", "#a6d96a", "#fdae61", "#808080"};
  for (std::size_t i = 0; i < 4; ++i) {
    const json& p = g["features"][i]["properties"];
    INFO(p["parcel_id"]);
    CHECK(p["fill"] == want[i]);
    CHECK(p["stroke"] == want[i]);
    CHECK(p["fill-opacity"].get<double>() == 0.7);
  }
  Selection plain = with_vetoed();
  plain.style = false;
  const json unstyled = geojson(fixture_result(), plain);  // outlives the loop
  for (const auto& f : unstyled["features"]) {
    CHECK_FALSE(f["properties"].contains("fill"));
    CHECK_FALSE(f["properties"].contains("stroke"));
    CHECK_FALSE(f["properties"].contains("fill-opacity"));
  }
}

TEST_CASE("class boundaries: a class holds [20k, 20k + 20), the top one 100") {
  RankedResult r = fixture_result();
  // QT-02 100, QT-01 80, QT-04 19.99 (ranking unchanged).
  r.scoring.total = {80, 100, missing, 19.99};
  const json g = geojson(r);
  CHECK(g["features"][0]["properties"]["fill"] == "#1a9641");
  CHECK(g["features"][1]["properties"]["fill"] == "#1a9641");
  CHECK(g["features"][2]["properties"]["fill"] == "#d7191c");
  r.scoring.total = {40, 59.99, missing, 20};
  const json h = geojson(r);
  CHECK(h["features"][0]["properties"]["fill"] == "#ffffbf");
  CHECK(h["features"][1]["properties"]["fill"] == "#ffffbf");
  CHECK(h["features"][2]["properties"]["fill"] == "#fdae61");
}

TEST_CASE("p_topk after the score, only when the result has the shares") {
  const json g = geojson(fixture_result_with_p_topk(), with_vetoed());
  const json& qt01 = g["features"][1]["properties"];
  CHECK(json_keys(qt01)[5] == "p_topk");
  CHECK(qt01["p_topk"].get<double>() == 0.75);
  CHECK(g["features"][0]["properties"]["p_topk"].get<double>() == 1.0);
  CHECK(g["features"][3]["properties"]["p_topk"].is_null());  // vetoed: NaN
  const json without = geojson(fixture_result(), with_vetoed());  // outlives the loop
  for (const auto& f : without["features"]) CHECK_FALSE(f["properties"].contains("p_topk"));
}

TEST_CASE("coordinates in EPSG:4326 as cs2cs has them, rings oriented") {
  const json g = geojson(fixture_result(), with_vetoed());
  // QT-01: one counter-clockwise ring, the stored corners in order.
  const json& qt01 = g["features"][1]["geometry"];
  CHECK(qt01["type"] == "Polygon");
  REQUIRE(qt01["coordinates"].size() == 1);
  check_ring(qt01["coordinates"][0], qt01_ring_lonlat);
  CHECK(twice_signed_area(qt01["coordinates"][0]) > 0);
  // QT-02: exterior counter-clockwise, the hole clockwise.
  const json& qt02 = g["features"][0]["geometry"];
  CHECK(qt02["type"] == "Polygon");
  REQUIRE(qt02["coordinates"].size() == 2);
  CHECK(qt02["coordinates"][0][0][0].get<double>() ==
        Approx(qt02_first_corner_lonlat.lon).margin(1e-7));
  CHECK(qt02["coordinates"][0][0][1].get<double>() ==
        Approx(qt02_first_corner_lonlat.lat).margin(1e-7));
  CHECK(twice_signed_area(qt02["coordinates"][0]) > 0);
  check_ring(qt02["coordinates"][1], qt02_hole_lonlat);
  CHECK(twice_signed_area(qt02["coordinates"][1]) < 0);
  // QT-04: two parts, a MultiPolygon.
  const json& qt04 = g["features"][2]["geometry"];
  CHECK(qt04["type"] == "MultiPolygon");
  REQUIRE(qt04["coordinates"].size() == 2);
  CHECK(qt04["coordinates"][1][0][0][0].get<double>() ==
        Approx(qt04_second_part_lonlat.lon).margin(1e-7));
  CHECK(qt04["coordinates"][1][0][0][1].get<double>() ==
        Approx(qt04_second_part_lonlat.lat).margin(1e-7));
  for (const auto& part : qt04["coordinates"]) CHECK(twice_signed_area(part[0]) > 0);
}

TEST_CASE("at most 7 decimals per coordinate") {
  const std::string text = geojson_text(fixture_result());
  // 120.1974004842 -> 120.1974005, 30.2423908821 -> 30.2423909.
  CHECK_THAT(text, Catch::Contains("[[[120.1974005,30.2423909],[120.1984394,30.2423893],"));
  CHECK_THAT(text, !Catch::Contains("120.19740048"));
}

TEST_CASE("an exterior ring stored clockwise still comes out counter-clockwise") {
  RankedResult r = fixture_result();
  auto t = std::make_shared<ParcelTable>(r.parcel_table());
  // QT-01's ring is points 0..4: reverse it.
  std::reverse(t->geometry.points.begin(), t->geometry.points.begin() + 5);
  r.parcels = t;
  const json ring = geojson(r)["features"][1]["geometry"]["coordinates"][0];
  CHECK(twice_signed_area(ring) > 0);
  check_ring(ring, qt01_ring_lonlat);
}

TEST_CASE("the same file for any number of formatting threads") {
  Selection one = with_vetoed(), three = with_vetoed();
  one.threads = 1;
  three.threads = 3;
  CHECK(geojson_text(fixture_result(), one) == geojson_text(fixture_result(), three));
}

TEST_CASE("--crs-out EPSG:4549: a crs member and metres with 3 decimals") {
  Selection sel;
  sel.crs = user_crs("EPSG:4549");
  const json g = geojson(fixture_result(), sel);
  CHECK(json_keys(g) == std::vector<std::string>{"type", "name", "crs", "features"});
  CHECK(g["crs"] ==
        json{{"type", "name"}, {"properties", {{"name", "urn:ogc:def:crs:EPSG::4549"}}}});
  // The working CRS itself: QT-01's corners as stored.
  const json ring = g["features"][1]["geometry"]["coordinates"][0];
  CHECK(ring[0] == json::array({519000, 3347000}));
  CHECK(ring[2] == json::array({519100, 3347200}));
}

TEST_CASE("--crs-out gcj02: siterank_crs, no crs member, coordinates shifted") {
  Selection sel;
  sel.crs = user_crs("gcj02");
  const json g = geojson(fixture_result(), sel);
  CHECK(json_keys(g) == std::vector<std::string>{"type", "name", "siterank_crs", "features"});
  CHECK(g["siterank_crs"] == "gcj02");
  // docs/formats.md: in Hangzhou GCJ-02 is about 430 m east and 270 m south
  // of WGS 84; at 30.24°N 430 m is 0.0045° of longitude, 270 m 0.0024° of latitude.
  const json p = g["features"][1]["geometry"]["coordinates"][0][0];
  CHECK(p[0].get<double>() - qt01_ring_lonlat[0].lon == Approx(0.0045).margin(0.0005));
  CHECK(p[1].get<double>() - qt01_ring_lonlat[0].lat == Approx(-0.0024).margin(0.0005));
}

TEST_CASE("a CRS without an authority code is refused") {
  CHECK(geojson_crs_refusal(wgs84_crs()).empty());
  CHECK(geojson_crs_refusal(user_crs("OGC:CRS84")).empty());
  CHECK(geojson_crs_refusal(user_crs("EPSG:4549")).empty());
  CHECK(geojson_crs_refusal(user_crs("bd09")).empty());
  const UserCrs bare = user_crs("+proj=tmerc +lon_0=121 +x_0=500000 +ellps=GRS80 +units=m");
  const std::string why = geojson_crs_refusal(bare);
  CHECK_THAT(
      why, Catch::StartsWith("GeoJSON names a CRS other than WGS 84 by its authority code, and ") &&
               Catch::EndsWith(" has none; give it as EPSG:XXXX"));
  Selection sel;
  sel.crs = bare;
  std::ostringstream out;
  CHECK_THROWS_AS(write_geojson(fixture_result(), sel, out), OutputError);
  CHECK_THROWS_WITH(write_geojson(fixture_result(), sel, out), "GeoJSON export: " + why);
  CHECK(out.str().empty());  // refused before anything is written
}

TEST_CASE("a working CRS PROJ does not know is an output error") {
  RankedResult r = fixture_result();
  r.dataset.working_crs = "EPSG:999999";
  std::ostringstream out;
  CHECK_THROWS_AS(write_geojson(r, {}, out), OutputError);
  CHECK_THROWS_WITH(write_geojson(r, {}, out),
                    Catch::StartsWith("GeoJSON export: unknown CRS 'EPSG:999999'"));
}
