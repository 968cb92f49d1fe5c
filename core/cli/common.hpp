// What the CLI's commands share: the common options, the command table's
// entry, turning options into a run request, the run summary and writing to
// stdout or an atomically replaced file.
#pragma once

#include <functional>
#include <ostream>
#include <siterank/host/ranked_result.hpp>
#include <siterank/host/run.hpp>
#include <string>
#include <vector>

#include "args.hpp"

namespace siterank::cli {

extern const OptionDef help_opt;
extern const OptionDef profile_opt;
extern const OptionDef dataset_opt;
extern const OptionDef plugins_dir_opt;
extern const OptionDef allow_insecure_plugins_opt;
extern const OptionDef threads_opt;
extern const OptionDef no_cache_opt;
extern const OptionDef quiet_opt;
extern const OptionDef strict_opt;
// Monte Carlo options shared by `sensitivity` and `rank --with-sensitivity`.
extern const OptionDef samples_opt;
extern const OptionDef spread_opt;
extern const OptionDef seed_opt;

struct Command {
  std::string synopsis;
  std::string description;
  std::vector<OptionDef> options;
  std::function<int(const Args&)> run;
};

// --threads, else SITERANK_NUM_THREADS, else 0 (all cores).
unsigned threads_from(const Args& a);
// --profile, --dataset, --plugins-dir, --threads (or SITERANK_NUM_THREADS).
RunRequest request_from(const Args& a);
// The run checked, with its warnings on stderr.
RankingRun planned(const RunRequest& request);
// Scoring progress on stderr when it is a terminal and the run is large
// enough to wait for; nothing with --quiet.
ProgressCallback terminal_progress(const Args& a);
// run.run() with the terminal's progress, then the warnings met while
// running (a road network cache that failed) on stderr, --quiet or not.
std::shared_ptr<const RankedResult> run_and_warn(RankingRun& run, const Args& a);
// "siterank: warning: W" for each.
void print_warnings(const std::vector<std::string>& warnings);
// Dataset notes, repairs, skips and counts on stderr.
void print_summary(const RankedResult& result);
// To -o FILE (temporary file renamed when complete) or stdout.
void write_output(const Args& a, const std::function<void(std::ostream&)>& writer);

// --samples, --spread, --seed, and K (which the command derives from its
// --top); throws UsageError naming `command`.
mcda::MonteCarloOptions monte_carlo_options(const Args& a, const std::string& command,
                                            std::size_t top_k, unsigned threads);

}  // namespace siterank::cli
