// How far one weight must move before the alternative behind reaches the
// one ahead: the smallest single-weight change that reverses two
// alternatives, the measure of how close a ranking's order is to changing
// (docs/methods.md, "Sensitivity").
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include "mcda/scorer.hpp"

namespace siterank::mcda {

struct WeightChange {
  std::size_t criterion = 0;
  double weight = 0.0;  // the base weight
  // The weight nearest the base at which b's total reaches a's (others
  // rescaled by with_weight); NaN when no weight in [0, 1] does.
  double new_weight = std::numeric_limits<double>::quiet_NaN();
  double delta() const { return new_weight - weight; }
};

// For every criterion with more than one criterion present (none for a
// single criterion). a is the alternative ahead at the base weights, b the
// one behind; "reaches" means total_b >= total_a, so when b already reaches
// a at the base weights new_weight is the base weight (delta 0). Exact to
// 1e-9 in weight (bisection on a sign change found on a grid of 1/1000,
// scanned outward from the base weight, refined), and new_weight is on the
// side where b has reached a. A crossing and re-crossing within one grid
// step is not seen. Every evaluation re-scores all alternatives: for a big
// problem pass a Scorer over just the two (when the aggregation allows).
// Throws std::invalid_argument on a == b, a or b out of range, or weights
// not summing to 1.
std::vector<WeightChange> reversal_changes(const Scorer& scorer, const std::vector<double>& weights,
                                           std::size_t a, std::size_t b);
// The change with the smallest |delta| (the first of equals); none when
// every new_weight is NaN.
std::optional<WeightChange> smallest_change(const std::vector<WeightChange>& changes);
// smallest_change(reversal_changes(...)).
std::optional<WeightChange> smallest_reversal(const Scorer& scorer,
                                              const std::vector<double>& weights, std::size_t a,
                                              std::size_t b);

}  // namespace siterank::mcda
