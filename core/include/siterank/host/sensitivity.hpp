// How robust a result's ranking is to its weights, as `siterank
// sensitivity` reports it (docs/methods.md): Monte Carlo over weights drawn
// around the profile's (each leading parcel's share of staying in the top
// K, its rank range and median), the smallest single-weight change that
// swaps the top two, and each weight swept from 0 to 1 with the interval in
// which the leader stays first. The parcels' criterion scores are
// re-aggregated, never scored again. Standard library only.
#pragma once

#include <cstddef>
#include <siterank/host/methods.hpp>
#include <siterank/host/ranked_result.hpp>
#include <string>

namespace siterank {

struct SensitivityOptions {
  mcda::MonteCarloOptions monte_carlo;  // top_k: the leading parcels followed
  std::size_t steps = 20;               // of each one-at-a-time sweep
};

// The same analyses in the two forms the CLI prints; seeded, so the same
// for any thread count.
struct SensitivityReport {
  std::string text;  // `siterank sensitivity`
  std::string json;  // `siterank sensitivity -f json`: indented by one space, ending in a newline
};

// Throws InputError when every parcel is vetoed, std::invalid_argument on
// options the analyses refuse (no samples, a spread outside (0, 1), top_k
// or steps 0).
SensitivityReport sensitivity_report(const RankedResult& result, const SensitivityOptions& options);

}  // namespace siterank
