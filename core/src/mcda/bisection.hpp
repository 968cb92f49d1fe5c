// Where a property of one weight first changes, to 1e-9: the reversal
// (mcda/reversal.hpp) and the sweeps' stable intervals (mcda/sweeps.hpp)
// find their ends the same way, so they agree on what "exact" means.
// Internal to core/src/mcda.
#pragma once

#include <cmath>
#include <utility>

namespace siterank::mcda::detail {

// Tolerance of every bisection, in weight.
inline constexpr double kBisectTolerance = 1e-9;

// changed(from) is false and changed(to) true; returns {last unchanged,
// first changed} no more than kBisectTolerance apart.
template <class Changed>
std::pair<double, double> bisect(const Changed& changed, double from, double to) {
  while (std::abs(to - from) > kBisectTolerance) {
    const double mid = 0.5 * (from + to);
    if (mid == from || mid == to) break;
    if (changed(mid))
      to = mid;
    else
      from = mid;
  }
  return {from, to};
}

}  // namespace siterank::mcda::detail
