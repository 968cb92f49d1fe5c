#include <siterank/parcels.hpp>

#include "exporters.hpp"
#include "text_format.hpp"

namespace siterank {

void write_csv(const Run& run, const Selection& sel, std::ostream& out) {
  const ParcelTable& t = run.dataset.parcels;
  const auto& r = run.result;
  out << "rank,parcel_id,platform,district,land_use,status,area_mu,area_m2,vetoed,score";
  for (const auto& c : run.criteria) out << ",score_" << c.name;
  out << ",reasons\n";
  for (std::size_t p : selected_parcels(run, sel)) {
    const bool vetoed = r.rank_of[p] == 0;
    out << (vetoed ? "" : std::to_string(r.rank_of[p])) << ',' << csv_quote(t.id.at(p)) << ','
        << csv_quote(t.platform.at(p)) << ',' << csv_quote(t.district.at(p)) << ','
        << csv_quote(t.land_use.at(p)) << ',' << csv_quote(t.status.at(p)) << ','
        << format_fixed(t.area_m2[p] / m2_per_mu, 2) << ',' << format_fixed(t.area_m2[p], 1) << ','
        << (vetoed ? "true" : "false") << ',' << (vetoed ? "" : format_fixed(r.total[p], 4));
    for (std::size_t c = 0; c < run.criteria.size(); ++c)
      out << ',' << format_fixed(r.scores[c].scores[p], 4);
    out << ',' << csv_quote(parcel_reasons(run, p)) << '\n';
  }
}

}  // namespace siterank
