// The weight-change reversal (mcda/reversal.hpp) against hand-derived
// values and closed forms, for a weighted sum and, through the generic
// path, a weighted geometric mean.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "mcda/reversal.hpp"
#include "mcda/rng.hpp"
#include "mcda/with_weight.hpp"
#include "sensitivity_problems.hpp"

using namespace siterank::mcda;
using namespace sensitivity_problems;

namespace {

// The weighted geometric mean prod_j s_j^w_j: not linear in the weights, but
// its logarithm is, which gives a closed form to test the generic path.
Scorer weighted_geometric_mean(const Rows& rows) {
  return [rows](const std::vector<double>& w, std::vector<double>& totals) {
    totals.assign(rows.size(), 0.0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      double log_total = 0.0;
      for (std::size_t j = 0; j < w.size(); ++j) log_total += w[j] * std::log(rows[i][j]);
      totals[i] = std::exp(log_total);
    }
  };
}

// Where b's total reaches a's when weight k is set to x and the others are
// rescaled (with_weight), for a total linear in each score value v_Xj:
//   total_X(x) = x v_Xk + (1 - x) R_X,  R_X = sum_{j != k} w_j v_Xj / (1 - w_k),
// linear in x, so total_a(x) = total_b(x) at
//   x* = (R_a - R_b) / ((v_bk - R_b) - (v_ak - R_a)),
// NaN when the lines are parallel or x* is outside [0, 1]. With v = s this
// is the weighted sum; with v = ln s, the log of the weighted geometric mean.
double closed_form_crossing(const Rows& v, const std::vector<double>& w, std::size_t k,
                            std::size_t a, std::size_t b) {
  const auto rest = [&](std::size_t x) {
    double sum = 0.0;
    for (std::size_t j = 0; j < w.size(); ++j)
      if (j != k) sum += w[j] * v[x][j];
    return sum / (1.0 - w[k]);
  };
  const double ra = rest(a), rb = rest(b);
  const double denominator = (v[b][k] - rb) - (v[a][k] - ra);
  if (denominator == 0.0) return std::numeric_limits<double>::quiet_NaN();
  const double x = (ra - rb) / denominator;
  return x >= 0.0 && x <= 1.0 ? x : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

// --- reversal

TEST_CASE("reversal of a weighted sum at the hand-derived weights") {
  // a = A (0.64) ahead of b = B (0.61). With R_X as in closed_form_crossing:
  // k = 0 (w 0.5): R_A = (0.3*0.3 + 0.2*0.5)/0.5 = 0.38, R_B = (0.24+0.12)/0.5 = 0.72;
  //   total_A = 0.38 + 0.52 x, total_B = 0.72 - 0.22 x: equal at x = 0.34/0.74 = 17/37.
  // k = 1 (w 0.3): R_A = (0.45+0.10)/0.7 = 11/14, R_B = (0.25+0.12)/0.7 = 37/70;
  //   total_B - total_A = 0.5 x - (1 - x) 9/35 = 0 at x = 18/53.
  // k = 2 (w 0.2): R_A = (0.45+0.09)/0.8 = 0.675, R_B = (0.25+0.24)/0.8 = 0.6125;
  //   total_B - total_A = 0.1 x - 0.0625 (1 - x) = 0 at x = 0.0625/0.1625 = 5/13.
  const auto scorer = weighted_sum(kExample);
  const auto changes = reversal_changes(scorer, kExampleWeights, A, B);
  REQUIRE(changes.size() == 3);
  const double expected[] = {17.0 / 37, 18.0 / 53, 5.0 / 13};
  for (std::size_t k = 0; k < 3; ++k) {
    INFO("criterion " << k);
    CHECK(changes[k].criterion == k);
    CHECK(changes[k].weight == kExampleWeights[k]);
    CHECK(std::abs(changes[k].new_weight - expected[k]) <= 1e-9);
    CHECK(std::abs(changes[k].new_weight -
                   closed_form_crossing(kExample, kExampleWeights, k, A, B)) <= 1e-9);
    // The same through Triantaphyllou & Sanchez's change of one weight
    // followed by renormalisation: delta = (P_B - P_A) / (s_Ak - s_Bk) with
    // P the base totals (-0.075, 0.06, 0.3), then x = (w_k + delta) / (1 + delta).
    const double ts_delta = (0.61 - 0.64) / (kExample[A][k] - kExample[B][k]);
    CHECK(changes[k].new_weight ==
          Approx((kExampleWeights[k] + ts_delta) / (1 + ts_delta)).margin(1e-9));
    // On the side where B has reached A.
    std::vector<double> t;
    scorer(with_weight(kExampleWeights, k, changes[k].new_weight), t);
    CHECK(t[B] >= t[A]);
  }
  // |delta|: 0.0405, 0.0396, 0.185: the second criterion.
  const auto smallest = smallest_reversal(scorer, kExampleWeights, A, B);
  REQUIRE(smallest);
  CHECK(smallest->criterion == 1);
  CHECK(smallest->delta() == Approx(18.0 / 53 - 0.3).margin(1e-9));

  // C reaches A at 3/10, 13/20 and 29/65 (the same algebra).
  const auto c = reversal_changes(scorer, kExampleWeights, A, C);
  CHECK(std::abs(c[0].new_weight - 0.3) <= 1e-9);
  CHECK(std::abs(c[1].new_weight - 0.65) <= 1e-9);
  CHECK(std::abs(c[2].new_weight - 29.0 / 65) <= 1e-9);

  // D is A - 0.1 on every criterion: no single weight makes it reach A.
  const auto d = reversal_changes(scorer, kExampleWeights, A, D);
  REQUIRE(d.size() == 3);
  for (const auto& change : d) CHECK(std::isnan(change.new_weight));
  CHECK_FALSE(smallest_reversal(scorer, kExampleWeights, A, D));
}

TEST_CASE("reversal matches the closed form on random weighted sums") {
  Rng rng(49);
  int crossings = 0, none = 0;
  for (int problem = 0; problem < 40; ++problem) {
    const Rows rows = random_rows(2, 4, 100 + problem);
    const auto w = dirichlet(rng, {2.0, 2.0, 2.0, 2.0});
    const auto scorer = weighted_sum(rows);
    std::vector<double> t;
    scorer(w, t);
    const std::size_t a = t[0] > t[1] ? 0 : 1, b = 1 - a;
    const auto changes = reversal_changes(scorer, w, a, b);
    REQUIRE(changes.size() == 4);
    for (std::size_t k = 0; k < 4; ++k) {
      const double expected = closed_form_crossing(rows, w, k, a, b);
      INFO("problem " << problem << " criterion " << k << " expected " << expected);
      if (std::isnan(expected)) {
        ++none;
        CHECK(std::isnan(changes[k].new_weight));
      } else {
        ++crossings;
        CHECK(std::abs(changes[k].new_weight - expected) <= 1e-9);
      }
    }
  }
  CHECK(crossings > 20);
  CHECK(none > 20);
}

TEST_CASE("reversal of a weighted geometric mean: the generic path") {
  // log prod s^w = sum w ln s is linear in the weights: the closed form on
  // ln s. Totals 5.76, 5.97 and 3.60: the second leads. Against the first
  // the crossings are at 0.529, 0.273 and (for criterion 2) -0.0024, out of
  // [0, 1]; against the third at 0.620 for criterion 2 only.
  const Rows rows = {{9, 3, 5}, {5, 8, 6}, {2, 5, 9.5}};
  Rows logs = rows;
  for (auto& row : logs)
    for (double& v : row) v = std::log(v);
  const auto scorer = weighted_geometric_mean(rows);
  std::vector<double> t;
  scorer(kExampleWeights, t);
  REQUIRE(t[1] > t[0]);
  REQUIRE(t[0] > t[2]);
  int crossings = 0;
  for (std::size_t b : {0, 2}) {
    const auto changes = reversal_changes(scorer, kExampleWeights, 1, b);
    REQUIRE(changes.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
      const double expected = closed_form_crossing(logs, kExampleWeights, k, 1, b);
      INFO("b " << b << " criterion " << k << " expected " << expected);
      if (std::isnan(expected)) {
        CHECK(std::isnan(changes[k].new_weight));
      } else {
        ++crossings;
        CHECK(std::abs(changes[k].new_weight - expected) <= 1e-9);
      }
    }
  }
  CHECK(crossings == 3);
}

TEST_CASE("reversal finds the nearer of two crossings, either side") {
  // total_b - total_a = (w0 - 0.4)^2 - 0.01: zero at w0 = 0.3 and 0.5.
  const Scorer bowl = [](const std::vector<double>& w, std::vector<double>& totals) {
    totals = {0.0, (w[0] - 0.4) * (w[0] - 0.4) - 0.01};
  };
  // Base 0.42: 0.5 is 0.08 away, 0.3 is 0.12. For criterion 1 (base 0.58),
  // w0 = 1 - x: zero at x = 0.5 (0.08 away) and 0.7 (0.12).
  auto changes = reversal_changes(bowl, {0.42, 0.58}, 0, 1);
  REQUIRE(changes.size() == 2);
  CHECK(std::abs(changes[0].new_weight - 0.5) <= 1e-9);
  CHECK(std::abs(changes[1].new_weight - 0.5) <= 1e-9);
  // Base 0.38: 0.3 is nearer; criterion 1 at 0.62: 0.7 is nearer.
  changes = reversal_changes(bowl, {0.38, 0.62}, 0, 1);
  CHECK(std::abs(changes[0].new_weight - 0.3) <= 1e-9);
  CHECK(std::abs(changes[1].new_weight - 0.7) <= 1e-9);
}

TEST_CASE("reversal edge cases") {
  const auto scorer = weighted_sum(kExample);
  // b already level with or ahead of a: delta 0.
  const Rows level = {{0.5, 0.5}, {0.4, 0.6}};  // 0.5 and 0.5 at equal weights
  for (const auto& change : reversal_changes(weighted_sum(level), {0.5, 0.5}, 0, 1))
    CHECK(change.delta() == 0.0);
  for (const auto& change : reversal_changes(scorer, kExampleWeights, B, A))
    CHECK(change.delta() == 0.0);
  // One criterion: no reversal by a weight change.
  const Rows single = {{0.9}, {0.1}};
  CHECK(reversal_changes(weighted_sum(single), {1.0}, 0, 1).empty());
  CHECK_FALSE(smallest_reversal(weighted_sum(single), {1.0}, 0, 1));
  CHECK_THROWS_AS(reversal_changes(scorer, kExampleWeights, A, A), std::invalid_argument);
  CHECK_THROWS_AS(reversal_changes(scorer, kExampleWeights, A, 9), std::invalid_argument);
  CHECK_THROWS_AS(reversal_changes(scorer, {0.5, 0.3, 0.3}, A, B), std::invalid_argument);
  CHECK_THROWS_AS(reversal_changes(scorer, {0.5, 0.6, -0.1}, A, B), std::invalid_argument);
}
