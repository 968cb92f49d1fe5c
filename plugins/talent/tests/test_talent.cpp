// Tests of the talent criterion. Expected scores are worked out by hand in
// the comments from the model in docs/plugins/talent.md, with the defaults:
// distance_decay exp_decay(half_life=5000 m) so a source keeps 1/2 of its
// weight at 5 km and 1/4 at 10 km; industry relevance same 1, related 0.5,
// same ecosystem 0.25, other 0.1; tiers 1 / 0.7 / 0.4; kind relevance
//                 researchers engineers technicians
//   university        0.7        1.0        0.2
//   lab               1.0        0.3        0.0
//   institute         1.0        0.5        0.1
//   vocational        0.0        0.3        1.0
// source_access_score = 100 * (1 - 2^(-access / 1)); the commute, to the
// nearest source listing the project's industry or a related one, scored
// linear(zero_at=38000, full_at=13000) on the straight-line distance without
// a road network and linear(zero_at=60, full_at=20) on minutes by road with
// one; weights sources 0.7, workforce 0.3, commute 0.3, normalised over the
// terms that can be scored.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <sdk_fixtures.hpp>
#include <set>
#include <thread>

#include "../talent_criterion.hpp"

using namespace siterank;
using namespace siterank::testing;
using siterank::plugins::TalentCriterion;

namespace {

ProjectProfile ic_profile(double researchers, double engineers, double technicians) {
  ProjectProfile p;
  p.name = "wafer fab";
  p.industry = "integrated_circuits";
  p.ecosystem = "smart_iot";
  p.related_industries = {"vision_intelligence", "artificial_intelligence", "optoelectronics",
                          "new_materials",       "network_communication",   "quantum_technology"};
  p.industry_ecosystems = {
      {"integrated_circuits", "smart_iot"},   {"vision_intelligence", "smart_iot"},
      {"data_economy", "smart_iot"},          {"artificial_intelligence", "smart_iot"},
      {"biomedicine_devices", "biomedicine"}, {"new_materials", "new_materials"}};
  p.talent = {researchers, engineers, technicians};
  return p;
}

struct SourceSpec {
  Point at;
  std::string kind;
  std::string industries;
  std::string tier;  // "" = missing
};

ReferenceLayer sources_layer(const std::vector<SourceSpec>& specs) {
  std::vector<Point> pts;
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    pts.push_back(specs[i].at);
    rows.push_back(
        {"source " + std::to_string(i), specs[i].kind, specs[i].industries, specs[i].tier});
  }
  return make_point_layer("talent", "talent_sources", pts, {"name", "kind", "industries", "tier"},
                          rows, {"tier"});
}

ReferenceLayer workforce_layer(const std::vector<std::pair<Point, std::string>>& features) {
  std::vector<Point> pts;
  std::vector<std::vector<std::string>> rows;
  for (const auto& [p, workers] : features) {
    pts.push_back(p);
    rows.push_back({"district", workers});
  }
  return make_point_layer("jobs", "workforce", pts, {"name", "workers"}, rows, {"workers"});
}

ParcelSpec parcel(std::string id, std::vector<Point> ring) {
  ParcelSpec p;
  p.id = std::move(id);
  p.ring = std::move(ring);
  return p;
}

// One 100 m x 100 m parcel centred on the origin: its representative point is (0, 0).
ParcelTable origin_parcel() { return make_parcels({parcel("P0", rectangle(-50, -50, 100, 100))}); }

Scored run(const ProjectProfile& profile, const BruteForceReference& ref, const ParcelTable& t,
           const Options& options) {
  TalentCriterion c;
  c.configure(profile, options, ref);
  return score_all(c, t, ref);
}

Scored run(const ProjectProfile& profile, const BruteForceReference& ref,
           const ParcelTable& t = origin_parcel()) {
  return run(profile, ref, t, default_options(TalentCriterion{}));
}

// The tests' road network (manhattan_roads in sdk_fixtures.hpp); with
// `unreachable` no feature can be reached from anywhere (the parcel's roads
// lead nowhere).
void grid_roads(BruteForceReference& ref, bool unreachable = false) {
  manhattan_roads(ref, [unreachable](const ReferenceLayer&) { return unreachable; });
}

const FactorSpec& spec(const Scored& s, const std::string& name) {
  for (const auto& f : s.specs)
    if (f.name == name) return f;
  throw std::out_of_range("no factor " + name);
}

}  // namespace

TEST_CASE("one same-industry university for an engineers-only project", "[talent]") {
  BruteForceReference ref;
  // tier-1 IC university at (3000, 4000): 5000 m from the parcel.
  ref.layers.push_back(sources_layer({{{3000, 4000}, "university", "integrated_circuits", "1"}}));
  const Scored s = run(ic_profile(0, 1, 0), ref);
  // decay 2^(-5000/5000) = 0.5; weight 1 (same) * 1 (tier 1) * 1 (engineers, university) = 1
  // engineer_access = 0.5; researcher_access = 0.7 * 0.5 = 0.35; technician = 0.2 * 0.5 = 0.1
  // weighted_access = 1.0 * 0.5 = 0.5 -> 100 * (1 - 2^-0.5) = 100 * (1 - 0.707107) = 29.2893
  // commute: the university, 5000 m in a straight line (no road network) <= 13000 -> 100
  // No workforce layer: score = (0.7 * 29.2893 + 0.3 * 100) / (0.7 + 0.3) = 50.5025
  CHECK(s.scores[0] == Approx(50.5025).epsilon(1e-5));
  CHECK(s.factor(0, "source_access_score") == Approx(29.2893).epsilon(1e-5));
  CHECK(s.factor(0, "commute_distance_m") == Approx(5000));
  CHECK(s.factor(0, "commute_score") == Approx(100));
  CHECK_THROWS(s.factor(0, "commute_minutes"));  // no road network: no minutes
  CHECK(s.factor(0, "weighted_access") == Approx(0.5));
  CHECK(s.factor(0, "engineer_access") == Approx(0.5));
  CHECK(s.factor(0, "researcher_access") == Approx(0.35));
  CHECK(s.factor(0, "technician_access") == Approx(0.1));
  CHECK(s.factor(0, "sources_within_radius") == 1);
  CHECK(s.factor(0, "same_industry_sources") == 1);
  CHECK(s.factor(0, "related_industry_sources") == 0);
  CHECK(s.factor(0, "nearest_relevant_source_m") == Approx(5000));
  // No workforce layer: its factors are not applicable and its weight goes to the others.
  CHECK(std::isnan(s.factor(0, "workforce_score")));
  CHECK(std::isnan(s.factor(0, "workers_within_radius")));
  CHECK(s.vetoes.empty());
}

TEST_CASE("industry relevance, tier, kind and talent mix combine per source", "[talent]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({
      {{0, 5000}, "lab", "integrated_circuits", "1"},                      // a: same, 5 km
      {{10000, 0}, "vocational_college", "vision_intelligence", "2"},      // b: related, 10 km
      {{-5000, 0}, "institute", "data_economy;biomedicine_devices", "3"},  // c: ecosystem, 5 km
      {{0, -10000}, "university", "biomedicine_devices", "2"},             // d: other, 10 km
      {{0, -40000}, "university", "integrated_circuits", "1"},             // e: beyond 30 km
  }));
  // Mix: researchers 0.5, technicians 0.5.
  const Scored s = run(ic_profile(0.5, 0, 0.5), ref);
  // base = industry * tier; keep = decay:
  //   a: 1    * 1   = 1     keep 0.5
  //   b: 0.5  * 0.7 = 0.35  keep 0.25
  //   c: 0.25 * 0.4 = 0.1   keep 0.5  (data_economy is in smart_iot: best match = ecosystem)
  //   d: 0.1  * 0.7 = 0.07  keep 0.25
  // researcher_access = a 1*1*0.5 + b 0 + c 0.1*1*0.5 + d 0.07*0.7*0.25
  //                   = 0.5 + 0.05 + 0.01225 = 0.56225
  // engineer_access   = a 0.3*0.5 + b 0.35*0.3*0.25 + c 0.1*0.5*0.5 + d 0.07*1*0.25
  //                   = 0.15 + 0.02625 + 0.025 + 0.0175 = 0.21875
  // technician_access = a 0 + b 0.35*1*0.25 + c 0.1*0.1*0.5 + d 0.07*0.2*0.25
  //                   = 0.0875 + 0.005 + 0.0035 = 0.096
  // weighted_access = 0.5 * 0.56225 + 0.5 * 0.096 = 0.329125
  // source_access_score = 100 * (1 - 2^-0.329125) = 100 * (1 - 0.796019) = 20.3981
  // commute: a, 5000 m -> 100; score = 0.7 * 20.3981 + 0.3 * 100 = 44.2787
  CHECK(s.factor(0, "researcher_access") == Approx(0.56225));
  CHECK(s.factor(0, "engineer_access") == Approx(0.21875));
  CHECK(s.factor(0, "technician_access") == Approx(0.096));
  CHECK(s.factor(0, "weighted_access") == Approx(0.329125));
  CHECK(s.factor(0, "source_access_score") == Approx(20.3981).epsilon(1e-5));
  CHECK(s.scores[0] == Approx(44.2787).epsilon(1e-5));
  CHECK(s.factor(0, "sources_within_radius") == 4);  // e lies beyond search_radius_m
  CHECK(s.factor(0, "same_industry_sources") == 1);
  CHECK(s.factor(0, "related_industry_sources") == 1);
  // a (same industry, a lab: supplies researchers) is the nearest relevant source.
  CHECK(s.factor(0, "nearest_relevant_source_m") == Approx(5000));
}

TEST_CASE("workforce within commuting reach shares the score", "[talent]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{3000, 4000}, "university", "integrated_circuits", "1"}}));
  ref.layers.push_back(workforce_layer({{{2000, 0}, "100000"},
                                        {{0, 8000}, "60000"},
                                        {{20000, 0}, "500000"},  // beyond 10 km
                                        {{0, -3000}, ""}}));     // missing: counts 0
  const Scored s = run(ic_profile(0, 1, 0), ref);
  // workers within 10 km = 100000 + 60000 = 160000 -> linear(0, 200000) = 80
  // source_access_score = 29.2893, commute_score = 100 (as in the first case)
  // score = (0.7 * 29.2893 + 0.3 * 80 + 0.3 * 100) / 1.3 = (20.5025 + 24 + 30) / 1.3 = 57.3096
  CHECK(s.factor(0, "workers_within_radius") == Approx(160000));
  CHECK(s.factor(0, "workforce_score") == Approx(80));
  CHECK(s.scores[0] == Approx(57.3096).epsilon(1e-5));

  SECTION("weight_commute 0: sources and workforce alone") {
    TalentCriterion c;
    Options o = default_options(c);
    o.set("weight_commute", 0.0);
    // 0.7 * 29.2893 + 0.3 * 80 = 20.5025 + 24 = 44.5025
    const Scored w = run(ic_profile(0, 1, 0), ref, origin_parcel(), o);
    CHECK(w.scores[0] == Approx(44.5025).epsilon(1e-5));
    CHECK(w.factor(0, "commute_score") == Approx(100));  // still measured and reported
  }
}

TEST_CASE("missing values: unknown kind, missing tier, no relevant source", "[talent]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({
      {{0, 0}, "university", "integrated_circuits", ""},  // tier missing: counts as tier 3
      {{0, 0}, "company", "integrated_circuits", "1"},    // not a talent source kind
      {{0, 2000}, "", "", "1"},                           // nothing known
  }));
  const Scored s = run(ic_profile(0, 1, 0), ref);
  // Only the first counts: 1 (same) * 0.4 (tier 3) * 1 (engineers, university) * 1 (0 m)
  // = 0.4 -> 100 * (1 - 2^-0.4) = 100 * (1 - 0.757858) = 24.2142
  // commute: an IC source at 0 m -> 100; score = 0.7 * 24.2142 + 0.3 * 100 = 46.9499
  CHECK(s.factor(0, "weighted_access") == Approx(0.4));
  CHECK(s.factor(0, "source_access_score") == Approx(24.2142).epsilon(1e-5));
  CHECK(s.scores[0] == Approx(46.9499).epsilon(1e-5));
  CHECK(s.factor(0, "commute_distance_m") == 0);
  CHECK(s.factor(0, "sources_within_radius") == 3);
  CHECK(s.factor(0, "same_industry_sources") == 2);  // counted by industry, whatever the kind
  CHECK(s.factor(0, "nearest_relevant_source_m") == Approx(0));

  SECTION("only sources of other industries: no nearest relevant source") {
    BruteForceReference other;
    other.layers.push_back(sources_layer({{{0, 1000}, "university", "biomedicine_devices", "1"}}));
    const Scored o = run(ic_profile(0, 1, 0), other);
    CHECK(std::isnan(o.factor(0, "nearest_relevant_source_m")));
    // 0.1 (other) * 1 * 1 * 2^(-1000/5000) = 0.1 * 0.870551 = 0.0870551
    CHECK(o.factor(0, "weighted_access") == Approx(0.0870551).epsilon(1e-5));
    // No source lists the industry or a related one: no commute, its weight goes to sources.
    CHECK(std::isnan(o.factor(0, "commute_distance_m")));
    CHECK(std::isnan(o.factor(0, "commute_score")));
    CHECK(o.scores[0] == Approx(o.factor(0, "source_access_score")));
    for (const auto& f : o.specs)
      if (f.name == "commute_score")
        CHECK_THAT(f.description,
                   Catch::StartsWith("not applicable: no talent source lists integrated_circuits "
                                     "or a related industry"));
  }
  SECTION("no source within reach: only the commute scores") {
    BruteForceReference far;
    far.layers.push_back(sources_layer({{{0, 31000}, "university", "integrated_circuits", "1"}}));
    const Scored o = run(ic_profile(0, 1, 0), far);
    // source access 0; commute 31000 m -> 100 * (38000 - 31000) / 25000 = 28; 0.3 * 28 = 8.4
    CHECK(o.factor(0, "source_access_score") == 0.0);
    CHECK(o.factor(0, "commute_score") == Approx(28));
    CHECK(o.scores[0] == Approx(8.4));
    CHECK(o.factor(0, "sources_within_radius") == 0);
    CHECK(std::isnan(o.factor(0, "nearest_relevant_source_m")));
  }
}

TEST_CASE("default_mix applies when the profile states no talent mix", "[talent]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{0, 0}, "lab", "integrated_circuits", "1"}}));
  const Scored s = run(ic_profile(0, 0, 0), ref);
  // mix 0.2 / 0.5 / 0.3; a tier-1 same-industry lab at 0 m supplies 1 / 0.3 / 0:
  // access = 0.2 * 1 + 0.5 * 0.3 + 0.3 * 0 = 0.35 -> 100 * (1 - 2^-0.35) = 21.5416
  // commute 0 m -> 100; score = 0.7 * 21.5416 + 0.3 * 100 = 45.0791
  CHECK(s.factor(0, "weighted_access") == Approx(0.35));
  CHECK(s.factor(0, "source_access_score") == Approx(21.5416).epsilon(1e-5));
  CHECK(s.scores[0] == Approx(45.0791).epsilon(1e-5));
}

TEST_CASE("options change the model as documented", "[talent]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{6000, 0}, "university", "integrated_circuits", "1"}}));
  TalentCriterion c;
  Options o = default_options(c);
  o.set("distance_decay", ValueFunction::linear(10000, 0));
  o.set("access_half_saturation", 2.0);
  o.set("commute_function", ValueFunction::stepped({5000, 10000}, {100, 50, 0}));
  o.set("weight_commute", 0.7);
  const Scored s = run(ic_profile(0, 1, 0), ref, origin_parcel(), o);
  // keep = (6000 - 10000) / (0 - 10000) = 0.4; access = 0.4
  // source_access_score = 100 * (1 - 2^(-0.4 / 2)) = 100 * (1 - 0.870551) = 12.9449
  // commute 6000 m: 5000 <= 6000 < 10000 -> 50
  // score = (0.7 * 12.9449 + 0.7 * 50) / 1.4 = 31.4725
  CHECK(s.factor(0, "weighted_access") == Approx(0.4));
  CHECK(s.factor(0, "source_access_score") == Approx(12.9449).epsilon(1e-5));
  CHECK(s.factor(0, "commute_score") == Approx(50));
  CHECK(s.scores[0] == Approx(31.4725).epsilon(1e-5));
  // The decay in use is named in the factor descriptions.
  c.configure(ic_profile(0, 1, 0), o, ref);
  bool named = false, commute_named = false;
  for (const auto& f : c.factors()) {
    named = named || f.description.find("linear(zero_at=10000, full_at=0)") != std::string::npos;
    commute_named =
        commute_named || (f.name == "commute_score" &&
                          f.description.find("stepped(breaks=[5000,10000]") != std::string::npos);
  }
  CHECK(named);
  CHECK(commute_named);
}

TEST_CASE("more relevant talent sources nearby never lower the talent score",
          "[talent][metamorphic]") {
  const std::vector<SourceSpec> base = {
      {{4000, 3000}, "university", "integrated_circuits", "1"},
      {{-8000, 6000}, "vocational_college", "vision_intelligence", "2"},
      {{12000, -9000}, "lab", "artificial_intelligence", "1"},
  };
  std::vector<ParcelSpec> grid;
  for (int gx = 0; gx < 5; ++gx)
    for (int gy = 0; gy < 5; ++gy)
      grid.push_back(parcel("P" + std::to_string(gx) + std::to_string(gy),
                            rectangle(-20000 + 8000 * gx, -20000 + 8000 * gy, 300, 200)));
  const ParcelTable parcels = make_parcels(grid);
  const std::vector<std::string> kinds = {"university", "lab", "institute", "vocational_college"};
  const std::vector<std::string> industries = {"integrated_circuits", "optoelectronics",
                                               "data_economy", "modern_textiles"};
  for (const bool with_workforce : {false, true})
    for (const bool with_roads : {false, true}) {
      BruteForceReference before;
      before.layers.push_back(sources_layer(base));
      if (with_workforce) before.layers.push_back(workforce_layer({{{0, 0}, "50000"}}));
      if (with_roads) grid_roads(before);
      const ProjectProfile profile = ic_profile(0.3, 0.4, 0.3);
      const Scored s0 = run(profile, before, parcels);
      for (std::size_t k = 0; k < kinds.size(); ++k) {
        for (std::size_t n = 0; n < industries.size(); ++n) {
          std::vector<SourceSpec> more = base;
          more.push_back(
              {{-3000.0 + 2500.0 * static_cast<double>(k), 1500.0 * static_cast<double>(n)},
               kinds[k],
               industries[n],
               std::to_string(1 + (k + n) % 3)});
          BruteForceReference after = before;
          after.layers[0] = sources_layer(more);
          const Scored s1 = run(profile, after, parcels);
          for (std::size_t i = 0; i < parcels.size(); ++i) {
            INFO("parcel " << i << " kind " << kinds[k] << " industry " << industries[n]
                           << (with_roads ? " by road" : ""));
            CHECK(s1.scores[i] >= s0.scores[i]);
          }
        }
      }
    }

  SECTION("moving a source closer never lowers the score") {
    for (const bool with_roads : {false, true}) {
      double previous = -1.0;
      for (double d = 40000; d >= 0; d -= 2500) {
        BruteForceReference ref;
        ref.layers.push_back(sources_layer({{{d, 0}, "university", "integrated_circuits", "1"}}));
        if (with_roads) grid_roads(ref);
        const double score = run(ic_profile(0, 1, 0), ref).scores[0];
        INFO(d << (with_roads ? " by road" : ""));
        CHECK(score >= previous);
        previous = score;
      }
    }
  }
}

TEST_CASE("scores do not depend on batching or threads", "[talent]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{4000, 3000}, "university", "integrated_circuits", "1"},
                                      {{-6000, 2000}, "lab", "vision_intelligence", "2"}}));
  ref.layers.push_back(workforce_layer({{{1000, 1000}, "120000"}}));
  std::vector<ParcelSpec> specs;
  for (int i = 0; i < 40; ++i)
    specs.push_back(parcel("P" + std::to_string(i), rectangle(-15000 + 750 * i, 0, 200, 200)));
  const ParcelTable t = make_parcels(specs);
  TalentCriterion c;
  c.configure(ic_profile(0.2, 0.6, 0.2), default_options(c), ref);
  const Scored whole = score_all(c, t, ref);

  const Scored halves = score_in_two_threads(c, t, ref);
  for (std::size_t i = 0; i < t.size(); ++i) CHECK(halves.scores[i] == whole.scores[i]);
  for (std::size_t k = 0; k < halves.factors.size(); ++k)
    CHECK((halves.factors[k] == whole.factors[k] ||
           (std::isnan(halves.factors[k]) && std::isnan(whole.factors[k]))));
}

TEST_CASE("describe() declares every option configure() reads, and the layers", "[talent]") {
  TalentCriterion c;
  const CriterionInfo info = c.describe();
  CHECK(info.name == "talent");
  std::set<std::string> names;
  for (const auto& o : info.options) names.insert(o.name);
  CHECK(names == std::set<std::string>{
                     "search_radius_m", "distance_decay", "access_half_saturation",
                     "industry_relevance", "tier_weights", "researcher_sources", "engineer_sources",
                     "technician_sources", "default_mix", "workforce_radius_m", "workforce_minutes",
                     "workforce_function", "weight_sources", "weight_workforce", "use_road_network",
                     "commute_time_function", "commute_function", "weight_commute"});
  for (const auto& o : info.options) {
    INFO(o.name);
    CHECK(!o.description.empty());
  }
  // Options holding only the declared defaults: reading an undeclared option would throw.
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{0, 0}, "lab", "integrated_circuits", "1"}}));
  ref.layers.push_back(workforce_layer({{{0, 0}, "1000"}}));
  CHECK_NOTHROW(c.configure(ic_profile(0, 0, 0), default_options(c), ref));
  CHECK(c.factors().size() == 13);

  REQUIRE(info.layers.size() == 2);
  CHECK(info.layers[0].role == "talent_sources");
  CHECK_FALSE(info.layers[0].optional);
  CHECK(info.layers[1].role == "workforce");
  CHECK(info.layers[1].optional);
}

TEST_CASE("configure() refuses inconsistent options and data", "[talent]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{0, 0}, "lab", "integrated_circuits", "1"}}));
  const ProjectProfile profile = ic_profile(0.3, 0.4, 0.3);
  auto refuses = [&](const std::string& option, OptionValue value,
                     const BruteForceReference& data) {
    TalentCriterion c;
    Options o = default_options(c);
    o.set(option, std::move(value));
    INFO(option);
    CHECK_THROWS_AS(c.configure(profile, o, data), std::invalid_argument);
  };
  refuses("industry_relevance",
          NumberMap{{"same_industry", 0.5},
                    {"related_industry", 0.8},
                    {"same_ecosystem", 0.2},
                    {"other_industry", 0}},
          ref);
  refuses("industry_relevance", NumberMap{{"same_industry", 1}, {"related_industry", 0.5}}, ref);
  refuses("industry_relevance",
          NumberMap{{"same_industry", 0},
                    {"related_industry", 0},
                    {"same_ecosystem", 0},
                    {"other_industry", 0}},
          ref);
  refuses("tier_weights", NumberMap{{"1", 1}, {"2", 0.3}, {"3", 0.5}}, ref);
  refuses("engineer_sources", NumberMap{{"university", 0}, {"lab", 0}}, ref);
  refuses("default_mix", NumberMap{}, ref);
  refuses("distance_decay", ValueFunction::linear(0, 5000), ref);  // rises with distance
  refuses("distance_decay", ValueFunction::logistic(5000, 0.001), ref);
  refuses("distance_decay", ValueFunction::gaussian(3000, 1000), ref);
  refuses("distance_decay", ValueFunction::stepped({1000, 5000}, {50, 100, 20}), ref);
  refuses("workforce_function", ValueFunction::linear(200000, 0), ref);  // falls with workers
  refuses("workforce_function", ValueFunction::exp_decay(1000), ref);
  refuses("search_radius_m", 0.0, ref);
  refuses("access_half_saturation", 0.0, ref);
  refuses("weight_commute", -1.0, ref);
  refuses("commute_function", ValueFunction::gaussian(5000, 1000), ref);  // rises up to 5 km
  refuses("commute_time_function", ValueFunction::logistic(30, 0.2), ref);
  {
    // weight_sources 0: the commute is left; with weight_commute 0 too (and no
    // workforce layer) nothing is.
    TalentCriterion c;
    Options o = default_options(c);
    o.set("weight_sources", 0.0);
    CHECK_NOTHROW(c.configure(profile, o, ref));
    o.set("weight_commute", 0.0);
    CHECK_THROWS_WITH(c.configure(profile, o, ref),
                      "option 'weight_sources': is 0 but the dataset has no workforce layer, so "
                      "there is nothing left to score");
    // A commute with no source to go to leaves nothing either.
    BruteForceReference other;
    other.layers.push_back(sources_layer({{{0, 0}, "lab", "biomedicine_devices", "1"}}));
    o.set("weight_commute", 0.3);
    o.set("weight_workforce", 0.0);
    CHECK_THROWS_WITH(c.configure(profile, o, other),
                      "option 'weight_sources': is 0 but no talent source lists "
                      "integrated_circuits or a related industry (no commute), so there is "
                      "nothing left to score");
  }

  BruteForceReference with_workforce = ref;
  with_workforce.layers.push_back(workforce_layer({{{0, 0}, "1000"}}));
  {
    TalentCriterion c;
    Options o = default_options(c);
    o.set("weight_sources", 0.0);
    o.set("weight_workforce", 0.0);
    o.set("weight_commute", 0.0);
    CHECK_THROWS_AS(c.configure(profile, o, with_workforce), std::invalid_argument);
    o.set("weight_workforce", 1.0);  // workforce alone is a consistent choice
    CHECK_NOTHROW(c.configure(profile, o, with_workforce));
  }

  SECTION("the talent_sources layer is required") {
    TalentCriterion c;
    CHECK_THROWS_AS(c.configure(profile, default_options(c), BruteForceReference{}),
                    std::invalid_argument);
  }
  SECTION("workers must be numeric") {
    BruteForceReference text_workers = ref;
    text_workers.layers.push_back(
        make_point_layer("jobs", "workforce", {{0, 0}}, {"name", "workers"}, {{"d", "many"}}));
    TalentCriterion c;
    CHECK_THROWS_AS(c.configure(profile, default_options(c), text_workers), std::invalid_argument);
  }
}

TEST_CASE("with a road network the commute is in minutes by road", "[talent][roads]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({
      {{12000, 9000}, "university", "integrated_circuits", "1"},        // A: same, 15000 m
      {{0, -20000}, "vocational_college", "vision_intelligence", "2"},  // B: related, 20000 m
      {{5000, 0}, "lab", "biomedicine_devices", "1"},                   // C: other, 5000 m
  }));
  grid_roads(ref);
  const Scored s = run(ic_profile(0, 1, 0), ref);
  // Source access, in a straight line with or without roads (engineers only):
  //   A 1 * 1 * 1 (university) * 2^(-15000/5000) = 0.125
  //   B 0.5 * 0.7 * 0.3 (vocational) * 2^(-20000/5000) = 0.105 * 0.0625 = 0.0065625
  //   C 0.1 * 1 * 0.3 (lab) * 2^(-5000/5000) = 0.015
  //   weighted_access = 0.1465625 -> 100 * (1 - 2^-0.1465625) = 100 * (1 - 0.903400) = 9.6600
  // Commute by road, to A or B (C is of another industry):
  //   A (12000, 9000): 21000 m / 10 m/s = 2100 s = 35 min
  //   B (0, -20000):   20000 m / 10 m/s = 2000 s = 33.3333 min  <- nearest by road
  //   linear(60 -> 0, 20 -> 100): 100 * (60 - 33.3333) / 40 = 66.6667
  // score = 0.7 * 9.6600 + 0.3 * 66.6667 = 6.7620 + 20 = 26.7620
  CHECK(s.factor(0, "weighted_access") == Approx(0.1465625));
  CHECK(s.factor(0, "source_access_score") == Approx(9.6600).epsilon(1e-4));
  CHECK(s.factor(0, "commute_minutes") == Approx(2000.0 / 60));
  CHECK(s.factor(0, "commute_score") == Approx(66.6667).epsilon(1e-5));
  CHECK(s.scores[0] == Approx(26.7620).epsilon(1e-4));
  CHECK_THROWS(s.factor(0, "commute_distance_m"));
  // The straight-line factors stay in metres: A is nearest in a straight line.
  CHECK(s.factor(0, "nearest_relevant_source_m") == Approx(15000));
  CHECK(s.factor(0, "sources_within_radius") == 3);
  CHECK(s.vetoes.empty());
  // Every output says which: minutes by road on which network, metres in a straight line.
  CHECK(spec(s, "commute_minutes").unit == "min");
  CHECK_THAT(spec(s, "commute_minutes").description,
             Catch::Contains("by road") && Catch::Contains("test road network") &&
                 Catch::Contains("integrated_circuits or a related industry"));
  CHECK_THAT(spec(s, "commute_score").description,
             Catch::StartsWith("linear(zero_at=60, full_at=20) of commute_minutes; weight 0.3"));
  CHECK_THAT(spec(s, "sources_within_radius").description,
             Catch::Contains("in a straight line") &&
                 Catch::Contains("by distance even with a road network"));
  for (const char* name :
       {"researcher_access", "same_industry_sources", "nearest_relevant_source_m"}) {
    INFO(name);
    CHECK_THAT(spec(s, name).description, Catch::Contains("straight"));
  }

  SECTION("use_road_network false: the straight line, and the reason") {
    TalentCriterion c;
    Options o = default_options(c);
    o.set("use_road_network", false);
    const Scored d = run(ic_profile(0, 1, 0), ref, origin_parcel(), o);
    // A at 15000 m in a straight line: 100 * (38000 - 15000) / 25000 = 92
    // score = 0.7 * 9.6600 + 0.3 * 92 = 6.7620 + 27.6 = 34.3620
    CHECK(d.factor(0, "commute_distance_m") == Approx(15000));
    CHECK(d.factor(0, "commute_score") == Approx(92));
    CHECK(d.scores[0] == Approx(34.3620).epsilon(1e-4));
    CHECK_THROWS(d.factor(0, "commute_minutes"));
    CHECK(spec(d, "commute_distance_m").unit == "m");
    CHECK_THAT(spec(d, "commute_distance_m").description,
               Catch::StartsWith("Straight-line distance") &&
                   Catch::EndsWith("not minutes: use_road_network is false"));
  }
  SECTION("without a road network: the same, saying the dataset has none") {
    BruteForceReference no_roads = ref;
    no_roads.road = nullptr;
    const Scored d = run(ic_profile(0, 1, 0), no_roads);
    CHECK(d.scores[0] == Approx(34.3620).epsilon(1e-4));
    CHECK_THAT(spec(d, "commute_distance_m").description,
               Catch::EndsWith("not minutes: the dataset has no road network"));
    CHECK_THAT(spec(d, "sources_within_radius").description,
               !Catch::Contains("even with a road network"));
  }
  SECTION("the commute time function is an option") {
    TalentCriterion c;
    Options o = default_options(c);
    o.set("commute_time_function", ValueFunction::stepped({30, 45}, {100, 60, 0}));
    const Scored d = run(ic_profile(0, 1, 0), ref, origin_parcel(), o);
    // 33.3333 min: 30 <= 33.3 < 45 -> 60
    CHECK(d.factor(0, "commute_score") == Approx(60));
  }
}

TEST_CASE("a parcel the commute cannot be made from is vetoed with the reason", "[talent][roads]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{3000, 4000}, "university", "integrated_circuits", "1"}}));
  grid_roads(ref);
  const ParcelTable t =
      make_parcels({parcel("NEAR", rectangle(-50, -50, 100, 100)),
                    parcel("FAR", rectangle(49950, -50, 100, 100))});  // x = 50000: off network
  const Scored s = run(ic_profile(0, 1, 0), ref, t, default_options(TalentCriterion{}));
  // NEAR: 7000 m / 10 m/s = 700 s = 11.6667 min <= 20 -> 100.
  CHECK(s.factor(0, "commute_minutes") == Approx(700.0 / 60));
  CHECK(s.factor(0, "commute_score") == Approx(100));
  REQUIRE(s.vetoes.size() == 1);
  CHECK(s.vetoes[0].parcel == 1);
  CHECK(s.vetoes[0].reason ==
        "no road within reach of the parcel, so no talent source listing integrated_circuits or a "
        "related industry can be reached by road (test road network)");
  // No silent number: the minutes are NaN, the commute scores 0 (and the parcel is vetoed).
  CHECK(std::isnan(s.factor(1, "commute_minutes")));
  CHECK(s.factor(1, "commute_score") == 0.0);

  SECTION("on the network, but no target reachable from its roads") {
    BruteForceReference cut = ref;
    grid_roads(cut, true);
    const Scored u = run(ic_profile(0, 1, 0), cut, origin_parcel());
    REQUIRE(u.vetoes.size() == 1);
    CHECK(u.vetoes[0].reason ==
          "no talent source listing integrated_circuits or a related industry can be reached by "
          "road from the parcel's nearest road, 25 m away (test road network)");
  }
  SECTION("a commute the weights ignore vetoes nothing") {
    TalentCriterion c;
    Options o = default_options(c);
    o.set("weight_commute", 0.0);
    const Scored w = run(ic_profile(0, 1, 0), ref, t, o);
    CHECK(w.vetoes.empty());
    CHECK(std::isnan(w.factor(1, "commute_minutes")));
  }
  SECTION("batches and threads: the same minutes and vetoes") {
    std::vector<ParcelSpec> specs;
    for (int i = 0; i < 40; ++i)
      specs.push_back(parcel("P" + std::to_string(i), rectangle(-60000 + 3000 * i, 0, 200, 200)));
    const ParcelTable row = make_parcels(specs);
    TalentCriterion c;
    c.configure(ic_profile(0.2, 0.6, 0.2), default_options(c), ref);
    const Scored whole = score_all(c, row, ref);
    const Scored halves = score_in_two_threads(c, row, ref);
    for (std::size_t k = 0; k < halves.factors.size(); ++k)
      CHECK((halves.factors[k] == whole.factors[k] ||
             (std::isnan(halves.factors[k]) && std::isnan(whole.factors[k]))));
    auto vetoed = [](const Scored& r) {
      std::vector<std::pair<std::size_t, std::string>> v;
      for (const Veto& x : r.vetoes) v.emplace_back(x.parcel, x.reason);
      std::sort(v.begin(), v.end());
      return v;
    };
    CHECK(vetoed(halves) == vetoed(whole));
    // x < -40000 or > 40000: off the network.
    CHECK(whole.vetoes.size() == 13);
  }
}

TEST_CASE("with a road network the workforce counts within workforce_minutes by road",
          "[talent][roads]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{3000, 4000}, "university", "integrated_circuits", "1"}}));
  // Trips by the test network: Manhattan metres / 10 m/s.
  ref.layers.push_back(workforce_layer({{{6000, 0}, "1000"},      // 600 s = 10 min, 6 km
                                        {{3000, 3000}, "2000"},   // 600 s = 10 min, 4.24 km
                                        {{12000, 6000}, "4000"},  // 1800 s = 30 min, 13.4 km
                                        {{20000, 1}, "8000"},     // 2000.1 s = 33.3 min
                                        {{-9000, 0}, ""}}));      // 15 min, no count: 0
  grid_roads(ref);
  TalentCriterion c;
  Options o = default_options(c);
  const ProjectProfile profile = ic_profile(0, 1, 0);
  // Default 20 min: 1000 + 2000 = 3000 -> linear(0, 200000) = 1.5.
  const Scored s = run(profile, ref, origin_parcel(), o);
  CHECK(s.factor(0, "workers_within_radius") == Approx(3000));
  CHECK(s.factor(0, "workforce_score") == Approx(1.5));
  CHECK(s.vetoes.empty());
  c.configure(profile, o, ref);
  bool said = false;
  for (const auto& f : c.factors())
    if (f.name == "workers_within_radius")
      said = f.description.find("within 20 min by road, door to door") != std::string::npos &&
             f.description.find("test road network") != std::string::npos;
  CHECK(said);

  // The limit itself counts: 30 min takes the third, 1000 + 2000 + 4000
  // (13.4 km away: a 10 km straight-line radius would not).
  o.set("workforce_minutes", 30.0);
  CHECK(run(profile, ref, origin_parcel(), o).factor(0, "workers_within_radius") == Approx(7000));
  o.set("workforce_minutes", 9.9);
  CHECK(run(profile, ref, origin_parcel(), o).factor(0, "workers_within_radius") == Approx(0));
  o.set("workforce_minutes", 34.0);
  CHECK(run(profile, ref, origin_parcel(), o).factor(0, "workers_within_radius") == Approx(15000));

  SECTION("use_road_network false: the straight-line radius, saying why") {
    o.set("use_road_network", false);
    const Scored d = run(profile, ref, origin_parcel(), o);
    CHECK(d.factor(0, "workers_within_radius") == Approx(3000));  // 10 km: 6 km and 4.24 km
    TalentCriterion straight;
    straight.configure(profile, o, ref);
    for (const auto& f : straight.factors())
      if (f.name == "workers_within_radius")
        CHECK_THAT(f.description, Catch::Contains("not minutes: use_road_network is false"));
  }
  SECTION("a parcel off the network: NaN workers, 0, and a veto naming why") {
    o.set("weight_commute", 0.0);  // else the commute's veto says it first
    const ParcelTable t = make_parcels({parcel("FAR", rectangle(49950, -50, 100, 100))});
    const Scored f = run(profile, ref, t, o);
    CHECK(std::isnan(f.factor(0, "workers_within_radius")));
    CHECK(f.factor(0, "workforce_score") == 0.0);
    REQUIRE(f.vetoes.size() == 1);
    CHECK(f.vetoes[0].reason ==
          "no road within reach of the parcel, so no workers can be counted within 34 min by "
          "road (test road network)");
    o.set("weight_commute", 0.3);
    const Scored both = run(profile, ref, t, o);
    REQUIRE(both.vetoes.size() == 1);  // one reason, the commute's
    CHECK_THAT(both.vetoes[0].reason, Catch::Contains("no talent source"));
  }
  SECTION("a limit that is not > 0 is refused, naming the option") {
    o.set("workforce_minutes", 0.0);
    CHECK_THROWS_WITH(c.configure(profile, o, ref), Catch::Contains("workforce_minutes"));
  }
}

TEST_CASE("needs: the declared layers, and the road network when the commute is weighed",
          "[talent]") {
  const TalentCriterion c;
  Options o = default_options(c);
  CriterionNeeds n = c.needs(ic_profile(0, 1, 0), o);
  CHECK(n.road_network);
  REQUIRE(n.layers.size() == 2);
  CHECK(n.layers[0].role == "talent_sources");
  CHECK_FALSE(n.layers[0].optional);
  CHECK(n.layers[1].role == "workforce");
  CHECK(n.layers[1].optional);
  o.set("weight_commute", 0.0);
  CHECK(c.needs(ic_profile(0, 1, 0), o).road_network);  // the workforce's reach is by road
  o.set("weight_workforce", 0.0);
  CHECK_FALSE(c.needs(ic_profile(0, 1, 0), o).road_network);
  o.set("weight_commute", 0.3);
  o.set("weight_workforce", 0.3);
  o.set("use_road_network", false);
  CHECK_FALSE(c.needs(ic_profile(0, 1, 0), o).road_network);
}

TEST_CASE("a commute function that rises is refused, naming the option", "[talent]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{0, 0}, "lab", "integrated_circuits", "1"}}));
  // Both are checked with and without a road network: a profile's error does
  // not wait for a dataset that uses the function.
  for (const bool with_roads : {false, true}) {
    INFO((with_roads ? "with" : "without") << " a road network");
    BruteForceReference data = ref;
    if (with_roads) grid_roads(data);
    TalentCriterion c;
    Options o = default_options(c);
    o.set("commute_time_function", ValueFunction::linear(20, 60));
    CHECK_THROWS_WITH(c.configure(ic_profile(0, 1, 0), o, data),
                      Catch::StartsWith("option 'commute_time_function': linear(zero_at=20, "
                                        "full_at=60) must not rise between 0 and "));
    o = default_options(c);
    o.set("commute_function", ValueFunction::stepped({10000}, {20, 80}));
    CHECK_THROWS_WITH(c.configure(ic_profile(0, 1, 0), o, data),
                      Catch::StartsWith("option 'commute_function': stepped(breaks=[10000], "
                                        "scores=[20,80]) must not rise"));
    o = default_options(c);
    o.set("commute_time_function", ValueFunction::exp_decay(0));
    CHECK_THROWS_WITH(c.configure(ic_profile(0, 1, 0), o, data),
                      "option 'commute_time_function': exp_decay needs half_life > 0");
  }
}
