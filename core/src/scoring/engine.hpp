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
#include <siterank/host/rank_result.hpp>
#include <span>
#include <string>
#include <vector>

#include "mcda/aggregation.hpp"

namespace siterank {

struct EnabledCriterion {
  std::string name;     // the criterion's name in the profile
  std::string plugin;   // the plugin's own name: `name`, or what $.plugins.<name>.use names
  std::string file;     // the plugin's library, for messages
  double weight = 0.0;  // normalised
  std::shared_ptr<Criterion> criterion;  // configured
  std::vector<FactorSpec> factors;

  // "plugin 'land' (FILE)", or "plugin 'proximity' as 'near_university' (FILE)".
  std::string who() const {
    return "plugin '" + (plugin.empty() || plugin == name ? name : plugin + "' as '" + name) +
           "' (" + file + ")";
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
