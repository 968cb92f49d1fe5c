// One weight changed, the others rescaled (mcda/with_weight.hpp).
#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

#include "mcda/with_weight.hpp"

using namespace siterank::mcda;

TEST_CASE("with_weight rescales the other weights in proportion") {
  // {0.5, 0.3, 0.2}, weight 0 to 0.2: the others share 0.8 in the ratio
  // 0.3 : 0.2, i.e. times 0.8 / 0.5 = 1.6: 0.48 and 0.32.
  auto w = with_weight({0.5, 0.3, 0.2}, 0, 0.2);
  CHECK(w[0] == 0.2);
  CHECK(w[1] == Approx(0.48));
  CHECK(w[2] == Approx(0.32));
  // Weight 1 to 0.6: the others share 0.4 in the ratio 0.5 : 0.2.
  w = with_weight({0.5, 0.3, 0.2}, 1, 0.6);
  CHECK(w[0] == Approx(0.4 * 5 / 7));
  CHECK(w[1] == 0.6);
  CHECK(w[2] == Approx(0.4 * 2 / 7));
  w = with_weight({0.5, 0.3, 0.2}, 2, 1.0);
  CHECK(w == std::vector<double>{0.0, 0.0, 1.0});
  // The others all 0: they share 1 - x equally.
  w = with_weight({1.0, 0.0, 0.0}, 0, 0.4);
  CHECK(w[0] == 0.4);
  CHECK(w[1] == Approx(0.3));
  CHECK(w[2] == Approx(0.3));
  CHECK_THROWS_AS(with_weight({0.5, 0.5}, 2, 0.5), std::invalid_argument);
  CHECK_THROWS_AS(with_weight({0.5, 0.5}, 0, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(with_weight({0.5, 0.5}, 0, -0.1), std::invalid_argument);
}
