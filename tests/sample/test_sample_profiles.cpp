// The example profiles rank the embedded Hangzhou sample sensibly: facts a
// planner would check, read from the data, not from the plugins' formulas.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.hpp"

using namespace siterank::testing;
using nlohmann::json;

namespace {

const std::string profiles = SITERANK_SOURCE_DIR "/configs/profiles/";

json ranked(const std::string& profile, int top) {
  const Outcome o = siterank_cli(
      {"rank", "--profile", profiles + profile, "-f", "json", "--top", std::to_string(top), "-q"});
  INFO(o.err);
  REQUIRE(o.code == 0);
  return json::parse(o.out);
}

// platform name -> leading industry codes, from `siterank platforms --json`.
std::map<std::string, std::set<std::string>> platform_industries() {
  const Outcome o = siterank_cli({"platforms", "--json"});
  REQUIRE(o.code == 0);
  std::map<std::string, std::set<std::string>> out;
  for (const auto& p : json::parse(o.out))
    for (const auto& i : p["industries"]) out[p["name"]].insert(i["code"].get<std::string>());
  return out;
}

double factor(const json& parcel, const std::string& criterion, const std::string& name) {
  for (const auto& c : parcel["criteria"])
    if (c["criterion"] == criterion)
      for (const auto& f : c["factors"])
        if (f["name"] == name)
          return f["value"].is_null() ? std::nan("") : f["value"].get<double>();
  FAIL("no factor " << criterion << "." << name);
  return 0;
}

double criterion_score(const json& parcel, const std::string& criterion) {
  for (const auto& c : parcel["criteria"])
    if (c["criterion"] == criterion) return c["score"];
  return std::nan("");
}

void top_parcels_in_platforms_leading(const std::string& profile, const std::string& industry) {
  const auto industries = platform_industries();
  const json r = ranked(profile, 10);
  REQUIRE(r["parcels"].size() == 10);
  for (const auto& p : r["parcels"]) {
    INFO(profile << ": " << p["parcel_id"] << " in " << p["platform"]);
    CHECK(industries.at(p["platform"]).count(industry) == 1);
  }
}

}  // namespace

TEST_CASE("the sample has its platforms with leading industries") {
  const auto industries = platform_industries();
  CHECK(industries.size() >= 14);
  CHECK(industries.at("钱塘芯谷").count("integrated_circuits") == 1);
  CHECK(industries.at("未来科技城").count("artificial_intelligence") == 1);
  CHECK(industries.at("中国视谷").count("vision_intelligence") == 1);
}

TEST_CASE("the IC plant's top parcels lie in IC platforms") {
  top_parcels_in_platforms_leading("ic_packaging_test_plant.json", "integrated_circuits");
}

TEST_CASE("the CDMO, robot and drone makers land in their industry's platforms") {
  top_parcels_in_platforms_leading("biomedicine_cdmo.json", "biomedicine_devices");
  top_parcels_in_platforms_leading("humanoid_robot_rd_pilot.json", "embodied_ai_robots");
  top_parcels_in_platforms_leading("drone_maker.json", "low_altitude_economy");
}

TEST_CASE("the vision-AI headquarters sits near metro and talent") {
  const json all = ranked("vision_ai_headquarters.json", 0);
  std::vector<double> talent;
  for (const auto& p : all["parcels"]) talent.push_back(criterion_score(p, "talent"));
  std::sort(talent.begin(), talent.end());
  const double median_talent = talent[talent.size() / 2];
  for (std::size_t i = 0; i < 10; ++i) {
    const auto& p = all["parcels"][i];
    INFO(p["parcel_id"]);
    CHECK(factor(p, "transport", "metro_distance_m") < 2000);  // walking distance (detour included)
    CHECK(criterion_score(p, "talent") > median_talent);
  }
}

TEST_CASE("the battery-materials plant gets large, cheap industrial land with power") {
  const json r = ranked("battery_materials_plant.json", 10);
  std::ifstream in(profiles + "battery_materials_plant.json");
  const json profile = json::parse(in);
  const double min_mu = profile["land"]["min"];
  // The profile accepts prices up to its budget plus the allowed overrun.
  const double budget = profile["budget"]["max_price_wan_per_mu"].get<double>() *
                        (1.0 + profile["budget"].value("max_overrun", 0.0));
  const double power = profile["utilities"]["power_kva"];
  for (const auto& p : r["parcels"]) {
    INFO(p["parcel_id"]);
    CHECK((p["land_use"] == "M2" || p["land_use"] == "100102"));
    CHECK(p["area_mu"].get<double>() >= min_mu * 0.9);
    CHECK(factor(p, "land", "price_wan_per_mu") <= budget);
    CHECK(factor(p, "land", "power_kva") >= power);
  }
}
