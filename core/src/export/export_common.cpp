#include "export/exporters.hpp"

namespace siterank {

std::vector<std::size_t> selected_parcels(const RankedResult& result, const Selection& sel) {
  const auto& ranking = result.scoring.ranking;
  const std::size_t n = sel.top ? std::min(sel.top, ranking.size()) : ranking.size();
  std::vector<std::size_t> out(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(n));
  if (sel.include_vetoed)
    out.insert(out.end(), result.scoring.vetoed.begin(), result.scoring.vetoed.end());
  return out;
}

}  // namespace siterank
