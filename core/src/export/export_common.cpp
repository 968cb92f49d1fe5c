#include <algorithm>
#include <limits>

#include "export/exporters.hpp"

namespace siterank {

std::vector<std::size_t> selected_parcels(const RankedResult& result, const Selection& sel) {
  const auto& ranking = result.scoring.ranking;
  const auto& vetoed = result.scoring.vetoed;
  const bool with_vetoed = sel.include_vetoed || sel.rank_vetoed;
  std::size_t n = sel.top ? std::min(sel.top, ranking.size()) : ranking.size();
  std::vector<std::size_t> out(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(n));
  if (!with_vetoed) return out;
  // Ranked after the rest, the vetoed count towards --top; merely listed,
  // they all follow.
  n = vetoed.size();
  if (sel.rank_vetoed && sel.top) n = std::min(n, sel.top - out.size());
  out.insert(out.end(), vetoed.begin(), vetoed.begin() + static_cast<std::ptrdiff_t>(n));
  return out;
}

ListedParcel listed_parcel(const RankedResult& result, const Selection& sel, std::size_t p) {
  const RankResult& r = result.scoring;
  if (r.rank_of[p] != 0) return {r.rank_of[p], r.total[p], false};
  if (!sel.rank_vetoed) return {0, std::numeric_limits<double>::quiet_NaN(), true};
  // RankResult::vetoed is sorted by id, the ranking's tie order.
  const ParcelTable& t = result.parcel_table();
  const auto it =
      std::lower_bound(r.vetoed.begin(), r.vetoed.end(), p,
                       [&](std::size_t a, std::size_t b) { return t.id.at(a) < t.id.at(b); });
  return {r.ranking.size() + 1 + static_cast<std::size_t>(it - r.vetoed.begin()), 0.0, true};
}

}  // namespace siterank
