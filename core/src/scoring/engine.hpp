// Scoring and ranking: every enabled criterion over all parcels in batches
// on all cores, vetoes applied, scores combined with the profile's weights
// and aggregation method (weighted sum by default; all on 0..100, TOPSIS's
// closeness times 100, over the parcels not vetoed), ranked by total score
// with ties broken by parcel id. The result does not depend on the thread
// count.
#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <siterank/criterion.hpp>
#include <span>
#include <string>
#include <vector>

#include "mcda/aggregation.hpp"
#include "scoring/veto.hpp"

namespace siterank {

struct EnabledCriterion {
  std::string name;
  std::string file;                      // the plugin's library, for messages
  double weight = 0.0;                   // normalised
  std::shared_ptr<Criterion> criterion;  // configured
  std::vector<FactorSpec> factors;
};

struct CriterionScores {
  std::vector<double> scores;   // per parcel
  std::vector<double> factors;  // parcel-major: factors[p * n_factors + f]
};

struct RankResult {
  std::vector<CriterionScores> scores;  // per criterion, in EnabledCriterion order
  std::vector<double> total;            // per parcel; NaN when vetoed
  std::vector<std::size_t> ranking;     // parcel indexes, best first
  std::vector<std::size_t> rank_of;     // per parcel: 1-based rank, 0 when vetoed
  std::vector<VetoEntry> vetoes;        // sorted by parcel: requirements, then criteria in order
  std::vector<std::size_t> vetoed;      // vetoed parcel indexes, by id

  // The parcel's vetoes (empty when it is ranked), in the order above.
  std::span<const VetoEntry> vetoes_of(std::size_t parcel) const {
    const auto by_parcel = [](const VetoEntry& v, std::size_t p) { return v.parcel < p; };
    const auto first = std::lower_bound(vetoes.begin(), vetoes.end(), parcel, by_parcel);
    auto last = first;
    while (last != vetoes.end() && last->parcel == parcel) ++last;
    return {first, last};
  }

  double factor(std::size_t criterion, std::size_t parcel, std::size_t f,
                std::size_t n_factors) const {
    return scores[criterion].factors[parcel * n_factors + f];
  }
};

struct EngineOptions {
  unsigned threads = 0;  // 0 = all cores
  std::size_t batch_size = 2048;
  mcda::AggregationSpec aggregation;  // weighted sum by default
  // Called from the calling thread now and then with (parcels done, total).
  std::function<void(std::size_t, std::size_t)> progress;
};

// `requirement_vetoes` (scoring/requirements.hpp) come first among a
// parcel's vetoes; vetoed parcels are scored too, so explanations show what
// each criterion thought of them. Throws PluginError naming the plugin and
// parcel when a criterion throws or returns a NaN, infinite or
// out-of-range score.
RankResult score_and_rank(const ParcelTable& parcels, const ReferenceData& reference,
                          const std::vector<EnabledCriterion>& criteria,
                          const EngineOptions& options = {},
                          std::vector<VetoEntry> requirement_vetoes = {});

// Re-ranks from cached criterion scores with other weights (same vetoes).
void rank(const ParcelTable& parcels, const std::vector<double>& weights,
          const mcda::AggregationSpec& aggregation, RankResult& result);

// The criterion scores of the parcels not vetoed, as a decision matrix
// (rows in `feasible` order, every criterion a benefit).
mcda::DecisionMatrix feasible_matrix(const RankResult& result,
                                     const std::vector<std::size_t>& feasible);

// Totals of the rows of `m` on the engine's 0..100 scale.
void aggregate_scores(const mcda::DecisionMatrix& m, const std::vector<double>& weights,
                      const mcda::AggregationSpec& aggregation, std::vector<double>& totals);

}  // namespace siterank
