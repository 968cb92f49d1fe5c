#include "analysis/explanation.hpp"
#include "config/profile_weighting.hpp"
#include "export/exporters.hpp"
#include "util/rounded_json.hpp"

namespace siterank {

void write_json(const RankedResult& result, const Selection& sel, std::ostream& out) {
  const ProfileRecord& prof = result.profile;
  nlohmann::ordered_json j;
  j["siterank_result"] = 1;
  j["profile"] = {{"file", prof.path},
                  {"name", prof.name},
                  {"industry", prof.industry},
                  {"type", prof.project_type}};
  j["dataset"] = {{"name", result.dataset.name}, {"manifest", result.dataset.manifest_path}};
  nlohmann::ordered_json criteria = nlohmann::ordered_json::array();
  for (const auto& c : result.criteria)
    criteria.push_back({{"name", c.name},
                        {"plugin", c.plugin.empty() ? c.name : c.plugin},
                        {"weight", rounded(c.weight)},
                        {"raw_weight", rounded(c.raw_weight)},
                        {"plugin_version", c.plugin_version}});
  j["criteria"] = criteria;
  j["methods"] = methods_json(prof.weighting, prof.aggregation);
  const auto& rep = result.dataset.report;
  j["summary"] = {
      {"parcels_read", rep.parcels_read},        {"parcels_loaded", rep.parcels_loaded},
      {"parcels_repaired", rep.repaired.size()}, {"parcels_skipped", rep.skipped.size()},
      {"ranked", result.scoring.ranking.size()}, {"vetoed", result.scoring.vetoed.size()}};
  nlohmann::ordered_json parcels = nlohmann::ordered_json::array();
  for (std::size_t p : selected_parcels(result, sel)) {
    nlohmann::ordered_json e = parcel_explanation(result, p);
    const ListedParcel listed = listed_parcel(result, sel, p);
    if (listed.vetoed && listed.rank != 0) {  // rank_vetoed: after the rest, scored 0
      e["rank"] = listed.rank;
      e["score"] = listed.score;
    }
    parcels.push_back(std::move(e));
  }
  j["parcels"] = parcels;
  out << j.dump(1) << '\n';
}

}  // namespace siterank
