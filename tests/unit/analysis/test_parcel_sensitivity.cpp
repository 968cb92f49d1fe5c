// The ranked parcels as a cached decision matrix for the sensitivity
// analyses (analysis/parcel_sensitivity), on the hand-made result of
// ranked_result_fixture.hpp. Rows are the ranked parcels in rank order:
// row 0 QT-02 (land 90, transport 80), row 1 QT-01 (40, 90), row 2 QT-04
// (35, 20); QT-03 is vetoed and left out.
//
// Where two parcels draw level, with the land weight w and transport 1 - w
// (the only way to move one of two weights with the other rescaled):
//   QT-02 vs QT-01: 90w + 80(1 - w) = 40w + 90(1 - w) -> 80 + 10w = 90 - 50w -> w = 1/6
//                   (transport weight 5/6);
//   QT-01 vs QT-04: 40w + 90(1 - w) = 35w + 20(1 - w) -> 90 - 50w = 20 + 15w -> w = 70/65 > 1:
//                   never (QT-01 is ahead in both criteria); nor QT-02 vs QT-04.
#include <catch2/catch.hpp>
#include <cmath>
#include <ranked_result_fixture.hpp>

#include "analysis/parcel_sensitivity.hpp"

using namespace siterank;
using namespace siterank::testing;

TEST_CASE("the matrix holds the ranked parcels in rank order") {
  const RankedResult r = fixture_result();
  const ParcelSensitivity s(r);
  REQUIRE(s.rows() == 3);
  CHECK(s.parcel(0) == 1);  // QT-02
  CHECK(s.parcel(1) == 0);  // QT-01
  CHECK(s.parcel(2) == 3);  // QT-04
  CHECK(s.weights() == std::vector<double>{0.6, 0.4});
  // Ties go by parcel id: QT-01 (row 1) first, QT-02 (row 0), QT-04 (row 2).
  CHECK(s.tie_order() == std::vector<std::size_t>{1, 0, 2});
  // Re-aggregated at the result's weights the totals come back: 86, 60, 29.
  std::vector<double> totals;
  s.scorer()({0.6, 0.4}, totals);
  REQUIRE(totals.size() == 3);
  CHECK(totals[0] == Approx(86));
  CHECK(totals[1] == Approx(60));
  CHECK(totals[2] == Approx(29));
  // At land 1/6: 80 + 10/6 = 90 - 50/6 = 81.666667 for both leaders.
  s.scorer()({1.0 / 6, 5.0 / 6}, totals);
  CHECK(totals[0] == Approx(245.0 / 3));
  CHECK(totals[1] == Approx(245.0 / 3));
}

TEST_CASE("the matrix is re-aggregated with the result's method") {
  // OWA (0.7, 0.3), by hand in the fixture: QT-02 47.4 / 0.54, QT-01 32.4 / 0.46,
  // QT-04 17.1 / 0.54.
  const RankedResult r = fixture_result_owa();
  const ParcelSensitivity s(r);
  std::vector<double> totals;
  s.scorer()(s.weights(), totals);
  REQUIRE(totals.size() == 3);
  CHECK(totals[0] == Approx(87.777778));
  CHECK(totals[1] == Approx(70.434783));
  CHECK(totals[2] == Approx(31.666667));
}

TEST_CASE("the weight at which the second parcel draws level with the first") {
  const RankedResult r = fixture_result();
  const ParcelSensitivity s(r);
  const auto changes = s.reversal_changes(1, 2);
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].criterion == 0);
  CHECK(changes[0].weight == Approx(0.6));
  CHECK(changes[0].new_weight == Approx(1.0 / 6).margin(1e-8));
  CHECK(changes[0].delta() == Approx(1.0 / 6 - 0.6).margin(1e-8));
  CHECK(changes[1].criterion == 1);
  CHECK(changes[1].weight == Approx(0.4));
  CHECK(changes[1].new_weight == Approx(5.0 / 6).margin(1e-8));
  // The smallest change is 0.433333 either way (see the file comment).
  const auto smallest = s.reversal(1, 2);
  REQUIRE(smallest.has_value());
  CHECK(std::abs(smallest->delta()) == Approx(0.6 - 1.0 / 6).margin(1e-8));
}

TEST_CASE("no weight reverses a parcel that is behind in every criterion") {
  const RankedResult r = fixture_result();
  const ParcelSensitivity s(r);
  for (auto [a, b] : {std::pair<std::size_t, std::size_t>{2, 3}, {1, 3}}) {
    INFO(a << " vs " << b);
    const auto changes = s.reversal_changes(a, b);
    REQUIRE(changes.size() == 2);
    CHECK(std::isnan(changes[0].new_weight));
    CHECK(std::isnan(changes[1].new_weight));
    CHECK_FALSE(s.reversal(a, b).has_value());
  }
}

TEST_CASE("ranks outside the ranking give no changes") {
  const RankedResult r = fixture_result();
  const ParcelSensitivity s(r);
  CHECK(s.reversal_changes(0, 1).empty());
  CHECK(s.reversal_changes(1, 4).empty());  // 3 ranked parcels
  CHECK_FALSE(s.reversal(3, 4).has_value());
}

TEST_CASE("a weight change as text and JSON") {
  const RankedResult r = fixture_result();
  mcda::WeightChange down{0, 0.6, 1.0 / 6};
  CHECK(weight_change_text(r, down) == "land weight 0.6 -> 0.167 (-0.433)");
  mcda::WeightChange up{1, 0.4, 5.0 / 6};
  CHECK(weight_change_text(r, up) == "transport weight 0.4 -> 0.833 (+0.433)");
  const auto j = weight_change_json(r, down);
  CHECK(j["criterion"] == "land");
  CHECK(j["weight"].get<double>() == Approx(0.6));
  CHECK(j["new_weight"].get<double>() == 0.166667);
  CHECK(j["delta"].get<double>() == -0.433333);
  mcda::WeightChange none{1, 0.4};  // new_weight NaN
  const auto n = weight_change_json(r, none);
  CHECK(n["criterion"] == "transport");
  CHECK(n["new_weight"].is_null());
  CHECK(n["delta"].is_null());
}

TEST_CASE("sweeps: the leader changes where the weights draw level") {
  const RankedResult r = fixture_result();
  const ParcelSensitivity s(r);
  const auto sweeps = s.sweeps(10);
  REQUIRE(sweeps.size() == 2);
  // land 0, 0.1 (< 1/6): QT-01 (row 1) leads; 0.2 .. 1: QT-02 (row 0).
  const auto& land = sweeps[0];
  CHECK(land.criterion == 0);
  REQUIRE(land.leader.size() == 11);
  CHECK(land.leader[0] == 1);
  CHECK(land.leader[1] == 1);
  for (std::size_t i = 2; i <= 10; ++i) CHECK(land.leader[i] == 0);
  CHECK(land.stable_low == Approx(1.0 / 6).margin(1e-8));
  CHECK(land.stable_high == 1.0);
  // transport 0 .. 0.8 (< 5/6): QT-02; 0.9, 1: QT-01.
  const auto& transport = sweeps[1];
  CHECK(transport.leader[8] == 0);
  CHECK(transport.leader[9] == 1);
  CHECK(transport.stable_low == 0.0);
  CHECK(transport.stable_high == Approx(5.0 / 6).margin(1e-8));
}

TEST_CASE("p_top_k: QT-04 is behind both others at every weight, so never in the top 2") {
  const RankedResult r = fixture_result();
  mcda::MonteCarloOptions o;
  o.samples = 200;
  o.top_k = 2;
  const auto p = p_top_k(r, o);
  REQUIRE(p.size() == 4);
  CHECK(p[0] == 1.0);       // QT-01
  CHECK(p[1] == 1.0);       // QT-02
  CHECK(std::isnan(p[2]));  // QT-03, vetoed
  CHECK(p[3] == 0.0);       // QT-04
  // The top 1 is one of QT-02 and QT-01 in every sample.
  o.top_k = 1;
  const auto q = p_top_k(r, o);
  CHECK(q[0] + q[1] == Approx(1.0));
  CHECK(q[3] == 0.0);
}

TEST_CASE("p_top_k with nothing ranked is NaN for every parcel") {
  RankedResult r = fixture_result();
  r.scoring.ranking.clear();
  r.scoring.rank_of = {0, 0, 0, 0};
  r.scoring.vetoed = {0, 1, 2, 3};
  r.scoring.total = {missing, missing, missing, missing};
  const auto p = p_top_k(r, mcda::MonteCarloOptions{});
  REQUIRE(p.size() == 4);
  for (double v : p) CHECK(std::isnan(v));
}
