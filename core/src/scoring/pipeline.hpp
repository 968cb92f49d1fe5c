// The stages of a run up to the ranking: check everything that can be checked before
// reading data (profile, plugins, options, manifest, plugin requirements),
// then load the dataset, configure the criteria and score.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <siterank/host/run.hpp>
#include <string>
#include <vector>

#include "config/manifest.hpp"
#include "config/profile_loader.hpp"
#include "data/dataset.hpp"
#include "data/reference_index.hpp"
#include "network/road_network.hpp"
#include "plugins/plugin_loader.hpp"
#include "scoring/engine.hpp"

namespace siterank {

struct PlannedCriterion {
  std::string name;  // in the profile: the plugin's name, or an instance's ($.plugins.<name>.use)
  const LoadedPlugin* plugin;
  Options options;
  double weight;
  std::shared_ptr<Criterion> criterion;  // created at planning, configured by prepare()
  CriterionNeeds needs;                  // for this profile and these options
};

// Everything validated, no data read yet.
struct Plan {
  ProfileDocument profile;
  PluginRegistry registry;
  DatasetManifest manifest;
  std::vector<PlannedCriterion> criteria;  // sorted by name
  // "FILE: $.path: not used by any enabled criterion", one per stated field
  // no criterion and no host rule reads (config/profile_usage.hpp).
  std::vector<std::string> unused_fields;
  bool road_cache = true;  // RunRequest::road_cache
};

struct Run {
  Plan plan;
  Dataset dataset;
  // Warnings met while running (the road network cache's); cache writes
  // may come from scoring threads, hence the lock.
  std::mutex warnings_mutex;
  std::vector<std::string> warnings;
  void warn(const std::string& w) {
    const std::lock_guard<std::mutex> lock(warnings_mutex);
    warnings.push_back(w);
  }
  std::unique_ptr<network::RoadCache> road_cache;  // outlives `roads`, which uses it
  std::unique_ptr<network::RoadNetwork> roads;     // when the dataset has a roads layer
  std::unique_ptr<ReferenceIndex> index;
  std::vector<EnabledCriterion> criteria;
  RankResult result;
};

// Throws InputError / PluginError with one-line messages.
Plan plan_run(const RunRequest& request);
// Loads the reference layers (and the parcels, when `with_parcels`) and
// configures the criteria: everything but scoring.
std::unique_ptr<Run> prepare(Plan plan, bool with_parcels = true);
// prepare() and score, reporting the scoring's progress.
std::unique_ptr<Run> execute(Plan plan, const RunRequest& request,
                             const ProgressCallback& progress = {});

}  // namespace siterank
