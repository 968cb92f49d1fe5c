// The sensitivity analyses of mcda/sensitivity.hpp on a run's parcels:
// the criterion scores of the parcels not vetoed are cached once as a
// decision matrix and re-aggregated for every set of weights, never scored
// again from the data.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <siterank/host/ranked_result.hpp>
#include <string>
#include <vector>

#include "mcda/aggregation.hpp"
#include "mcda/sensitivity.hpp"

namespace siterank {

class ParcelSensitivity {
 public:
  explicit ParcelSensitivity(const RankedResult& result);
  // The scorer refers to this object's matrix.
  ParcelSensitivity(const ParcelSensitivity&) = delete;
  ParcelSensitivity& operator=(const ParcelSensitivity&) = delete;

  // Rows are the ranked parcels in rank order: row r is rank r + 1.
  std::size_t rows() const { return parcels_.size(); }
  std::size_t parcel(std::size_t row) const { return parcels_[row]; }
  const std::vector<double>& weights() const { return weights_; }
  const std::vector<std::size_t>& tie_order() const { return tie_order_; }
  const mcda::Scorer& scorer() const { return scorer_; }

  mcda::MonteCarloResult monte_carlo(const mcda::MonteCarloOptions& options) const;
  std::vector<mcda::Sweep> sweeps(std::size_t steps) const;
  // Per criterion, the weight at which the parcel ranked `behind` (a rank)
  // draws level with the one ranked `ahead`, the others rescaled.
  std::vector<mcda::WeightChange> reversal_changes(std::size_t ahead_rank,
                                                   std::size_t behind_rank) const;
  // The smallest single-weight change that puts the parcel ranked `behind`
  // (a rank) level with the one ranked `ahead`; none when no weight does.
  std::optional<mcda::WeightChange> reversal(std::size_t ahead_rank, std::size_t behind_rank) const;

 private:
  mcda::DecisionMatrix matrix_;
  mcda::AggregationSpec spec_;
  std::vector<std::size_t> parcels_;
  std::vector<std::size_t> tie_order_;  // per row: position of its parcel id among the rows
  std::vector<double> weights_;
  mcda::Scorer scorer_;
};

// "land weight 0.3 -> 0.21 (-0.09)"; the change must have a new weight.
std::string weight_change_text(const RankedResult& result, const mcda::WeightChange& change);
// {criterion, weight, new_weight, delta}, rounded; new_weight and delta
// null when no weight reverses the pair.
nlohmann::ordered_json weight_change_json(const RankedResult& result,
                                          const mcda::WeightChange& change);

// Per parcel: the probability of being in the top K over Monte Carlo
// weights, NaN for vetoed parcels (rank --with-sensitivity).
std::vector<double> p_top_k(const RankedResult& result, const mcda::MonteCarloOptions& options);

}  // namespace siterank
