#include <siterank/parcels.hpp>

#include "analysis/contributions.hpp"
#include "export/exporters.hpp"
#include "util/text_format.hpp"

namespace siterank {

void write_table(const RankedResult& result, const Selection& sel, std::ostream& out) {
  const ParcelTable& t = result.parcel_table();
  const auto& r = result.scoring;
  std::vector<std::string> header{"rank",   "parcel",  "platform", "land use",
                                  "status", "area 亩", "score"};
  std::vector<bool> right{true, false, false, false, false, true, true};
  const bool p_topk = result.p_topk.has_value();
  if (p_topk) {
    header.push_back("p_top" + std::to_string(result.p_topk->k));
    right.push_back(true);
  }
  for (const auto& c : result.criteria) {
    header.push_back(c.name);
    right.push_back(true);
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t p : selected_parcels(result, sel)) {
    const ListedParcel listed = listed_parcel(result, sel, p);
    const bool vetoed = listed.vetoed;
    std::vector<std::string> row{listed.rank == 0 ? "vetoed"
                                 : vetoed         ? std::to_string(listed.rank) + " vetoed"
                                                  : std::to_string(listed.rank),
                                 std::string(t.id.at(p)),
                                 std::string(t.platform.at(p)),
                                 std::string(t.land_use.at(p)),
                                 std::string(t.status.at(p)),
                                 format_fixed(t.area_m2[p] / m2_per_mu, 1),
                                 listed.rank == 0 ? "-" : format_fixed(listed.score, 2)};
    if (p_topk) row.push_back(vetoed ? "-" : format_fixed(result.p_topk->share[p], 3));
    for (std::size_t c = 0; c < result.criteria.size(); ++c)
      row.push_back(format_fixed(r.scores[c].scores[p], 1));
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> width(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) width[i] = display_width(header[i]);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i)
      width[i] = std::max(width[i], display_width(row[i]));

  const ProfileRecord& prof = result.profile;
  out << prof.name << " (" << prof.industry << ", " << prof.project_type << ") on "
      << result.dataset.name << ": " << r.ranking.size() << " ranked, " << r.vetoed.size()
      << " vetoed of " << t.size() << " parcels\n";
  out << "weights:";
  for (const auto& c : result.criteria) out << ' ' << c.name << '=' << format_fixed(c.weight, 3);
  const auto& w = result.profile.weighting;
  if (w.method == "ahp")
    out << " (ahp, CR " << format_fixed(w.ahp.cr, 3) << ", RI from the " << w.ahp.ri_table
        << " table)";
  else if (w.method != "direct")
    out << " (" << w.method << ")";
  out << "\nscore = " << aggregation_formula(result.profile.aggregation);
  if (p_topk)
    out << "; p_top" << result.p_topk->k
        << " = share of Monte Carlo weight sets with the parcel in the top " << result.p_topk->k;
  out << "\n\n";
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t i = 0; i < cells.size(); ++i)
      s += (i ? "  " : "") + pad(cells[i], width[i], right[i]);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << '\n';
  };
  line(header);
  std::vector<std::string> rule;
  for (std::size_t w : width) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : rows) line(row);
}

}  // namespace siterank
