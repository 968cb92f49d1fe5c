// Textbook proximity terms through the CLI: two uses of the built-in
// proximity plugin under names of their own, on the grid fixture. The
// distances they are checked against come from GDAL's SQLite dialect
// (ST_Distance from ST_PointOnSurface of each parcel to each station), not
// from siterank.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_fixture.hpp"

using namespace siterank::testing;
using nlohmann::json;

namespace {

const char* kProfile = R"({
  "project": {"name": "教科书邻近性", "industry": "integrated_circuits"},
  "weights": {"near_station": 3, "stations_1200": 1},
  "plugins": {
    "near_station": {"use": "proximity", "role": "stations",
                     "score_function": {"type": "linear", "zero_at": 2000, "full_at": 0}},
    "stations_1200": {"use": "proximity", "role": "stations", "measure": "count_within",
                      "radius_m": 1200, "score_function": {"type": "per_unit", "points": 50}}
  }
})";

// Parcel id -> its distances to 一号站 (520050, 3350050) and 二号站
// (521200, 3350150), by ogrinfo; valid parcels only (P-006, a bow-tie that
// siterank repairs, has a point on the repaired surface of its own).
std::map<std::string, std::pair<double, double>> distances_by_gdal() {
  const Outcome o = run_program(
      "ogrinfo", {"-q", "-ro", grid_dir + "/parcels.geojson", "-dialect", "SQLite", "-sql",
                  "SELECT \"地块编号\" AS id, "
                  "ST_Distance(ST_PointOnSurface(geometry), MakePoint(520050, 3350050)) AS d1, "
                  "ST_Distance(ST_PointOnSurface(geometry), MakePoint(521200, 3350150)) AS d2 "
                  "FROM parcels WHERE geometry IS NOT NULL AND ST_IsValid(geometry)"});
  REQUIRE(o.code == 0);
  std::map<std::string, std::pair<double, double>> out;
  const std::regex row(R"(id \(String\) = (\S+)\s+d1 \(Real\) = (\S+)\s+d2 \(Real\) = (\S+))");
  for (std::sregex_iterator it(o.out.begin(), o.out.end(), row), end; it != end; ++it)
    out[(*it)[1]] = {std::stod((*it)[2]), std::stod((*it)[3])};
  REQUIRE(out.size() >= 7);
  return out;
}

const json& criterion(const json& parcel, const std::string& name) {
  for (const auto& c : parcel["criteria"])
    if (c["criterion"] == name) return c;
  FAIL("no criterion " << name);
  throw std::logic_error("unreachable");
}

const json& factor(const json& c, const std::string& name) {
  for (const auto& f : c["factors"])
    if (f["name"] == name) return f;
  FAIL("no factor " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("two uses of proximity: nearest station and stations within 1200 m, as GDAL measures") {
  TempDir d("proximity_cli");
  const std::string profile = d.write("profile.json", kProfile);
  const Outcome o = siterank_cli({"rank", "--profile", profile, "--dataset", grid_dir, "-f", "json",
                                  "--top", "0", "--include-vetoed", "-q"});
  INFO(o.err);
  REQUIRE(o.code == 0);
  const json j = json::parse(o.out);
  REQUIRE(j["criteria"].size() == 2);
  CHECK(j["criteria"][0]["name"] == "near_station");
  CHECK(j["criteria"][0]["plugin"] == "proximity");
  CHECK(j["criteria"][0]["weight"].get<double>() == Approx(0.75));
  CHECK(j["criteria"][1]["name"] == "stations_1200");
  CHECK(j["criteria"][1]["plugin"] == "proximity");

  const auto gdal = distances_by_gdal();
  std::size_t checked = 0;
  for (const auto& p : j["parcels"]) {
    const std::string id = p["parcel_id"];
    const auto it = gdal.find(id);
    if (it == gdal.end()) continue;
    const auto [d1, d2] = it->second;
    INFO("parcel " << id << ": GDAL d1 = " << d1 << ", d2 = " << d2);
    const double nearest = std::min(d1, d2);
    const json& near = criterion(p, "near_station");
    CHECK(factor(near, "nearest_m")["value"].get<double>() == Approx(nearest).margin(0.01));
    CHECK(factor(near, "nearest_feature")["feature"]["name"] == (d1 <= d2 ? "一号站" : "二号站"));
    const double near_score = std::max(0.0, 100.0 * (2000.0 - nearest) / 2000.0);
    CHECK(near["score"].get<double>() == Approx(near_score).margin(0.01));
    const json& count = criterion(p, "stations_1200");
    const int within = (d1 <= 1200.0) + (d2 <= 1200.0);
    CHECK(factor(count, "count")["value"] == within);
    CHECK(count["score"].get<double>() == 50.0 * within);
    // score = 0.75 near + 0.25 count
    CHECK(p["score"].get<double>() ==
          Approx(0.75 * near_score + 0.25 * 50.0 * within).margin(0.01));
    ++checked;
  }
  CHECK(checked == gdal.size());
}

TEST_CASE("proximity uses give the same bytes with 1 or 2 threads") {
  TempDir d("proximity_threads");
  const std::string profile = d.write("profile.json", kProfile);
  const auto run = [&](const char* threads) {
    return siterank_cli({"rank", "--profile", profile, "--dataset", grid_dir, "-f", "json", "--top",
                         "0", "--threads", threads, "-q"});
  };
  const Outcome one = run("1"), two = run("2");
  REQUIRE(one.code == 0);
  CHECK(one.out == two.out);
}
