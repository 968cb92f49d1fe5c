#include "result/make_result.hpp"

#include <mutex>

namespace siterank {

RankedResult make_result(Run& run) {
  const ProfileDocument& doc = run.plan.profile;
  RankedResult r;
  r.profile = {doc.path,      doc.profile.name, doc.profile.industry, doc.profile.project_type,
               doc.weighting, doc.aggregation};
  r.dataset = {run.dataset.manifest.name, run.dataset.manifest.path, run.plan.manifest.working_crs,
               run.dataset.report};
  {
    const std::lock_guard<std::mutex> lock(run.warnings_mutex);
    r.dataset.report.warnings = run.warnings;
  }
  for (std::size_t c = 0; c < run.criteria.size(); ++c) {
    const EnabledCriterion& e = run.criteria[c];
    const PlannedCriterion& planned = run.plan.criteria[c];
    r.criteria.push_back({e.name, e.file, planned.plugin->info.version, e.weight,
                          doc.raw_weights.at(e.name), e.factors, e.plugin});
  }
  // Moving a vector keeps its elements where they are, so the run's index
  // and configured criteria, which point into the layers, stay valid until
  // the run is destroyed.
  r.parcels = std::make_shared<const ParcelTable>(std::move(run.dataset.parcels));
  r.layers = std::make_shared<const std::vector<ReferenceLayer>>(std::move(run.dataset.layers));
  r.scoring = std::move(run.result);
  return r;
}

}  // namespace siterank
