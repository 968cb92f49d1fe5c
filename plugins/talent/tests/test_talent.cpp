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
// source_access_score = 100 * (1 - 2^(-access / 1)).
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

}  // namespace

TEST_CASE("one same-industry university for an engineers-only project", "[talent]") {
  BruteForceReference ref;
  // tier-1 IC university at (3000, 4000): 5000 m from the parcel.
  ref.layers.push_back(sources_layer({{{3000, 4000}, "university", "integrated_circuits", "1"}}));
  const Scored s = run(ic_profile(0, 1, 0), ref);
  // decay 2^(-5000/5000) = 0.5; weight 1 (same) * 1 (tier 1) * 1 (engineers, university) = 1
  // engineer_access = 0.5; researcher_access = 0.7 * 0.5 = 0.35; technician = 0.2 * 0.5 = 0.1
  // weighted_access = 1.0 * 0.5 = 0.5 -> 100 * (1 - 2^-0.5) = 100 * (1 - 0.707107) = 29.2893
  CHECK(s.scores[0] == Approx(29.2893).epsilon(1e-5));
  CHECK(s.factor(0, "source_access_score") == Approx(29.2893).epsilon(1e-5));
  CHECK(s.factor(0, "weighted_access") == Approx(0.5));
  CHECK(s.factor(0, "engineer_access") == Approx(0.5));
  CHECK(s.factor(0, "researcher_access") == Approx(0.35));
  CHECK(s.factor(0, "technician_access") == Approx(0.1));
  CHECK(s.factor(0, "sources_within_radius") == 1);
  CHECK(s.factor(0, "same_industry_sources") == 1);
  CHECK(s.factor(0, "related_industry_sources") == 0);
  CHECK(s.factor(0, "nearest_relevant_source_m") == Approx(5000));
  // No workforce layer: its factors are not applicable and the score is source access alone.
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
  // score = 100 * (1 - 2^-0.329125) = 100 * (1 - 0.796019) = 20.3981
  CHECK(s.factor(0, "researcher_access") == Approx(0.56225));
  CHECK(s.factor(0, "engineer_access") == Approx(0.21875));
  CHECK(s.factor(0, "technician_access") == Approx(0.096));
  CHECK(s.factor(0, "weighted_access") == Approx(0.329125));
  CHECK(s.scores[0] == Approx(20.3981).epsilon(1e-5));
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
  // source_access_score = 29.2893 (as in the first case)
  // score = 0.7 * 29.2893 + 0.3 * 80 = 20.5025 + 24 = 44.5025
  CHECK(s.factor(0, "workers_within_radius") == Approx(160000));
  CHECK(s.factor(0, "workforce_score") == Approx(80));
  CHECK(s.scores[0] == Approx(44.5025).epsilon(1e-5));
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
  CHECK(s.factor(0, "weighted_access") == Approx(0.4));
  CHECK(s.scores[0] == Approx(24.2142).epsilon(1e-5));
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
  }
  SECTION("no source within reach scores 0") {
    BruteForceReference far;
    far.layers.push_back(sources_layer({{{0, 31000}, "university", "integrated_circuits", "1"}}));
    const Scored o = run(ic_profile(0, 1, 0), far);
    CHECK(o.scores[0] == 0.0);
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
  CHECK(s.factor(0, "weighted_access") == Approx(0.35));
  CHECK(s.scores[0] == Approx(21.5416).epsilon(1e-5));
}

TEST_CASE("options change the model as documented", "[talent]") {
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{6000, 0}, "university", "integrated_circuits", "1"}}));
  TalentCriterion c;
  Options o = default_options(c);
  o.set("distance_decay", ValueFunction::linear(10000, 0));
  o.set("access_half_saturation", 2.0);
  const Scored s = run(ic_profile(0, 1, 0), ref, origin_parcel(), o);
  // keep = (6000 - 10000) / (0 - 10000) = 0.4; access = 0.4
  // score = 100 * (1 - 2^(-0.4 / 2)) = 100 * (1 - 0.870551) = 12.9449
  CHECK(s.factor(0, "weighted_access") == Approx(0.4));
  CHECK(s.scores[0] == Approx(12.9449).epsilon(1e-5));
  // The decay in use is named in the factor descriptions.
  c.configure(ic_profile(0, 1, 0), o, ref);
  bool named = false;
  for (const auto& f : c.factors())
    named = named || f.description.find("linear(zero_at=10000, full_at=0)") != std::string::npos;
  CHECK(named);
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
  for (const bool with_workforce : {false, true}) {
    BruteForceReference before;
    before.layers.push_back(sources_layer(base));
    if (with_workforce) before.layers.push_back(workforce_layer({{{0, 0}, "50000"}}));
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
          INFO("parcel " << i << " kind " << kinds[k] << " industry " << industries[n]);
          CHECK(s1.scores[i] >= s0.scores[i]);
        }
      }
    }
  }

  SECTION("moving a source closer never lowers the score") {
    double previous = -1.0;
    for (double d = 40000; d >= 0; d -= 2500) {
      BruteForceReference ref;
      ref.layers.push_back(sources_layer({{{d, 0}, "university", "integrated_circuits", "1"}}));
      const double score = run(ic_profile(0, 1, 0), ref).scores[0];
      CHECK(score >= previous);
      previous = score;
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
  CHECK(names == std::set<std::string>{"search_radius_m", "distance_decay",
                                       "access_half_saturation", "industry_relevance",
                                       "tier_weights", "researcher_sources", "engineer_sources",
                                       "technician_sources", "default_mix", "workforce_radius_m",
                                       "workforce_function", "weight_sources", "weight_workforce"});
  for (const auto& o : info.options) {
    INFO(o.name);
    CHECK(!o.description.empty());
  }
  // Options holding only the declared defaults: reading an undeclared option would throw.
  BruteForceReference ref;
  ref.layers.push_back(sources_layer({{{0, 0}, "lab", "integrated_circuits", "1"}}));
  ref.layers.push_back(workforce_layer({{{0, 0}, "1000"}}));
  CHECK_NOTHROW(c.configure(ic_profile(0, 0, 0), default_options(c), ref));
  CHECK(c.factors().size() == 11);

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
  refuses("weight_sources", 0.0, ref);  // and no workforce layer: nothing left to score

  BruteForceReference with_workforce = ref;
  with_workforce.layers.push_back(workforce_layer({{{0, 0}, "1000"}}));
  {
    TalentCriterion c;
    Options o = default_options(c);
    o.set("weight_sources", 0.0);
    o.set("weight_workforce", 0.0);
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
