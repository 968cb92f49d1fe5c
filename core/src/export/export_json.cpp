#include "analysis/explanation.hpp"
#include "export/exporters.hpp"

namespace siterank {

void write_json(const Run& run, const Selection& sel, std::ostream& out) {
  const auto& prof = run.plan.profile;
  nlohmann::ordered_json j;
  j["siterank_result"] = 1;
  j["profile"] = {{"file", prof.path},
                  {"name", prof.profile.name},
                  {"industry", prof.profile.industry},
                  {"type", prof.profile.project_type}};
  j["dataset"] = {{"name", run.dataset.manifest.name}, {"manifest", run.dataset.manifest.path}};
  nlohmann::ordered_json criteria = nlohmann::ordered_json::array();
  for (const auto& c : run.criteria) {
    const LoadedPlugin* p = run.plan.registry.find(c.name);
    criteria.push_back({{"name", c.name},
                        {"weight", rounded(c.weight)},
                        {"raw_weight", rounded(prof.raw_weights.at(c.name))},
                        {"plugin_version", p ? p->info.version : ""}});
  }
  j["criteria"] = criteria;
  j["methods"] = methods_json(prof.weighting, prof.aggregation);
  const auto& rep = run.dataset.report;
  j["summary"] = {
      {"parcels_read", rep.parcels_read},        {"parcels_loaded", rep.parcels_loaded},
      {"parcels_repaired", rep.repaired.size()}, {"parcels_skipped", rep.skipped.size()},
      {"ranked", run.result.ranking.size()},     {"vetoed", run.result.vetoed.size()}};
  nlohmann::ordered_json parcels = nlohmann::ordered_json::array();
  for (std::size_t p : selected_parcels(run, sel)) parcels.push_back(parcel_explanation(run, p));
  j["parcels"] = parcels;
  out << j.dump(1) << '\n';
}

}  // namespace siterank
