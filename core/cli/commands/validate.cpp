// siterank validate: a profile and a dataset checked without reading parcels or scoring.
#include <iostream>
#include <siterank/number_text.hpp>

#include "commands/commands.hpp"
#include "common.hpp"

namespace siterank::cli {

namespace {

int cmd_validate(const Args& a) {
  RunRequest req = request_from(a);
  RankingRun run = planned(req);
  const RunOverview plan = run.overview();
  // Configure the criteria on the reference layers too (not the parcels):
  // plugins check their options against the profile there.
  print_warnings(run.check_configuration());
  std::cout << "profile " << plan.profile_path << ": OK (" << plan.profile_name << ", industry "
            << plan.industry << ")\n";
  std::cout << "dataset " << plan.manifest_path << ": OK (" << plan.reference_layers
            << " reference layers)\n";
  for (const auto& c : plan.criteria)
    std::cout << "criterion " << c.name << ": weight " << format_fixed(c.weight, 4) << ", plugin "
              << c.plugin_file << "\n";
  return 0;
}

}  // namespace

Command validate_command() {
  return {"siterank validate --profile FILE [--dataset DIR]",
          "Checks a profile (schema, taxonomy, weights, plugin options) and a dataset manifest "
          "(schema, the fields and\n"
          "layers the plugins need) without reading data or scoring.",
          {help_opt, profile_opt, dataset_opt, plugins_dir_opt, allow_insecure_plugins_opt,
           strict_opt, no_cache_opt},
          cmd_validate};
}

}  // namespace siterank::cli
