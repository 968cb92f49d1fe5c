// siterank sensitivity: how robust the ranking is to the profile's weights.
// The parcels are scored once; every sample and sweep re-aggregates the
// cached criterion scores (siterank/host/sensitivity.hpp).
#include <siterank/host/errors.hpp>
#include <siterank/host/sensitivity.hpp>

#include "commands/commands.hpp"
#include "common.hpp"

namespace siterank::cli {

namespace {

int cmd_sensitivity(const Args& a) {
  RunRequest req = request_from(a);
  const std::string format = a.get("--format", "text");
  if (format != "text" && format != "json")
    throw UsageError("siterank sensitivity: unknown format '" + format + "' (text, json)");
  SensitivityOptions options;
  options.monte_carlo = monte_carlo_options(
      a, "sensitivity", static_cast<std::size_t>(a.integer("--top", 10)), req.threads);
  options.steps = static_cast<std::size_t>(a.integer("--steps", 20));
  if (options.steps == 0) throw UsageError("siterank sensitivity: --steps must be at least 1");
  RankingRun run = planned(req);
  const auto result = run_and_warn(run, a);
  if (!a.has("--quiet")) print_summary(*result);
  const SensitivityReport report = sensitivity_report(*result, options);
  write_output(a,
               [&](std::ostream& out) { out << (format == "json" ? report.json : report.text); });
  return 0;
}

}  // namespace

Command sensitivity_command() {
  return {
      "siterank sensitivity --profile FILE [--dataset DIR] [--samples N] [--spread S] [--top "
      "K] [--seed N] [--steps N] [-f text|json] [-o FILE]",
      "How robust the ranking is to the weights (docs/methods.md). Scores the parcels once, "
      "then: Monte Carlo over\n"
      "weights drawn from a Dirichlet distribution around the profile's (each leading "
      "parcel's probability of staying\n"
      "in the top K, its rank range and median); the smallest change of one weight that "
      "swaps the top two; and each\n"
      "weight swept from 0 to 1 with the others rescaled, with the interval in which the "
      "leader stays first. Seeded:\n"
      "the same seed gives the same output for any thread count.",
      {help_opt,
       profile_opt,
       dataset_opt,
       samples_opt,
       spread_opt,
       {"--top", "", true, false, "K", "leading parcels followed, 'top K' (default 10)"},
       seed_opt,
       {"--steps", "", true, false, "N", "steps of each one-at-a-time sweep (default 20)"},
       {"--format", "-f", true, false, "FORMAT", "text (default) or json"},
       {"--output", "-o", true, false, "FILE", "write to FILE instead of stdout"},
       plugins_dir_opt,
       allow_insecure_plugins_opt,
       threads_opt,
       no_cache_opt,
       strict_opt,
       quiet_opt},
      cmd_sensitivity};
}

}  // namespace siterank::cli
