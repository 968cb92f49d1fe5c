// Running a project profile on a dataset from a program: what the CLI, a
// GUI, a QGIS provider or a distributed worker call. Build a RankingRun
// (everything that can be checked before data is read is checked then:
// profile, plugins, their options, the manifest, the layers and fields the
// criteria need), read its warnings, then run it once to get the result.
// Standard library only; errors are those of siterank/host/errors.hpp.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <siterank/host/methods.hpp>
#include <siterank/host/ranked_result.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace siterank {

struct RunRequest {
  std::string profile_path;
  std::string dataset_dir;               // "" = the sample dataset installed with the host
  std::vector<std::string> plugin_dirs;  // searched before the built-in plugins
  // Load plugins from world-writable or foreign-owned files and
  // directories too (find_plugins); refused, with a warning, otherwise.
  bool allow_insecure_plugins = false;
  unsigned threads = 0;  // 0 = all cores
  // Profile warnings (an inconsistent AHP matrix, a field nobody reads) are
  // errors.
  bool strict = false;
  // The result's top-K shares over these Monte Carlo weights
  // (rank --with-sensitivity); none when unset.
  std::optional<mcda::MonteCarloOptions> top_k_shares;
  // Read and write the road network cache (docs/architecture.md, "Road
  // network cache"; rank --no-cache turns it off). Results are the same.
  bool road_cache = true;
};

// Reported now and then from the calling thread while a run scores.
struct ProgressEvent {
  std::string_view stage;  // "score"
  std::size_t done = 0;    // parcels
  std::size_t total = 0;
};
using ProgressCallback = std::function<void(const ProgressEvent&)>;

// What a run will do, known before any data is read.
struct RunOverview {
  std::string profile_path;
  std::string profile_name;
  std::string industry;
  std::string manifest_path;
  std::size_t reference_layers = 0;  // in the manifest
  struct Criterion {
    std::string name;
    double weight = 0.0;  // normalised
    std::string plugin_file;
  };
  std::vector<Criterion> criteria;  // sorted by name
};

class RankingRun {
 public:
  // Throws InputError or PluginError.
  explicit RankingRun(const RunRequest& request);
  RankingRun(RankingRun&&) noexcept;
  RankingRun& operator=(RankingRun&&) noexcept;
  ~RankingRun();

  // "FILE: $.path: ..." lines: an AHP consistency ratio above 0.1, a
  // stated field no enabled criterion or host rule reads. Errors instead
  // with `strict`.
  const std::vector<std::string>& warnings() const;
  RunOverview overview() const;

  // A run is used once, by one of these two. Both throw InputError,
  // PluginError (std::logic_error when the run was used already).
  // Loads, scores, ranks; the plugins are released before it returns.
  std::shared_ptr<const RankedResult> run(const ProgressCallback& progress = {});
  // Loads the reference layers (not the parcels) and configures each
  // criterion on them, so the plugins' own option checks run too. Returns
  // the warnings met while loading (LoadReport::warnings).
  std::vector<std::string> check_configuration();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace siterank
