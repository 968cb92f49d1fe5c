// The portable log and exp (mcda/portable_math.hpp) against the library's,
// over the whole range.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "mcda/portable_math.hpp"
#include "mcda/rng.hpp"

using namespace siterank::mcda;

namespace {

double ulps_apart(double x, double y) {
  if (x == y) return 0.0;
  const double ulp = std::abs(std::nextafter(y, x) - y);
  return std::abs(x - y) / ulp;
}

}  // namespace

TEST_CASE("portable log and exp agree with the library's to a few ulp") {
  using detail::portable_exp;
  using detail::portable_log;
  double worst_log = 0.0, worst_exp = 0.0;
  Rng rng(45);
  for (int i = 0; i < 20000; ++i) {
    // x across the whole range, and near 1 where log is small.
    const double x = std::ldexp(0.5 + 0.5 * rng.uniform(), int(rng.next() % 2100) - 1070);
    worst_log = std::max(worst_log, ulps_apart(portable_log(x), std::log(x)));
    const double near_one = 1.0 + (rng.uniform() - 0.5) * 1e-3;
    worst_log = std::max(worst_log, ulps_apart(portable_log(near_one), std::log(near_one)));
    const double y = (rng.uniform() - 0.5) * 1400.0;
    worst_exp = std::max(worst_exp, ulps_apart(portable_exp(y), std::exp(y)));
    const double small = (rng.uniform() - 0.5) * 1e-3;
    worst_exp = std::max(worst_exp, ulps_apart(portable_exp(small), std::exp(small)));
  }
  INFO("worst log " << worst_log << " ulp, worst exp " << worst_exp << " ulp");
  CHECK(worst_log <= 4.0);
  CHECK(worst_exp <= 4.0);
  CHECK(portable_log(1.0) == 0.0);
  CHECK(portable_exp(0.0) == 1.0);
  CHECK(portable_log(0.0) == -std::numeric_limits<double>::infinity());
  CHECK(std::isnan(portable_log(-1.0)));
  CHECK(portable_log(std::numeric_limits<double>::infinity()) ==
        std::numeric_limits<double>::infinity());
  CHECK(portable_log(std::numeric_limits<double>::denorm_min()) == Approx(-744.44007192138126));
  CHECK(portable_exp(-1000.0) == 0.0);
  CHECK(portable_exp(1000.0) == std::numeric_limits<double>::infinity());
  CHECK(portable_exp(-744.0) > 0.0);  // subnormal
}
