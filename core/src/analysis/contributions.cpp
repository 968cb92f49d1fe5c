#include "analysis/contributions.hpp"

#include <algorithm>
#include <numeric>

namespace siterank {

bool additive(const mcda::AggregationSpec& spec) {
  return spec.method == mcda::Method::weighted_sum || spec.method == mcda::Method::owa;
}

std::vector<double> contributions(const mcda::AggregationSpec& spec,
                                  const std::vector<double>& weights,
                                  const std::vector<double>& scores) {
  const std::size_t n = scores.size();
  std::vector<double> parts;
  if (spec.method == mcda::Method::weighted_sum) {
    for (std::size_t c = 0; c < n; ++c) parts.push_back(weights[c] * scores[c]);
  } else if (spec.method == mcda::Method::owa) {
    // Positions as mcda::aggregate orders them: criteria of positive weight
    // first (so a zero weight cannot shift the others' order weights), by
    // descending score, equal scores in criterion order.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const bool pa = weights[a] > 0.0, pb = weights[b] > 0.0;
      if (pa != pb) return pa;
      return scores[a] > scores[b];
    });
    parts.assign(n, 0.0);
    double denominator = 0.0;
    for (std::size_t j = 0; j < n; ++j) denominator += weights[order[j]] * spec.order_weights[j];
    if (denominator > 0.0)
      for (std::size_t j = 0; j < n; ++j)
        parts[order[j]] =
            weights[order[j]] * spec.order_weights[j] * scores[order[j]] / denominator;
  }
  return parts;
}

std::string aggregation_formula(const mcda::AggregationSpec& spec) {
  switch (spec.method) {
    case mcda::Method::weighted_sum:
      return "sum of weight × criterion score";
    case mcda::Method::weighted_geometric_mean:
      return "weighted geometric mean of the criterion scores (product of score^weight)";
    case mcda::Method::owa:
      return "ordered weighted average: criterion weights × order weights by the parcel's best "
             "to worst score";
    case mcda::Method::topsis:
      return "TOPSIS: 100 × closeness to the ideal parcel (" +
             std::string(mcda::name(spec.normalisation)) + " normalisation)";
  }
  return "";
}

}  // namespace siterank
