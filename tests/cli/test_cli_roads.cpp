// A dataset with a road network, end to end through the CLI: transport in
// minutes naming the station, and $.requirements.max_minutes / max_km
// vetoes naming the station and the minutes.
//
// The grid fixture's parcels (rep points at their rectangles' centres) and
// stations, with one straight road along y = 3349900 from x = 519000 to
// 523000 at 36 km/h (10 m/s), access legs at the default 15 km/h
// (25/6 m/s, so 150 m take 36 s). Every parcel and station attaches to the
// road straight south of it, so a trip is access + |dx| / 10 + access:
//   station 一号站 (520050, 3350050): access 150 m = 36 s
//   station 二号站 (521200, 3350150): access 250 m = 60 s
//   P-001 (520050, 3350050) 36 s  -> 一号站: 36 + 0 + 36     =  72 s = 1.2 min
//   P-002 (520300, 3350050) 36 s  -> 一号站: 36 + 25 + 36    =  97 s = 1.6167 min
//   P-003 (520650, 3350100) 48 s  -> 一号站: 48 + 60 + 36    = 144 s = 2.4 min
//                                    (二号站: 48 + 55 + 60 = 163 s)
//   P-004 (521200, 3350150) 60 s  -> 二号站: 60 + 0 + 60     = 120 s = 2.0 min
//   P-005 (521550, 3350050) 36 s  -> 二号站: 36 + 35 + 60    = 131 s = 2.1833 min
// (P-006 is a repaired bow tie and P-009 has a hole over its centre: their
// points are elsewhere, and no test here depends on them.)
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

using namespace siterank::testing;

namespace {

void write_roads_dataset(const TempDir& d, const std::string& station_role) {
  for (const char* f : {"parcels.geojson", "stations.geojson"})
    std::filesystem::copy_file(grid_dir + "/" + f, d.file(f),
                               std::filesystem::copy_options::overwrite_existing);
  d.write("roads.geojson", R"({"type": "FeatureCollection",
    "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}},
    "features": [{"type": "Feature", "properties": {"kind": "primary", "speed": 36},
      "geometry": {"type": "LineString", "coordinates":
        [[519000, 3349900], [520500, 3349900], [522000, 3349900], [523000, 3349900]]}}]})");
  d.write("dataset.json", R"({"name": "grid with roads", "working_crs": "EPSG:4549",
    "parcels": {"source": "parcels.geojson",
      "fields": {"id": "地块编号", "platform": "所属平台", "land_use": "用地性质", "status": "供地状态"},
      "values": {"status": {"净地": "ready", "可出让": "available", "储备": "reserved", "征迁中": "clearance"}}},
    "layers": {
      "stations": {"role": ")" +
                              station_role +
                              R"(", "source": "stations.geojson", "fields": {"name": "站名"}},
      "roads": {"role": "roads", "source": "roads.geojson", "fields": {"class": "kind", "speed_kmh": "speed"}}}})");
}

std::string profile_with(const TempDir& d, const std::string& requirements) {
  return d.write("p.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
    "weights": {"fixture_area": 1}, "requirements": {"veto_too_small": false, )" +
                               requirements + "}}");
}

// parcel id -> its vetoes' reasons, from rank -f json --include-vetoed.
std::map<std::string, std::vector<std::string>> vetoes_of(const Outcome& o) {
  std::map<std::string, std::vector<std::string>> out;
  const auto doc = nlohmann::json::parse(o.out);
  for (const auto& p : doc["parcels"]) {
    auto& reasons = out[p["parcel_id"].get<std::string>()];
    if (p.contains("vetoes"))
      for (const auto& v : p["vetoes"]) reasons.push_back(v["reason"].get<std::string>());
  }
  return out;
}

}  // namespace

TEST_CASE("max_minutes vetoes parcels too far by road, naming the station and the minutes") {
  TempDir d("roads_max_minutes");
  write_roads_dataset(d, "stations");
  const std::string p = profile_with(d, R"("max_minutes": {"stations": 2.1})");
  const Outcome o = siterank_cli(with_plugins(
      {"rank", "--profile", p, "--dataset", d.path(), "-f", "json", "--include-vetoed", "-q"}));
  REQUIRE(o.code == 0);
  const auto v = vetoes_of(o);
  CHECK(v.at("P-001").empty());
  CHECK(v.at("P-002").empty());
  CHECK(v.at("P-004").empty());  // 2.0 min, within 2.1
  CHECK(v.at("P-003") ==
        std::vector<std::string>{"stations: 2.4 min by road to the nearest, 一号站, over the "
                                 "2.1 min limit by road ($.requirements.max_minutes.stations)"});
  // P-008 (520050, 3350350): access 450 m = 108 s, + 0 + 36 s = 144 s = 2.4 min.
  CHECK(v.at("P-008") ==
        std::vector<std::string>{"stations: 2.4 min by road to the nearest, 一号站, over the "
                                 "2.1 min limit by road ($.requirements.max_minutes.stations)"});
  // P-005 is B29: the fixture plugin vetoes it too; the limit comes first.
  REQUIRE(!v.at("P-005").empty());
  CHECK_THAT(v.at("P-005")[0],
             Catch::StartsWith("stations: 2.2 min by road to the nearest, 二号站"));

  SECTION("the same limit in a straight line: max_km") {
    // P-003 (520650, 3350100): 二号站 sqrt(550² + 50²) = 552.3 m, 一号站 602.1 m.
    const std::string k = profile_with(d, R"("max_km": {"stations": 0.5})");
    const Outcome ok = siterank_cli(with_plugins(
        {"rank", "--profile", k, "--dataset", d.path(), "-f", "json", "--include-vetoed", "-q"}));
    REQUIRE(ok.code == 0);
    const auto kv = vetoes_of(ok);
    CHECK(kv.at("P-002").empty());  // 250 m
    CHECK(kv.at("P-003") ==
          std::vector<std::string>{"stations: 0.6 km in a straight line to the nearest, 二号站, "
                                   "over the 0.5 km limit ($.requirements.max_km.stations)"});
  }
}

TEST_CASE("max_minutes without a road network, or for a role the dataset lacks, is refused") {
  TempDir d("roads_limits_refused");
  write_grid_manifest(d, grid_dir + "/parcels.geojson");
  const std::string p = profile_with(d, R"("max_minutes": {"stations": 30})");
  const Outcome o = siterank_cli(with_plugins({"rank", "--profile", p, "--dataset", d.path()}));
  CHECK(o.code != 0);
  CHECK_THAT(o.err, Catch::Contains("$.requirements.max_minutes.stations: minutes by road need a "
                                    "road network") &&
                        Catch::Contains("dataset.json has no layer with role 'roads'"));
  const std::string q = profile_with(d, R"("max_km": {"airports": 30})");
  const Outcome r = siterank_cli(with_plugins({"rank", "--profile", q, "--dataset", d.path()}));
  CHECK(r.code != 0);
  CHECK_THAT(r.err, Catch::Contains("$.requirements.max_km.airports: ") &&
                        Catch::Contains("has no layer with role 'airports'"));
  const std::string bad = profile_with(d, R"("max_minutes": {"stations": -5})");
  const Outcome b = siterank_cli(with_plugins({"rank", "--profile", bad, "--dataset", d.path()}));
  CHECK(b.code != 0);
  CHECK_THAT(b.err, Catch::Contains("$.requirements.max_minutes.stations"));
}

TEST_CASE("transport ranks in minutes by road and names the station") {
  TempDir d("roads_transport");
  write_roads_dataset(d, "interchanges");
  const std::string p =
      d.write("p.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
    "weights": {"transport": 1}, "requirements": {"veto_too_small": false},
    "logistics": {"freight_trucks": 1},
    "plugins": {"transport": {"freight_trucks_modes": {"interchange": 1},
                              "interchange_time_function": {"type": "linear", "zero_at": 4, "full_at": 1}}}})");
  const Outcome o = siterank_cli(
      {"explain", "--profile", p, "--dataset", d.path(), "--parcel", "P-002", "-f", "json"});
  REQUIRE(o.code == 0);
  const auto j = nlohmann::json::parse(o.out);
  std::map<std::string, nlohmann::json> f;
  for (const auto& x : j["criteria"][0]["factors"]) f[x["name"].get<std::string>()] = x;
  // 97 s = 1.61667 min -> linear(4 -> 0, 1 -> 100): 100 * (4 - 1.61667) / 3 = 79.4444
  CHECK(f.at("interchange_minutes")["value"].get<double>() == Approx(97.0 / 60).epsilon(1e-4));
  CHECK(f.at("interchange_nearest")["feature"]["name"] == "一号站");
  CHECK(f.at("interchange_score")["value"].get<double>() == Approx(79.4444).epsilon(1e-4));
  CHECK_THAT(f.at("interchange_minutes")["description"].get<std::string>(),
             Catch::Contains("by road"));
  // P-005 is nearer 二号站 by road (131 s) than 一号站 (36 + 150 + 36 = 222 s):
  // 2.18 min in the text form.
  const Outcome five =
      siterank_cli({"explain", "--profile", p, "--dataset", d.path(), "--parcel", "P-005"});
  REQUIRE(five.code == 0);
  CHECK_THAT(five.out, Catch::Contains("二号站") && Catch::Contains("2.18 min"));
}
