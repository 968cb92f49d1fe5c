#include "analysis/explanation.hpp"
#include "export/exporters.hpp"
#include "util/text_format.hpp"

namespace siterank {

std::vector<std::size_t> selected_parcels(const Run& run, const Selection& sel) {
  const auto& ranking = run.result.ranking;
  const std::size_t n = sel.top ? std::min(sel.top, ranking.size()) : ranking.size();
  std::vector<std::size_t> out(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(n));
  if (sel.include_vetoed) out.insert(out.end(), run.result.vetoed.begin(), run.result.vetoed.end());
  return out;
}

std::string parcel_reasons(const Run& run, std::size_t p) {
  std::string out;
  const auto& r = run.result;
  if (r.rank_of[p] == 0) {
    // Vetoes are sorted by parcel: find this parcel's run of entries.
    for (const VetoEntry& v : r.vetoes_of(p))
      out += (out.empty() ? "" : "; ") + v.by + ": " + v.reason;
    return out;
  }
  // Largest contribution first (largest weighted score when the method is
  // not additive); ties in criterion order.
  const std::vector<double> parts = parcel_contributions(run, p);
  std::vector<std::size_t> order(run.criteria.size());
  for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
  auto key = [&](std::size_t c) {
    return parts.empty() ? run.criteria[c].weight * r.scores[c].scores[p] : parts[c];
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  for (std::size_t c : order) {
    if (!out.empty()) out += "; ";
    out += run.criteria[c].name + " " + format_fixed(r.scores[c].scores[p], 1) + "×" +
           format_fixed(run.criteria[c].weight, 3);
    if (!parts.empty()) out += "=" + format_fixed(parts[c], 2);
  }
  return out;
}

}  // namespace siterank
