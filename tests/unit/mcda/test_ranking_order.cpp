// The order of alternatives (mcda/ranking_order.hpp): by total, then
// tie_order, then index, NaN last.
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "mcda/ranking_order.hpp"

using namespace siterank::mcda;

TEST_CASE("ranking orders by total, then tie_order, then index; NaN last") {
  const double nan = std::nan("");
  const std::vector<double> totals = {3.0, 5.0, 3.0, nan, 5.0, 1.0, nan};
  CHECK(ranking(totals, {}) == std::vector<std::size_t>{1, 4, 0, 2, 5, 3, 6});
  CHECK(ranking(totals, {9, 2, 0, 4, 1, 0, 3}) == std::vector<std::size_t>{4, 1, 2, 0, 5, 6, 3});
  CHECK(ranking(totals, {0, 0, 0, 0, 0, 0, 0}) == std::vector<std::size_t>{1, 4, 0, 2, 5, 3, 6});
  CHECK_THROWS_AS(ranking(totals, {1, 2}), std::invalid_argument);
}
