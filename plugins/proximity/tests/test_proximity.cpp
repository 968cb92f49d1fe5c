// Tests of the proximity criterion. Every expected value is worked out by
// hand in the comments: distances are Euclidean between the parcel's
// representative point and the features.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <sdk_fixtures.hpp>
#include <set>
#include <sstream>

#include "../proximity_criterion.hpp"

using namespace siterank;
using namespace siterank::testing;
using siterank::plugins::ProximityCriterion;

namespace {

ParcelSpec parcel(std::string id, double cx, double cy) {
  ParcelSpec p;
  p.id = std::move(id);
  p.ring = rectangle(cx - 50, cy - 50, 100, 100);
  return p;
}

// P0 at the origin, P1 at (10000, 0).
ParcelTable two_parcels() { return make_parcels({parcel("P0", 0, 0), parcel("P1", 10000, 0)}); }

// Three universities: U-A at 5000 m from P0 (3000, 4000), U-B at 2000 m
// (0, -2000), U-C at 10000 m (6000, 8000); tiers 1, 2, 1.
ReferenceLayer universities() {
  return make_point_layer("uni", "universities", {{3000, 4000}, {0, -2000}, {6000, 8000}},
                          {"name", "tier"}, {{"U-A", "1"}, {"U-B", "2"}, {"U-C", "1"}});
}

// 30 firms on the y axis at 100 m, 200 m ... 3000 m from P0; firm i (from 1)
// has 10 * i jobs. From P1 the nearest is sqrt(10000^2 + 100^2) > 10 km away.
ReferenceLayer firms() {
  std::vector<Point> pts;
  std::vector<std::vector<std::string>> rows;
  for (int i = 1; i <= 30; ++i) {
    pts.push_back({0.0, 100.0 * i});
    rows.push_back({"F" + std::to_string(i), std::to_string(10 * i)});
  }
  return make_point_layer("firms", "firms", pts, {"name", "jobs"}, rows, {"jobs"});
}

BruteForceReference reference() {
  BruteForceReference ref;
  ref.layers.push_back(universities());
  ref.layers.push_back(firms());
  return ref;
}

Options options(std::initializer_list<std::pair<const char*, OptionValue>> given) {
  ProximityCriterion c;
  Options o = default_options(c);
  for (const auto& [k, v] : given) o.set(k, v);
  return o;
}

Scored run(const Options& o, const BruteForceReference& ref = reference()) {
  ProximityCriterion c;
  c.configure(ProjectProfile{}, o, ref);
  return score_all(c, two_parcels(), ref);
}

std::string configure_error(const Options& o, const BruteForceReference& ref = reference()) {
  ProximityCriterion c;
  try {
    c.configure(ProjectProfile{}, o, ref);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("nearest: the distance to the nearest university, scored linearly", "[proximity]") {
  // P0: U-B at 2000 m; linear(zero_at=5000, full_at=0) = 100 * (5000 - 2000) / 5000 = 60.
  // P1 (10000, 0): U-A is sqrt(7000^2 + 4000^2) = 8062.26 m, U-C sqrt(4000^2 + 8000^2)
  // = 8944.27 m, U-B sqrt(10000^2 + 2000^2) = 10198.04 m: 8062.26 m, beyond 5000: 0.
  const Scored s = run(options({{"role", std::string("universities")}}));
  CHECK(s.scores[0] == Approx(60));
  CHECK(s.factor(0, "nearest_m") == Approx(2000));
  CHECK(s.factor(0, "nearest_feature") == 1);  // U-B
  CHECK(s.factor(0, "features") == 1);
  CHECK(s.scores[1] == 0);
  CHECK(s.factor(1, "nearest_m") == Approx(8062.2577));
  CHECK(s.factor(1, "nearest_feature") == 0);  // U-A
  CHECK(s.vetoes.empty());
}

TEST_CASE("k_nearest: the mean distance to the k nearest", "[proximity]") {
  // P0, k = 2: (2000 + 5000) / 2 = 3500; linear(10000, 0): 100 * 6500 / 10000 = 65.
  // k = 5 with 3 universities: (2000 + 5000 + 10000) / 3 = 5666.67 -> 43.33.
  const ValueFunction f = ValueFunction::linear(10000, 0);
  const Scored two = run(options({{"role", std::string("universities")},
                                  {"measure", std::string("k_nearest")},
                                  {"k", 2.0},
                                  {"score_function", f}}));
  CHECK(two.factor(0, "mean_nearest_m") == Approx(3500));
  CHECK(two.scores[0] == Approx(65));
  CHECK(two.factor(0, "features") == 2);
  const Scored five = run(options({{"role", std::string("universities")},
                                   {"measure", std::string("k_nearest")},
                                   {"k", 5.0},
                                   {"score_function", f}}));
  CHECK(five.factor(0, "mean_nearest_m") == Approx(17000.0 / 3));
  CHECK(five.scores[0] == Approx(100.0 * (10000 - 17000.0 / 3) / 10000));
  CHECK(five.factor(0, "features") == 3);
}

TEST_CASE("count_within: 4 points per firm within 5 km, capped at 20 firms", "[proximity]") {
  // P0 has all 30 firms within 5 km: 4 x min(30, 20) = 80. P1 none: 0.
  // Within 1 km: firms 1..10 (100 m .. 1000 m, the radius included): 40.
  const ValueFunction f = ValueFunction::per_unit(4, 20);
  const Scored s = run(options({{"role", std::string("firms")},
                                {"measure", std::string("count_within")},
                                {"score_function", f}}));
  CHECK(s.factor(0, "count") == 30);
  CHECK(s.scores[0] == 80);
  CHECK(s.factor(0, "nearest_feature") == 0);  // F1, 100 m
  CHECK(s.factor(1, "count") == 0);
  CHECK(s.scores[1] == 0);
  CHECK(std::isnan(s.factor(1, "nearest_feature")));
  const Scored km = run(options({{"role", std::string("firms")},
                                 {"measure", std::string("count_within")},
                                 {"radius_m", 1000.0},
                                 {"score_function", f}}));
  CHECK(km.factor(0, "count") == 10);
  CHECK(km.scores[0] == 40);
}

TEST_CASE("count_within with a weight: the jobs within 1 km", "[proximity]") {
  // Firms 1..10 within 1 km: 10 + 20 + ... + 100 = 550 jobs; per_unit(0.1): 55.
  const Scored s = run(options({{"role", std::string("firms")},
                                {"measure", std::string("count_within")},
                                {"radius_m", 1000.0},
                                {"weight_field", std::string("jobs")},
                                {"score_function", ValueFunction::per_unit(0.1)}}));
  CHECK(s.factor(0, "weighted_count") == Approx(550));
  CHECK(s.scores[0] == Approx(55));
  CHECK(s.factor(0, "features") == 10);
}

TEST_CASE("decayed_sum: each firm's jobs halved every kilometre", "[proximity]") {
  // Within 300 m: firms 1, 2, 3 at 100, 200, 300 m with 10, 20, 30 jobs,
  // decay exp_decay(half_life = 100): 10/2 + 20/4 + 30/8 = 13.75 jobs;
  // per_unit(points = 2): 27.5.
  const Scored s = run(options({{"role", std::string("firms")},
                                {"measure", std::string("decayed_sum")},
                                {"radius_m", 300.0},
                                {"decay", ValueFunction::exp_decay(100)},
                                {"weight_field", std::string("jobs")},
                                {"score_function", ValueFunction::per_unit(2)}}));
  CHECK(s.factor(0, "decayed_sum") == Approx(13.75));
  CHECK(s.scores[0] == Approx(27.5));
  // Unweighted: 1/2 + 1/4 + 1/8 = 0.875 features; per_unit(100): 87.5.
  const Scored n = run(options({{"role", std::string("firms")},
                                {"measure", std::string("decayed_sum")},
                                {"radius_m", 300.0},
                                {"decay", ValueFunction::exp_decay(100)},
                                {"score_function", ValueFunction::per_unit(100)}}));
  CHECK(n.factor(0, "decayed_sum") == Approx(0.875));
  CHECK(n.scores[0] == Approx(87.5));
}

TEST_CASE("a filter keeps only some features; none left scores as infinitely far", "[proximity]") {
  // Tier 1 only: U-A (5000 m) and U-C; nearest 5000 -> linear(10000, 0) = 50.
  const Scored tier1 = run(options({{"role", std::string("universities")},
                                    {"filter_field", std::string("tier")},
                                    {"filter_values", std::vector<std::string>{"1"}},
                                    {"score_function", ValueFunction::linear(10000, 0)}}));
  CHECK(tier1.factor(0, "nearest_m") == Approx(5000));
  CHECK(tier1.factor(0, "nearest_feature") == 0);
  CHECK(tier1.scores[0] == Approx(50));
  // No tier 9: n/a measure, no feature, and linear(10000, 0) at infinity = 0;
  // with exp_decay the same.
  const Scored none = run(options({{"role", std::string("universities")},
                                   {"filter_field", std::string("tier")},
                                   {"filter_values", std::vector<std::string>{"9"}}}));
  CHECK(std::isnan(none.factor(0, "nearest_m")));
  CHECK(std::isnan(none.factor(0, "nearest_feature")));
  CHECK(none.factor(0, "features") == 0);
  CHECK(none.scores[0] == 0);
}

TEST_CASE("scores are the same in one batch or two threads", "[proximity]") {
  ProximityCriterion c;
  const BruteForceReference ref = reference();
  c.configure(ProjectProfile{},
              options({{"role", std::string("firms")},
                       {"measure", std::string("count_within")},
                       {"score_function", ValueFunction::per_unit(4, 20)}}),
              ref);
  const Scored one = score_all(c, two_parcels(), ref);
  const Scored two = score_in_two_threads(c, two_parcels(), ref);
  CHECK(one.scores == two.scores);
}

TEST_CASE("configurations that cannot mean what they say are refused, naming the option",
          "[proximity]") {
  const BruteForceReference ref = reference();
  ProximityCriterion c;
  // needs(), before any data is read.
  try {
    (void)c.needs(ProjectProfile{}, options({}));
    FAIL("no error");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) ==
          "option 'role': give the role of the reference layer to measure (e.g. "
          "\"universities\")");
  }
  CHECK_THROWS_WITH(
      c.needs(ProjectProfile{}, options({{"role", std::string("firms")},
                                         {"filter_values", std::vector<std::string>{"x"}}})),
      "option 'filter_values': needs filter_field, the attribute the values are of");
  const CriterionNeeds needs =
      c.needs(ProjectProfile{}, options({{"role", std::string("firms")},
                                         {"measure", std::string("count_within")},
                                         {"weight_field", std::string("jobs")}}));
  REQUIRE(needs.layers.size() == 1);
  CHECK(needs.layers[0].role == "firms");
  CHECK_FALSE(needs.layers[0].optional);
  CHECK(needs.layers[0].attributes == std::vector<std::string>{"jobs"});

  // A count with the default (falling) score function.
  CHECK(configure_error(
            options({{"role", std::string("firms")}, {"measure", std::string("count_within")}})) ==
        "option 'score_function': linear(zero_at=5000, full_at=0) must not fall with a count "
        "between 0 and inf (count_within; e.g. {\"type\": \"per_unit\", \"points\": 4, "
        "\"max_units\": 20})");
  // A distance with a rising one.
  CHECK(configure_error(options({{"role", std::string("universities")},
                                 {"score_function", ValueFunction::per_unit(1)}})) ==
        "option 'score_function': per_unit(points=1) must not rise with a distance between 0 "
        "and inf (nearest; e.g. {\"type\": \"linear\", \"zero_at\": 5000, \"full_at\": 0})");
  CHECK(configure_error(options(
            {{"role", std::string("universities")}, {"weight_field", std::string("tier")}})) ==
        "option 'weight_field': weighs features in count_within and decayed_sum only, not in "
        "nearest");
  CHECK(configure_error(options({{"role", std::string("universities")},
                                 {"measure", std::string("count_within")},
                                 {"weight_field", std::string("tier")},
                                 {"score_function", ValueFunction::per_unit(1)}})) ==
        "option 'weight_field': attribute 'tier' of layer 'uni' is not numeric");
  CHECK(configure_error(options({{"role", std::string("firms")},
                                 {"measure", std::string("decayed_sum")},
                                 {"decay", ValueFunction::linear(0, 1000)},
                                 {"score_function", ValueFunction::per_unit(1)}})) ==
        "option 'decay': decayed_sum decay linear(zero_at=0, full_at=1000) must not rise "
        "between 0 and 5000 m");
  // A negative weight in the data.
  BruteForceReference bad = reference();
  bad.layers[1].attributes[1].numbers[4] = -3;
  CHECK(configure_error(options({{"role", std::string("firms")},
                                 {"measure", std::string("count_within")},
                                 {"weight_field", std::string("jobs")},
                                 {"score_function", ValueFunction::per_unit(1)}}),
                        bad) ==
        "option 'weight_field': layer 'firms' feature 4 'F5': jobs = -3 (a weight must be a "
        "finite number >= 0)");
}

TEST_CASE("proximity: the doc page names every option and factor", "[proximity][docs]") {
  std::ifstream in(SITERANK_PROXIMITY_DOC);
  REQUIRE(in);
  std::stringstream doc;
  doc << in.rdbuf();
  ProximityCriterion c;
  for (const auto& spec : c.describe().options)
    CHECK(doc.str().find("`" + spec.name + "`") != std::string::npos);
  const BruteForceReference ref = reference();
  for (const char* measure : {"nearest", "k_nearest", "count_within", "decayed_sum"})
    for (const char* weight : {"", "jobs"}) {
      const bool distance = std::string(measure).find("nearest") != std::string::npos;
      if (distance && *weight) continue;
      c.configure(ProjectProfile{},
                  options({{"role", std::string("firms")},
                           {"measure", std::string(measure)},
                           {"weight_field", std::string(weight)},
                           {"score_function", distance ? ValueFunction::linear(5000, 0)
                                                       : ValueFunction::per_unit(1)}}),
                  ref);
      for (const auto& f : c.factors())
        CHECK(doc.str().find("`" + f.name + "`") != std::string::npos);
    }
}
