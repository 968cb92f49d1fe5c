// Each criterion's part of a sum-like total and the formula every output
// states (analysis/contributions). OWA (docs/methods.md): with a row's
// scores sorted descending, z_(1) ≥ … ≥ z_(n), u_(j) the criterion weight
// at position j and v_j the order weights, the part of the criterion at
// position j is u_(j) v_j z_(j) / Σ_k u_(k) v_k; criteria of weight 0 go
// last, equal scores keep criterion order.
#include <catch2/catch.hpp>

#include "analysis/contributions.hpp"

using namespace siterank;

namespace {

mcda::AggregationSpec spec(mcda::Method m, std::vector<double> order_weights = {}) {
  mcda::AggregationSpec s;
  s.method = m;
  s.order_weights = std::move(order_weights);
  if (m == mcda::Method::topsis) s.normalisation = mcda::Normalisation::vector;
  return s;
}

}  // namespace

TEST_CASE("sums are additive, products and closeness are not") {
  CHECK(additive(spec(mcda::Method::weighted_sum)));
  CHECK(additive(spec(mcda::Method::owa, {0.5, 0.5})));
  CHECK_FALSE(additive(spec(mcda::Method::weighted_geometric_mean)));
  CHECK_FALSE(additive(spec(mcda::Method::topsis)));
}

TEST_CASE("weighted sum: the parts are weight × score") {
  // 0.5·80 = 40, 0.3·50 = 15, 0.2·10 = 2; total 57.
  const auto parts = contributions(spec(mcda::Method::weighted_sum), {0.5, 0.3, 0.2}, {80, 50, 10});
  REQUIRE(parts.size() == 3);
  CHECK(parts[0] == Approx(40));
  CHECK(parts[1] == Approx(15));
  CHECK(parts[2] == Approx(2));
}

TEST_CASE("OWA: the order weight goes by the score's position in the row") {
  // Weights (0.6, 0.4), scores (40, 90), order weights (0.7, 0.3): transport
  // (90) takes v_1 = 0.7, land (40) v_2 = 0.3. Σ u v = 0.4·0.7 + 0.6·0.3 = 0.46;
  // land 0.6·0.3·40 / 0.46 = 7.2 / 0.46 = 15.652174,
  // transport 0.4·0.7·90 / 0.46 = 25.2 / 0.46 = 54.782609; sum 70.434783.
  const auto parts = contributions(spec(mcda::Method::owa, {0.7, 0.3}), {0.6, 0.4}, {40, 90});
  REQUIRE(parts.size() == 2);
  CHECK(parts[0] == Approx(15.652174));
  CHECK(parts[1] == Approx(54.782609));
  CHECK(parts[0] + parts[1] == Approx(70.434783));
}

TEST_CASE("OWA with equal order weights is the weighted sum") {
  // Σ u v = (0.6 + 0.4)·0.5 = 0.5: part = u·0.5·z / 0.5 = u z.
  const auto parts = contributions(spec(mcda::Method::owa, {0.5, 0.5}), {0.6, 0.4}, {40, 90});
  REQUIRE(parts.size() == 2);
  CHECK(parts[0] == Approx(24));
  CHECK(parts[1] == Approx(36));
}

TEST_CASE("OWA: equal scores keep criterion order, weight 0 goes last") {
  // Weights (0.5, 0.5, 0), scores (50, 50, 100), order weights (0.5, 0.3, 0.2).
  // The weight-0 criterion is last despite its 100; the tie keeps a before b:
  // positions a, b, c. Σ u v = 0.5·0.5 + 0.5·0.3 + 0·0.2 = 0.4;
  // a 0.25·50 / 0.4 = 31.25, b 0.15·50 / 0.4 = 18.75, c 0.
  const auto parts =
      contributions(spec(mcda::Method::owa, {0.5, 0.3, 0.2}), {0.5, 0.5, 0.0}, {50, 50, 100});
  REQUIRE(parts.size() == 3);
  CHECK(parts[0] == Approx(31.25));
  CHECK(parts[1] == Approx(18.75));
  CHECK(parts[2] == 0.0);
}

TEST_CASE("OWA: order weights only on weight-0 positions give parts of 0") {
  // Σ u v = 0.5·0 + 0.5·0 + 0·1 = 0: the score is 0, so is every part.
  const auto parts =
      contributions(spec(mcda::Method::owa, {0, 0, 1}), {0.5, 0.5, 0.0}, {50, 70, 100});
  CHECK(parts == std::vector<double>{0, 0, 0});
}

TEST_CASE("no parts for the weighted geometric mean and TOPSIS") {
  CHECK(contributions(spec(mcda::Method::weighted_geometric_mean), {0.6, 0.4}, {40, 90}).empty());
  CHECK(contributions(spec(mcda::Method::topsis), {0.6, 0.4}, {40, 90}).empty());
}

TEST_CASE("each method states its formula") {
  // docs/formats.md (table) and docs/methods.md.
  CHECK(aggregation_formula(spec(mcda::Method::weighted_sum)) == "sum of weight × criterion score");
  CHECK_THAT(aggregation_formula(spec(mcda::Method::weighted_geometric_mean)),
             Catch::StartsWith("weighted geometric mean of the criterion scores"));
  CHECK_THAT(aggregation_formula(spec(mcda::Method::owa, {0.5, 0.5})),
             Catch::StartsWith("ordered weighted average"));
  CHECK_THAT(
      aggregation_formula(spec(mcda::Method::topsis)),
      Catch::StartsWith("TOPSIS: 100 × closeness") && Catch::Contains("(vector normalisation)"));
}
