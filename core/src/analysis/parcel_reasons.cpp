#include "analysis/parcel_reasons.hpp"

#include <algorithm>

#include "analysis/contributions.hpp"
#include "util/text_format.hpp"

namespace siterank {

std::vector<double> parcel_contributions(const RankedResult& result, std::size_t p) {
  if (result.scoring.rank_of[p] == 0) return {};
  std::vector<double> weights, scores;
  for (std::size_t c = 0; c < result.criteria.size(); ++c) {
    weights.push_back(result.criteria[c].weight);
    scores.push_back(result.scoring.scores[c].scores[p]);
  }
  return contributions(result.profile.aggregation, weights, scores);
}

std::string parcel_reasons(const RankedResult& result, std::size_t p) {
  std::string out;
  const auto& r = result.scoring;
  if (r.rank_of[p] == 0) {
    // Vetoes are sorted by parcel: find this parcel's run of entries.
    for (const VetoEntry& v : r.vetoes_of(p))
      out += (out.empty() ? "" : "; ") + v.by + ": " + v.reason;
    return out;
  }
  // Largest contribution first (largest weighted score when the method is
  // not additive); ties in criterion order.
  const std::vector<double> parts = parcel_contributions(result, p);
  std::vector<std::size_t> order(result.criteria.size());
  for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
  auto key = [&](std::size_t c) {
    return parts.empty() ? result.criteria[c].weight * r.scores[c].scores[p] : parts[c];
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  for (std::size_t c : order) {
    if (!out.empty()) out += "; ";
    out += result.criteria[c].name + " " + format_fixed(r.scores[c].scores[p], 1) + "×" +
           format_fixed(result.criteria[c].weight, 3);
    if (!parts.empty()) out += "=" + format_fixed(parts[c], 2);
  }
  return out;
}

}  // namespace siterank
