// Tests of the industry_fit criterion. Expected scores are worked out by
// hand in the comments from docs/plugins/industry_fit.md, with the default
// options: credits same 100, related 60, same ecosystem 30, secondary
// listing factor 0.9; radius 5000 m, exp_decay(half_life=2000), related
// firm 0.5, chain leader 3, positions adjacent 1 / same 0.6 / distant 0.6 /
// unknown 0.75, saturation 2; weights platform 50, chain 50.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <random>
#include <sdk_fixtures.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "../industry_fit_criterion.hpp"

using namespace siterank;
using namespace siterank::testing;
using siterank::plugins::IndustryFitCriterion;

namespace {

// An embodied-AI robot maker (high-end equipment ecosystem), midstream.
ProjectProfile robot_profile() {
  ProjectProfile p;
  p.name = "robot joint factory";
  p.industry = "embodied_ai_robots";
  p.ecosystem = "high_end_equipment";
  p.related_industries = {"artificial_intelligence", "high_end_general_equipment",
                          "intelligent_connected_vehicles", "low_altitude_economy",
                          "brain_like_intelligence"};
  p.industry_ecosystems = {{"embodied_ai_robots", "high_end_equipment"},
                           {"artificial_intelligence", "smart_iot"},
                           {"high_end_general_equipment", "high_end_equipment"},
                           {"intelligent_connected_vehicles", "high_end_equipment"},
                           {"low_altitude_economy", "high_end_equipment"},
                           {"brain_like_intelligence", "smart_iot"},
                           {"aerospace", "high_end_equipment"},
                           {"airport_logistics", "high_end_equipment"},
                           {"integrated_circuits", "smart_iot"},
                           {"new_materials", "new_materials"},
                           {"new_energy_equipment", "green_energy"}};
  p.project_type = "factory";
  p.chain_position = "midstream";
  return p;
}

// Platforms as points (the brute-force oracle measures distance to a
// polygon layer's representative point anyway), 10 km apart.
ReferenceLayer platforms_layer() {
  ReferenceLayer l = make_point_layer(
      "platforms", "platforms",
      {{10000, 0}, {20000, 0}, {30000, 0}, {40000, 0}, {50000, 0}, {60000, 0}},
      {"name", "industries"},
      {{"未来科技城",
        "artificial_intelligence;low_altitude_economy;embodied_ai_robots;brain_computer_interface"},
       {"钱塘芯谷", "integrated_circuits"},
       {"萧山经开区", "high_end_general_equipment; new_energy_equipment"},
       {"临空经济示范区", "airport_logistics"},
       {"空平台", ""},
       {"航空城", "new_materials;aerospace"}});
  l.kind = GeometryKind::polygon;
  return l;
}

ReferenceLayer firms_layer(std::vector<Point> pts, std::vector<std::vector<std::string>> rows) {
  return make_point_layer("firms", "firms", std::move(pts),
                          {"name", "industry", "chain_position", "chain_leader"}, std::move(rows),
                          {"chain_leader"});
}

// A 100 m square parcel centred on (x, y) on the named platform.
ParcelSpec parcel_at(std::string id, double x, double y, std::string platform) {
  ParcelSpec s;
  s.id = std::move(id);
  s.ring = rectangle(x - 50, y - 50, 100, 100);
  s.platform = std::move(platform);
  s.land_use = "M1";
  s.status = "ready";
  return s;
}

IndustryFitCriterion configured(const ProjectProfile& p, const ReferenceData& ref,
                                const Options* options = nullptr) {
  IndustryFitCriterion c;
  c.configure(p, options ? *options : default_options(c), ref);
  return c;
}

// The chain scenario around a parcel at the origin on 钱塘芯谷 (platform
// credit 0): firms at 2000 m, 4000 m, 2000 m, 5000 m, and two that do not
// count.
BruteForceReference chain_reference() {
  BruteForceReference ref;
  ref.layers.push_back(platforms_layer());
  ref.layers.push_back(
      firms_layer({{0, 2000}, {4000, 0}, {0, -2000}, {3000, 4000}, {0, 6000}, {1000, 0}},
                  {{"f1", "embodied_ai_robots", "upstream", "0"},
                   {"f2", "embodied_ai_robots", "midstream", "1"},
                   {"f3", "artificial_intelligence", "downstream", ""},
                   {"f4", "high_end_general_equipment", "", "0"},
                   {"f5", "embodied_ai_robots", "upstream", "1"},      // 6000 m: too far
                   {"f6", "integrated_circuits", "upstream", "1"}}));  // not the chain
  return ref;
}

}  // namespace

TEST_CASE("industry_fit: platform credits from the leading industries", "[industry_fit]") {
  BruteForceReference ref;
  ref.layers.push_back(platforms_layer());  // no firms layer: chain_fit does not apply
  const ParcelTable t =
      make_parcels({parcel_at("a", 0, 0, "未来科技城"), parcel_at("b", 0, 0, "钱塘芯谷"),
                    parcel_at("c", 0, 0, "萧山经开区"), parcel_at("d", 0, 0, "临空经济示范区"),
                    parcel_at("e", 0, 0, "空平台"), parcel_at("f", 0, 0, "航空城")});
  const Scored s = score_all(configured(robot_profile(), ref), t, ref);

  // 未来科技城: AI related 60 (first listed), low-altitude related 60·0.9 =
  // 54, embodied_ai_robots same 100·0.9 = 90, an unknown code 0 -> 90, rank 3
  CHECK(s.factor(0, "platform_fit") == Approx(90));
  CHECK(s.factor(0, "platform_relation") == 3);
  CHECK(s.factor(0, "platform_match_rank") == 3);
  CHECK(s.scores[0] == Approx(90));  // chain_fit n/a: the score is platform_fit
  CHECK(std::isnan(s.factor(0, "chain_fit")));
  // 钱塘芯谷: integrated circuits is neither related nor high-end equipment -> 0
  CHECK(s.factor(1, "platform_fit") == Approx(0));
  CHECK(s.factor(1, "platform_relation") == 0);
  CHECK(std::isnan(s.factor(1, "platform_match_rank")));
  // 萧山经开区: high_end_general_equipment related, first listed -> 60 (the
  // space after ';' is ignored)
  CHECK(s.factor(2, "platform_fit") == Approx(60));
  CHECK(s.factor(2, "platform_relation") == 2);
  // 临空经济示范区: airport_logistics shares the ecosystem -> 30
  CHECK(s.factor(3, "platform_fit") == Approx(30));
  CHECK(s.factor(3, "platform_relation") == 1);
  // 空平台 lists no industries -> unknown_score 50
  CHECK(s.factor(4, "platform_fit") == Approx(50));
  CHECK(std::isnan(s.factor(4, "platform_relation")));
  // 航空城: new_materials 0; aerospace same ecosystem 30·0.9 = 27, rank 2
  CHECK(s.factor(5, "platform_fit") == Approx(27));
  CHECK(s.factor(5, "platform_match_rank") == 2);
  CHECK(s.vetoes.empty());
}

TEST_CASE("industry_fit: a parcel without a known platform name is placed by location",
          "[industry_fit]") {
  BruteForceReference ref;
  ref.layers.push_back(platforms_layer());
  // "g" lies on 萧山经开区 (30000, 0) without a name; "h" has a name the layer
  // lacks and lies on no platform.
  const ParcelTable t =
      make_parcels({parcel_at("g", 30000, 0, ""), parcel_at("h", 70000, 0, "某某园区")});
  const Scored s = score_all(configured(robot_profile(), ref), t, ref);
  CHECK(s.factor(0, "platform_fit") == Approx(60));
  CHECK(s.factor(1, "platform_fit") == Approx(50));  // unknown_score
  CHECK(s.scores[1] == Approx(50));
}

TEST_CASE("industry_fit: chain co-location by hand", "[industry_fit]") {
  const BruteForceReference ref = chain_reference();
  const ParcelTable t = make_parcels({parcel_at("x", 0, 0, "钱塘芯谷")});
  const Scored s = score_all(configured(robot_profile(), ref), t, ref);

  // exp_decay(half_life=2000): 2000 m -> 0.5, 4000 m -> 0.25, 5000 m -> 2^-2.5 = 0.176777
  // f1 same 1 · 0.5 · not leader 1 · upstream next to midstream 1.0 = 0.5
  // f2 same 1 · 0.25 · leader 3 · same position 0.6                  = 0.45
  // f3 related 0.5 · 0.5 · 1 · downstream next to midstream 1.0      = 0.25
  // f4 related 0.5 · 0.176777 · 1 · no position 0.75                  = 0.066291
  // f5 is 6000 m away, f6 is integrated circuits: not counted.
  // S = 1.266291; chain_fit = 100·(1 − e^(−1.266291/2)) = 100·(1 − 0.530919) = 46.9081
  CHECK(s.factor(0, "chain_mass") == Approx(1.2662913));
  CHECK(s.factor(0, "chain_fit") == Approx(46.9081).epsilon(1e-5));
  CHECK(s.factor(0, "same_industry_firms") == 2);
  CHECK(s.factor(0, "related_industry_firms") == 2);
  CHECK(s.factor(0, "chain_leaders_nearby") == 1);
  CHECK(s.factor(0, "adjacent_position_firms") == 2);  // f1 upstream, f3 downstream
  CHECK(s.factor(0, "nearest_chain_firm_m") == Approx(2000));
  // platform_fit 0 (钱塘芯谷): (50·0 + 50·46.9081) / 100 = 23.4540
  CHECK(s.scores[0] == Approx(23.4540).epsilon(1e-5));
}

TEST_CASE("industry_fit: factor descriptions name the value function in use", "[industry_fit]") {
  const BruteForceReference ref = chain_reference();
  IndustryFitCriterion c;
  Options o = default_options(c);
  o.set("distance_decay", ValueFunction::linear(3000, 500));
  c.configure(robot_profile(), o, ref);
  const auto specs = c.factors();
  CHECK(specs[4].name == "chain_mass");
  CHECK(specs[4].description.find("linear(zero_at=3000, full_at=500)") != std::string::npos);
  // 2000 m -> 100·(2000 − 3000)/(500 − 3000) = 40, 4000 m and 5000 m -> 0:
  // f1 0.4 · 1.0 + f2 0 + f3 0.5 · 0.4 · 1.0 + f4 0 = 0.6
  const ParcelTable t = make_parcels({parcel_at("x", 0, 0, "钱塘芯谷")});
  CHECK(score_all(c, t, ref).factor(0, "chain_mass") == Approx(0.6));
}

TEST_CASE("industry_fit: concurrent batches score like one", "[industry_fit]") {
  const BruteForceReference ref = chain_reference();
  std::vector<ParcelSpec> specs;
  for (int k = 0; k < 40; ++k)
    specs.push_back(
        parcel_at("p" + std::to_string(k), 250.0 * k - 5000, 100.0 * k, k % 2 ? "萧山经开区" : ""));
  const ParcelTable t = make_parcels(specs);
  const IndustryFitCriterion c = configured(robot_profile(), ref);
  const Scored whole = score_all(c, t, ref);
  const Scored halves = score_in_two_threads(c, t, ref);
  for (std::size_t i = 0; i < t.size(); ++i) CHECK(halves.scores[i] == whole.scores[i]);
}

TEST_CASE("industry_fit: without the project's chain position every firm weighs 0.75",
          "[industry_fit]") {
  const BruteForceReference ref = chain_reference();
  ProjectProfile p = robot_profile();
  p.chain_position = "";
  const ParcelTable t = make_parcels({parcel_at("x", 0, 0, "钱塘芯谷")});
  const Scored s = score_all(configured(p, ref), t, ref);
  // (1·0.5·1 + 1·0.25·3 + 0.5·0.5·1 + 0.5·0.176777·1) · 0.75
  // = (0.5 + 0.75 + 0.25 + 0.088388) · 0.75 = 1.588388 · 0.75 = 1.191291
  CHECK(s.factor(0, "chain_mass") == Approx(1.191291).epsilon(1e-5));
  CHECK(std::isnan(s.factor(0, "adjacent_position_firms")));
}

TEST_CASE("industry_fit: related firms can be ignored", "[industry_fit]") {
  const BruteForceReference ref = chain_reference();
  IndustryFitCriterion c;
  Options o = default_options(c);
  o.set("related_firm_weight", 0.0);
  const ParcelTable t = make_parcels({parcel_at("x", 0, 0, "钱塘芯谷")});
  const Scored s = score_all(configured(robot_profile(), ref, &o), t, ref);
  // f1 0.5 + f2 0.45 = 0.95; 100·(1 − e^(−0.475)) = 100·(1 − 0.621885) = 37.8115
  CHECK(s.factor(0, "related_industry_firms") == 0);
  CHECK(s.factor(0, "chain_mass") == Approx(0.95));
  CHECK(s.factor(0, "chain_fit") == Approx(37.8115).epsilon(1e-5));
}

TEST_CASE("industry_fit: no firm nearby scores 0 on the chain, not unknown", "[industry_fit]") {
  BruteForceReference ref = chain_reference();
  const ParcelTable t = make_parcels({parcel_at("far", 100000, 0, "未来科技城")});
  const Scored s = score_all(configured(robot_profile(), ref), t, ref);
  CHECK(s.factor(0, "chain_fit") == Approx(0));
  CHECK(s.factor(0, "chain_mass") == Approx(0));
  CHECK(std::isnan(s.factor(0, "nearest_chain_firm_m")));
  // (50·90 + 50·0) / 100 = 45
  CHECK(s.scores[0] == Approx(45));
}

TEST_CASE("industry_fit: more chain firms nearby never lower the score", "[industry_fit]") {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> coord(-6000, 6000);
  const std::vector<std::string> industries = {"embodied_ai_robots", "artificial_intelligence",
                                               "integrated_circuits", "low_altitude_economy"};
  const std::vector<std::string> positions = {"upstream", "midstream", "downstream", ""};
  const ParcelTable t =
      make_parcels({parcel_at("x", 0, 0, "萧山经开区"), parcel_at("y", 1500, -800, "")});
  std::vector<Point> pts;
  std::vector<std::vector<std::string>> rows;
  std::vector<double> previous = {-1, -1};
  for (int step = 0; step < 60; ++step) {
    pts.push_back({coord(rng), coord(rng)});
    rows.push_back({"firm", industries[rng() % industries.size()],
                    positions[rng() % positions.size()], rng() % 4 == 0 ? "1" : "0"});
    BruteForceReference ref;
    ref.layers.push_back(platforms_layer());
    ref.layers.push_back(firms_layer(pts, rows));
    const Scored s = score_all(configured(robot_profile(), ref), t, ref);
    for (std::size_t i = 0; i < 2; ++i) {
      CHECK(s.scores[i] >= previous[i] - 1e-12);
      previous[i] = s.scores[i];
    }
  }
  CHECK(previous[0] > 30);  // the chain term grew
}

TEST_CASE("industry_fit: configure() rejects each inconsistency", "[industry_fit]") {
  BruteForceReference ref = chain_reference();
  IndustryFitCriterion c;
  const ProjectProfile p = robot_profile();
  const auto rejects = [&](const std::string& name, OptionValue v) {
    Options o = default_options(c);
    o.set(name, std::move(v));
    CHECK_THROWS_AS(c.configure(p, o, ref), std::invalid_argument);
  };
  rejects("related_industry_credit", 30.0 - 1.0);             // below same_ecosystem_credit 30
  rejects("same_ecosystem_credit", 70.0);                     // above related_industry_credit 60
  rejects("distance_decay", ValueFunction::linear(0, 5000));  // nearer must not weigh less
  rejects("distance_decay", ValueFunction::exp_decay(0));
  rejects("saturation", 0.0);
  rejects("radius_m", 0.0);
  rejects("chain_leader_weight", 0.5);
  rejects("related_firm_weight", 1.5);
  Options zero = default_options(c);
  zero.set("weight_platform", 0.0);
  zero.set("weight_chain", 0.0);
  CHECK_THROWS_AS(c.configure(p, zero, ref), std::invalid_argument);
  ProjectProfile no_industry = p;
  no_industry.industry.clear();
  CHECK_THROWS_AS(c.configure(no_industry, default_options(c), ref), std::invalid_argument);
}

TEST_CASE("industry_fit: describe() declares exactly the options configure() reads and the layers",
          "[industry_fit]") {
  BruteForceReference ref = chain_reference();
  IndustryFitCriterion c;
  const CriterionInfo info = c.describe();
  CHECK(info.name == "industry_fit");
  std::set<std::string> names;
  for (const auto& spec : info.options) {
    CHECK(names.insert(spec.name).second);
    Options without;
    for (const auto& other : info.options)
      if (other.name != spec.name) without.set(other.name, other.default_value);
    CHECK_THROWS_AS(c.configure(robot_profile(), without, ref), std::out_of_range);
  }
  REQUIRE(info.layers.size() == 2);
  CHECK(info.layers[0].role == "platforms");
  CHECK_FALSE(info.layers[0].optional);
  CHECK(info.layers[1].role == "firms");
  CHECK(info.layers[1].optional);
}

TEST_CASE("industry_fit: the doc page names every option and factor", "[industry_fit][docs]") {
  std::ifstream in(SITERANK_INDUSTRY_FIT_DOC);
  REQUIRE(in);
  std::stringstream doc;
  doc << in.rdbuf();
  BruteForceReference ref = chain_reference();
  const IndustryFitCriterion c = configured(robot_profile(), ref);
  for (const auto& spec : c.describe().options)
    CHECK(doc.str().find("`" + spec.name + "`") != std::string::npos);
  std::set<std::string> factor_names;
  for (const auto& f : c.factors()) {
    CHECK(factor_names.insert(f.name).second);
    CHECK(doc.str().find("`" + f.name + "`") != std::string::npos);
  }
}
