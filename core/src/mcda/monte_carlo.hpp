// How often an alternative stays in the top K when the weights are drawn
// at random around the given ones (a Dirichlet, mcda/rng.hpp), and the
// range of its rank: robustness of a ranking to weights nobody can state
// exactly. Seeded per sample, so the same for any thread count
// (docs/methods.md, "Sensitivity").
#pragma once

#include <cstddef>
#include <cstdint>
#include <siterank/host/methods.hpp>
#include <vector>

#include "mcda/scorer.hpp"

namespace siterank::mcda {

struct RankRange {
  std::size_t alternative = 0;
  std::size_t base_rank = 0;  // 1-based, at the given weights
  std::size_t rank_min = 0;   // best rank over the samples
  std::size_t rank_max = 0;   // worst
  double rank_median = 0.0;
};

struct MonteCarloResult {
  std::size_t samples = 0;
  std::vector<std::uint32_t> top_k_hits;  // per alternative: samples with it in the top K
  std::vector<RankRange> tracked;         // one per requested alternative, in request order
  double p_top_k(std::size_t alternative) const {
    return samples ? double(top_k_hits[alternative]) / double(samples) : 0.0;
  }
};

// Throws std::invalid_argument on samples == 0, spread outside (0, 1),
// top_k == 0, weights not summing to 1 (within 1e-9, each finite and >= 0),
// a tracked alternative out of range, a tie_order neither empty nor one
// per alternative, or a Scorer returning another number of totals. A
// top_k above the number of alternatives counts every one in every sample.
// Exceptions from the Scorer propagate.
MonteCarloResult monte_carlo(const Scorer& scorer, const std::vector<double>& weights,
                             const std::vector<std::size_t>& tie_order,
                             const std::vector<std::size_t>& tracked,
                             const MonteCarloOptions& options);

}  // namespace siterank::mcda
