// Checks that a configured value function fits the measure it scores: the
// right shape (no sd = 0, a stepped function with one score per interval)
// and the right direction, so that e.g. a bigger shortfall can never score
// better. The host checks the syntax; only the plugin knows the direction.
#pragma once

#include <cmath>
#include <siterank/value_function.hpp>
#include <stdexcept>
#include <string>

namespace siterank::plugins::industry_fit_detail {

enum class Direction { non_increasing, non_decreasing };

// Throws std::invalid_argument naming the option when `f` is malformed,
// leaves [0, 100] or runs against `direction` on [lo, hi].
inline void check_value_function(const std::string& option, const ValueFunction& f, double lo,
                                 double hi, Direction direction) {
  const auto fail = [&](const std::string& why) {
    throw std::invalid_argument("option '" + option + "': " + f.describe() + " " + why);
  };
  switch (f.kind) {
    case ValueFunction::Kind::gaussian:
      if (!(f.b > 0)) fail("needs sd > 0");
      break;
    case ValueFunction::Kind::exp_decay:
      if (!(f.a > 0)) fail("needs half_life > 0");
      break;
    case ValueFunction::Kind::stepped:
      if (f.breaks.empty() || f.scores.size() != f.breaks.size() + 1)
        fail("needs one score more than breaks");
      for (std::size_t i = 1; i < f.breaks.size(); ++i)
        if (!(f.breaks[i] > f.breaks[i - 1])) fail("needs strictly increasing breaks");
      break;
    case ValueFunction::Kind::linear:
    case ValueFunction::Kind::logistic:
      break;
  }
  // Sampling is enough: every kind is piecewise monotone with at most one
  // turning point (gaussian) or jumps at the breaks (stepped), and the
  // breaks are sampled exactly below.
  constexpr int samples = 1000;
  double previous = f(lo);
  const auto check_point = [&](double x) {
    const double y = f(x);
    if (!std::isfinite(y) || y < 0.0 || y > 100.0) fail("leaves [0, 100]");
    const bool wrong_way =
        direction == Direction::non_increasing ? y > previous + 1e-9 : y < previous - 1e-9;
    if (wrong_way)
      fail(std::string("must not ") +
           (direction == Direction::non_increasing ? "increase" : "decrease") + " between " +
           std::to_string(lo) + " and " + std::to_string(hi));
    previous = y;
  };
  for (int i = 0; i <= samples; ++i) check_point(lo + (hi - lo) * i / samples);
  if (f.kind == ValueFunction::Kind::stepped) {
    previous = f(lo);
    for (double b : f.breaks)
      if (b > lo && b <= hi) check_point(b);
    check_point(hi);
  }
}

}  // namespace siterank::plugins::industry_fit_detail
