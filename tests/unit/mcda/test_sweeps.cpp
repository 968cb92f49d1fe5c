// The one-at-a-time sweeps (mcda/sweeps.hpp): leaders and stable intervals
// of the hand example, and ties broken by tie_order.
#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

#include "mcda/sweeps.hpp"
#include "sensitivity_problems.hpp"

using namespace siterank::mcda;
using namespace sensitivity_problems;

TEST_CASE("one_at_a_time: leaders and stable intervals of the hand example") {
  // Leader A at the base weights. Each total is linear in x (see the
  // reversal test); the leader changes:
  //   k = 0: B below 17/37 (B - C = 0.04 + 0.26 x > 0), A above: [17/37, 1];
  //   k = 1: A below 18/53, B above: [0, 18/53];
  //   k = 2: A below 5/13, B up to 6/13 (B = C at 0.3/0.65), C above: [0, 5/13].
  const auto sweeps = one_at_a_time(weighted_sum(kExample), kExampleWeights, {}, 20);
  REQUIRE(sweeps.size() == 3);
  const std::vector<std::vector<std::size_t>> leaders = {
      {B, B, B, B, B, B, B, B, B, B, A, A, A, A, A, A, A, A, A, A, A},
      {A, A, A, A, A, A, A, B, B, B, B, B, B, B, B, B, B, B, B, B, B},
      {A, A, A, A, A, A, A, A, B, B, C, C, C, C, C, C, C, C, C, C, C}};
  const double low[] = {17.0 / 37, 0.0, 0.0}, high[] = {1.0, 18.0 / 53, 5.0 / 13};
  for (std::size_t k = 0; k < 3; ++k) {
    INFO("criterion " << k);
    const Sweep& s = sweeps[k];
    CHECK(s.criterion == k);
    REQUIRE(s.weight.size() == 21);
    for (std::size_t i = 0; i <= 20; ++i) CHECK(s.weight[i] == Approx(i / 20.0));
    CHECK(s.weight.front() == 0.0);
    CHECK(s.weight.back() == 1.0);
    CHECK(s.leader == leaders[k]);
    CHECK(std::abs(s.stable_low - low[k]) <= 1e-9);
    CHECK(std::abs(s.stable_high - high[k]) <= 1e-9);
    CHECK(s.stable_low <= kExampleWeights[k]);
    CHECK(s.stable_high >= kExampleWeights[k]);
  }
  CHECK(one_at_a_time(weighted_sum({{1.0}, {0.5}}), {1.0}, {}).empty());
  CHECK_THROWS_AS(one_at_a_time(weighted_sum(kExample), kExampleWeights, {}, 0),
                  std::invalid_argument);
  CHECK_THROWS_AS(one_at_a_time(weighted_sum(kExample), kExampleWeights, {0, 1}),
                  std::invalid_argument);
}

TEST_CASE("one_at_a_time breaks equal totals by tie_order") {
  // Equal weights, A (1, 0) and B (0, 1) tie at the base: tie_order says B.
  const Rows rows = {{1.0, 0.0}, {0.0, 1.0}};
  const auto sweeps = one_at_a_time(weighted_sum(rows), {0.5, 0.5}, {1, 0}, 4);
  REQUIRE(sweeps.size() == 2);
  // Criterion 0 at x: A = x, B = 1 - x; B stays first up to 0.5 (the tie).
  CHECK(sweeps[0].leader == std::vector<std::size_t>{1, 1, 1, 0, 0});
  CHECK(sweeps[0].stable_low == 0.0);
  CHECK(std::abs(sweeps[0].stable_high - 0.5) <= 1e-9);
  CHECK(sweeps[1].leader == std::vector<std::size_t>{0, 0, 1, 1, 1});
  CHECK(std::abs(sweeps[1].stable_low - 0.5) <= 1e-9);
  CHECK(sweeps[1].stable_high == 1.0);
}
