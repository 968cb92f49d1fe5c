// The run as the CLI drives it: check everything that can be checked before
// reading data (profile, plugins, options, manifest, plugin requirements),
// then load the dataset, configure the criteria and score.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/manifest.hpp"
#include "config/profile_loader.hpp"
#include "data/dataset.hpp"
#include "data/reference_index.hpp"
#include "mcda/monte_carlo.hpp"
#include "plugins/plugin_loader.hpp"
#include "scoring/engine.hpp"

namespace siterank {

struct RunRequest {
  std::string profile_path;
  std::string dataset_dir;  // "" = the default sample dataset
  std::vector<std::string> plugin_dirs;
  unsigned threads = 0;
  bool progress = false;  // on stderr, when it is a terminal
  bool strict = false;    // profile warnings (an inconsistent AHP matrix, a field nobody
                          // reads) are errors
  // rank --with-sensitivity: the result's top-K shares over these Monte
  // Carlo weights (host/rank_run.hpp).
  std::optional<mcda::MonteCarloOptions> top_k_shares;
};

struct PlannedCriterion {
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
};

struct Run {
  Plan plan;
  Dataset dataset;
  std::unique_ptr<ReferenceIndex> index;
  std::vector<EnabledCriterion> criteria;
  RankResult result;
};

// Throws InputError / PluginError with one-line messages.
Plan plan_run(const RunRequest& request);
// Loads the reference layers (and the parcels, when `with_parcels`) and
// configures the criteria: everything but scoring.
std::unique_ptr<Run> prepare(Plan plan, bool with_parcels = true);
// prepare() and score.
std::unique_ptr<Run> execute(Plan plan, const RunRequest& request);

}  // namespace siterank
