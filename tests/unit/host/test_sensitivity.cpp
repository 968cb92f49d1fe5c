// The report of `siterank sensitivity` (siterank/host/sensitivity.hpp) on
// the hand-made result of ranked_result_fixture.hpp: three ranked parcels
// under a weighted sum of land (0.6) and transport (0.4):
//   QT-02 (90, 80) 86, QT-01 (40, 90) 60, QT-04 (35, 20) 29.
// With the land weight w and transport 1 - w (the only way to move one of
// two weights with the other rescaled):
//   QT-02 = 80 + 10w, QT-01 = 90 - 50w: level at w = 1/6 (transport 5/6);
//   QT-04 is behind both in both criteria, so it ranks third at any weights.
// Monte Carlo draws w_land from Beta(0.6 a, 0.4 a), a = 1/0.1^2 - 1 = 99:
// mean 0.6, sd 0.1 sqrt(0.6 * 0.4) = 0.049, so w < 1/6 (8.8 sd below) is
// never drawn in a few hundred samples: the ranking never changes.
#include <catch2/catch.hpp>
#include <error_of.hpp>
#include <ranked_result_fixture.hpp>
#include <siterank/host/errors.hpp>
#include <siterank/host/sensitivity.hpp>

using namespace siterank;
using namespace siterank::testing;
using json = nlohmann::ordered_json;

namespace {

std::string spaces(std::size_t n) { return std::string(n, ' '); }

SensitivityOptions options(std::size_t top_k, std::size_t steps, unsigned threads = 1) {
  SensitivityOptions o;
  o.monte_carlo.samples = 200;
  o.monte_carlo.spread = 0.1;
  o.monte_carlo.top_k = top_k;
  o.monte_carlo.seed = 7;
  o.monte_carlo.threads = threads;
  o.steps = steps;
  return o;
}

// The smallest single-weight change that swaps QT-02 and QT-01: land
// 0.6 -> 1/6 or, equally far, transport 0.4 -> 5/6.
bool is_top_two_swap(const std::string& s) {
  return s == "land weight 0.6 -> 0.167 (-0.433)" || s == "transport weight 0.4 -> 0.833 (+0.433)";
}

}  // namespace

TEST_CASE("the text report: Monte Carlo leaders, the top two, the sweeps") {
  const auto t = split_lines(sensitivity_report(fixture_result(), options(2, 4)).text);
  REQUIRE(t.size() == 17);
  CHECK(t[0] ==
        "无人机整机制造基地 on Hangzhou test: 3 ranked parcels; score = sum of weight × "
        "criterion score");
  CHECK(t[1] == "weights: land 0.6 transport 0.4");
  CHECK(t[2].empty());
  CHECK(t[3] ==
        "Monte Carlo: 200 weight sets from a Dirichlet distribution around these weights, spread "
        "0.1 (a weight w varies with sd spread*sqrt(w(1-w))), seed 7");
  CHECK(t[4].empty());
  // The parcel column is as wide as "parcel" (6), the ids being 5; K = 2
  // leaders, each always in the top 2 at its own rank.
  CHECK(t[5] == "rank  parcel   score    p_top2  rank range  median");
  CHECK(t[6] == "   1  QT-02 " + spaces(2) + spaces(4) + "86" + spaces(2) + spaces(7) + "1" +
                    spaces(2) + spaces(7) + "1-1" + spaces(2) + spaces(5) + "1");
  CHECK(t[7] == "   2  QT-01 " + spaces(2) + spaces(4) + "60" + spaces(2) + spaces(7) + "1" +
                    spaces(2) + spaces(7) + "2-2" + spaces(2) + spaces(5) + "2");
  CHECK(t[8].empty());
  CHECK(t[9] == "top two: QT-02 ahead of QT-01 by 26");  // 86 - 60
  CHECK_THAT(t[10], Catch::StartsWith("  smallest single-weight change that swaps them: "));
  CHECK(is_top_two_swap(t[10].substr(t[10].find(": ") + 2)));
  // One line per criterion, in criterion order.
  CHECK(t[11] == "  land weight 0.6 -> 0.167 (-0.433)");
  CHECK(t[12] == "  transport weight 0.4 -> 0.833 (+0.433)");
  CHECK(t[13].empty());
  CHECK(t[14] ==
        "one weight at a time from 0 to 1 (the others rescaled in proportion), 4 steps: QT-02 "
        "stays first while");
  // Land at 0, 0.25, .., 1: QT-01 leads only below 1/6, so at 0.
  CHECK(t[15] ==
        "  land" + spaces(10) +
            " weight 0.6 is in [0.167, 1]; first along the sweep: 0-0 QT-01, 0.25-1 QT-02");
  // Transport v (land 1 - v): QT-01 leads above 5/6, so at 1.
  CHECK(t[16] ==
        "  transport" + spaces(5) +
            " weight 0.4 is in [0, 0.833]; first along the sweep: 0-0.75 QT-02, 1-1 QT-01");
}

TEST_CASE("the JSON report: the same analyses, indented by one space") {
  const SensitivityReport report = sensitivity_report(fixture_result(), options(3, 4));
  CHECK(report.json.rfind("{\n \"profile\": \"profiles/drone.json\",\n", 0) == 0);
  CHECK(report.json.back() == '\n');
  const json j = json::parse(report.json);
  CHECK(json_keys(j) == std::vector<std::string>{"profile", "dataset", "ranked", "aggregation",
                                                 "weights", "monte_carlo", "leaders", "top_two",
                                                 "one_at_a_time"});
  CHECK(j["dataset"] == "Hangzhou test");
  CHECK(j["ranked"] == 3);
  CHECK(j["aggregation"] == "wsum");
  CHECK(j["weights"]["land"].get<double>() == Approx(0.6));
  CHECK(j["weights"]["transport"].get<double>() == Approx(0.4));
  CHECK(j["monte_carlo"]["samples"] == 200);
  CHECK(j["monte_carlo"]["seed"] == 7);
  CHECK(j["monte_carlo"]["top_k"] == 3);
  // K = 3: all three followed; QT-04 is third in every sample.
  REQUIRE(j["leaders"].size() == 3);
  const json& third = j["leaders"][2];
  CHECK(third["rank"] == 3);
  CHECK(third["parcel_id"] == "QT-04");
  CHECK(third["score"].get<double>() == 29);
  CHECK(third["p_top_k"].get<double>() == 1);
  CHECK(third["rank_min"] == 3);
  CHECK(third["rank_max"] == 3);
  CHECK(third["rank_median"].get<double>() == 3);
  const json& top = j["top_two"];
  CHECK(top["first"] == "QT-02");
  CHECK(top["second"] == "QT-01");
  CHECK(top["margin"].get<double>() == 26);
  REQUIRE(top["per_criterion"].size() == 2);
  CHECK(top["per_criterion"][0]["criterion"] == "land");
  CHECK(top["per_criterion"][0]["new_weight"].get<double>() == Approx(1.0 / 6).margin(1e-6));
  REQUIRE(j["one_at_a_time"].size() == 2);
  const json& land = j["one_at_a_time"][0];
  CHECK(land["criterion"] == "land");
  CHECK(land["leader_stays_first"][0].get<double>() == Approx(1.0 / 6).margin(1e-6));
  CHECK(land["leader_stays_first"][1].get<double>() == 1);
  REQUIRE(land["steps"].size() == 5);  // 0, 0.25, 0.5, 0.75, 1
  CHECK(land["steps"][0]["leader"] == "QT-01");
  CHECK(land["steps"][1]["weight"].get<double>() == 0.25);
  CHECK(land["steps"][1]["leader"] == "QT-02");
}

TEST_CASE("the report is the same for any thread count") {
  const RankedResult r = fixture_result();
  const SensitivityReport one = sensitivity_report(r, options(2, 4, 1));
  const SensitivityReport three = sensitivity_report(r, options(2, 4, 3));
  CHECK(one.text == three.text);
  CHECK(one.json == three.json);
}

TEST_CASE("nothing to analyse when every parcel is vetoed") {
  RankedResult r = fixture_result();
  r.scoring.ranking.clear();
  CHECK(error_of<InputError>([&] { sensitivity_report(r, options(2, 4)); }) ==
        "profiles/drone.json: every parcel is vetoed; nothing to analyse");
}
