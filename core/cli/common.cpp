#include "common.hpp"

#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <siterank/host/errors.hpp>
#include <siterank/host/writers.hpp>

namespace siterank::cli {

const OptionDef help_opt{"--help", "-h", false, false, "", "show this help and exit"};
const OptionDef profile_opt{"--profile", "",     true,
                            false,       "FILE", "project profile (JSON, see configs/profiles/)"};
const OptionDef dataset_opt{
    "--dataset", "",    true,
    false,       "DIR", "dataset folder with dataset.json (default: the embedded Hangzhou sample)"};
const OptionDef plugins_dir_opt{
    "--plugins-dir",
    "",
    true,
    true,
    "DIR",
    "also load plugins from DIR (repeatable; SITERANK_PLUGIN_PATH works too)"};
const OptionDef allow_insecure_plugins_opt{
    "--allow-insecure-plugins",
    "",
    false,
    false,
    "",
    "load plugins from world-writable or foreign-owned files and directories too"};
const OptionDef threads_opt{
    "--threads", "",  true,
    false,       "N", "scoring threads, 1 to 1024; 0 or unset: all cores (SITERANK_NUM_THREADS)"};
const OptionDef no_cache_opt{
    "--no-cache",
    "",
    false,
    false,
    "",
    "neither read nor write the road network cache (SITERANK_CACHE_DIR, default "
    "~/.cache/siterank; see docs/architecture.md)"};
const OptionDef quiet_opt{"--quiet", "-q", false, false, "", "no run summary on stderr"};

const OptionDef strict_opt{"--strict",
                           "",
                           false,
                           false,
                           "",
                           "profile warnings are errors (AHP consistency ratio above 0.1, a field "
                           "no enabled criterion reads)"};
const OptionDef samples_opt{"--samples", "",  true,
                            false,       "N", "Monte Carlo weight sets (default 1000)"};
const OptionDef spread_opt{
    "--spread", "",  true,
    false,      "S", "in (0, 1): a weight w varies with sd S*sqrt(w(1-w)) (default 0.1)"};
const OptionDef seed_opt{"--seed", "", true, false, "N", "random seed (default 1)"};

RunRequest request_from(const Args& a) {
  RunRequest r;
  r.profile_path = a.required("--profile");
  r.dataset_dir = a.get("--dataset");
  r.plugin_dirs = a.all("--plugins-dir");
  r.allow_insecure_plugins = a.has("--allow-insecure-plugins");
  r.strict = a.has("--strict");
  r.road_cache = !a.has("--no-cache");
  r.threads = threads_from(a);
  return r;
}

unsigned threads_from(const Args& a) {
  // More threads than this is a typo, not a machine; 0 is all cores.
  constexpr long long max_threads = 1024;
  long long threads = 0;
  if (a.has("--threads")) {
    threads = a.integer("--threads", 0);
    if (threads > max_threads)
      throw UsageError("siterank " + a.command() + ": --threads " + std::to_string(threads) +
                       " is more than " + std::to_string(max_threads) + " (0 means all cores)");
  } else if (const char* env = std::getenv("SITERANK_NUM_THREADS")) {
    const std::string v = env;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), threads);
    if (ec != std::errc() || end != v.data() + v.size() || threads < 0 || threads > max_threads)
      throw UsageError("siterank " + a.command() + ": SITERANK_NUM_THREADS='" + v +
                       "' is not a thread count from 0 (all cores) to " +
                       std::to_string(max_threads));
  }
  return static_cast<unsigned>(threads);
}

void print_summary(const RankedResult& result) {
  const auto& rep = result.dataset.report;
  for (const auto& n : rep.notes) std::cerr << "note: " << n << "\n";
  for (const auto& s : rep.skipped) std::cerr << "skipped " << s.message << "\n";
  const std::size_t shown = std::min<std::size_t>(rep.repaired.size(), 20);
  for (std::size_t i = 0; i < shown; ++i) std::cerr << "repaired " << rep.repaired[i] << "\n";
  if (rep.repaired.size() > shown)
    std::cerr << "repaired ... and " << rep.repaired.size() - shown << " more\n";
  std::cerr << "siterank: " << rep.parcels_read << " parcels read from " << result.dataset.name
            << ", " << rep.parcels_loaded << " loaded (" << rep.repaired.size() << " repaired, "
            << rep.skipped.size() << " skipped); " << result.scoring.ranking.size() << " ranked, "
            << result.scoring.vetoed.size() << " vetoed\n";
}

void write_output(const Args& a, const std::function<void(std::ostream&)>& writer) {
  siterank::write_output(a.get("--output"), writer);
}

mcda::MonteCarloOptions monte_carlo_options(const Args& a, const std::string& command,
                                            std::size_t top_k, unsigned threads) {
  mcda::MonteCarloOptions o;
  o.samples = static_cast<std::size_t>(a.integer("--samples", 1000));
  o.spread = a.number("--spread", 0.1);
  o.top_k = top_k;
  o.seed = static_cast<std::uint64_t>(a.integer("--seed", 1));
  o.threads = threads;
  const std::string who = "siterank " + command + ": ";
  if (o.samples == 0) throw UsageError(who + "--samples must be at least 1");
  if (!(o.spread > 0.0 && o.spread < 1.0))
    throw UsageError(who + "--spread must be in (0, 1), got " + a.get("--spread"));
  if (o.top_k == 0) throw UsageError(who + "--top must be at least 1");
  return o;
}

RankingRun planned(const RunRequest& request) {
  RankingRun run(request);
  for (const auto& w : run.warnings()) std::cerr << "warning: " << w << "\n";
  return run;
}

std::shared_ptr<const RankedResult> run_and_warn(RankingRun& run, const Args& a) {
  auto result = run.run(terminal_progress(a));
  print_warnings(result->dataset.report.warnings);
  return result;
}

void print_warnings(const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) std::cerr << "siterank: warning: " << w << "\n";
}

ProgressCallback terminal_progress(const Args& a) {
  if (a.has("--quiet") || !isatty(STDERR_FILENO)) return {};
  return [](const ProgressEvent& e) {
    if (e.total <= 5000) return;  // done before anyone would look
    std::fprintf(stderr, "\rscoring: %zu/%zu parcels (%.0f%%)", e.done, e.total,
                 100.0 * static_cast<double>(e.done) / static_cast<double>(e.total));
    if (e.done == e.total) std::fputc('\n', stderr);
  };
}

}  // namespace siterank::cli
