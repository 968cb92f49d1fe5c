#include "analysis/parcel_sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "scoring/engine.hpp"
#include "util/rounded_json.hpp"
#include "util/text_format.hpp"

namespace siterank {

ParcelSensitivity::ParcelSensitivity(const RankedResult& result)
    : matrix_(feasible_matrix(result.scoring, result.scoring.ranking)),
      spec_(result.profile.aggregation),
      parcels_(result.scoring.ranking) {
  for (const auto& c : result.criteria) weights_.push_back(c.weight);
  // Equal totals rank by parcel id, as the engine ranks them.
  std::vector<std::size_t> by_id(parcels_.size());
  std::iota(by_id.begin(), by_id.end(), std::size_t{0});
  const auto& ids = result.parcel_table().id;
  std::sort(by_id.begin(), by_id.end(), [&](std::size_t a, std::size_t b) {
    return ids.at(parcels_[a]) < ids.at(parcels_[b]);
  });
  tie_order_.resize(parcels_.size());
  for (std::size_t i = 0; i < by_id.size(); ++i) tie_order_[by_id[i]] = i;
  scorer_ = [this](const std::vector<double>& w, std::vector<double>& totals) {
    aggregate_scores(matrix_, w, spec_, totals);
  };
}

mcda::MonteCarloResult ParcelSensitivity::monte_carlo(const mcda::MonteCarloOptions& o) const {
  std::vector<std::size_t> tracked(std::min(o.top_k, rows()));
  std::iota(tracked.begin(), tracked.end(), std::size_t{0});
  return mcda::monte_carlo(scorer_, weights_, tie_order_, tracked, o);
}

std::vector<mcda::Sweep> ParcelSensitivity::sweeps(std::size_t steps) const {
  return mcda::one_at_a_time(scorer_, weights_, tie_order_, steps);
}

std::vector<mcda::WeightChange> ParcelSensitivity::reversal_changes(std::size_t ahead_rank,
                                                                    std::size_t behind_rank) const {
  if (ahead_rank < 1 || behind_rank < 1 || ahead_rank > rows() || behind_rank > rows()) return {};
  if (spec_.method == mcda::Method::topsis)  // the ideal depends on every parcel
    return mcda::reversal_changes(scorer_, weights_, ahead_rank - 1, behind_rank - 1);
  // The other methods score each parcel on its own: two rows suffice, which
  // keeps `explain` fast on a million parcels.
  mcda::DecisionMatrix pair;
  pair.rows = 2;
  pair.benefit = matrix_.benefit;
  for (const auto& column : matrix_.columns)
    pair.columns.push_back({column[ahead_rank - 1], column[behind_rank - 1]});
  const mcda::Scorer local = [&](const std::vector<double>& w, std::vector<double>& totals) {
    aggregate_scores(pair, w, spec_, totals);
  };
  return mcda::reversal_changes(local, weights_, 0, 1);
}

std::optional<mcda::WeightChange> ParcelSensitivity::reversal(std::size_t ahead_rank,
                                                              std::size_t behind_rank) const {
  return mcda::smallest_change(reversal_changes(ahead_rank, behind_rank));
}

std::string weight_change_text(const RankedResult& result, const mcda::WeightChange& c) {
  const double d = c.delta();
  return result.criteria[c.criterion].name + " weight " + format_fixed(c.weight, 3) + " -> " +
         format_fixed(c.new_weight, 3) + " (" + (d >= 0 ? "+" : "") + format_fixed(d, 3) + ")";
}

nlohmann::ordered_json weight_change_json(const RankedResult& result, const mcda::WeightChange& c) {
  return {{"criterion", result.criteria[c.criterion].name},
          {"weight", rounded(c.weight)},
          {"new_weight", rounded(c.new_weight)},  // NaN -> null
          {"delta", rounded(c.delta())}};
}

std::vector<double> p_top_k(const RankedResult& result, const mcda::MonteCarloOptions& options) {
  std::vector<double> p(result.parcel_table().size(), std::numeric_limits<double>::quiet_NaN());
  if (result.scoring.ranking.empty()) return p;
  const ParcelSensitivity s(result);
  mcda::MonteCarloOptions o = options;
  const auto mc = mcda::monte_carlo(s.scorer(), s.weights(), s.tie_order(), {}, o);
  for (std::size_t row = 0; row < s.rows(); ++row) p[s.parcel(row)] = mc.p_top_k(row);
  return p;
}

}  // namespace siterank
