// What every sensitivity analysis works on: a function from weights to the
// totals of every alternative. Any aggregation can be one, so the analyses
// re-score from cached criterion values, never from the data, and assume
// nothing about how a total is made (docs/methods.md, "Sensitivity").
#pragma once

#include <functional>
#include <vector>

namespace siterank::mcda {

// Totals of every alternative for the given weights (one per criterion,
// summing to 1). Called concurrently from several threads: must not share
// mutable state.
using Scorer = std::function<void(const std::vector<double>& weights, std::vector<double>& totals)>;

}  // namespace siterank::mcda
