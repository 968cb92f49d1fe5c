// siterank report: the ranking as one self-contained HTML page.
#include <memory>
#include <siterank/host/errors.hpp>
#include <siterank/host/isochrones.hpp>
#include <siterank/host/writers.hpp>

#include "commands/commands.hpp"
#include "common.hpp"

namespace siterank::cli {

namespace {

// One self-contained HTML file: checked before any data is read.
int cmd_report(const Args& a) {
  RunRequest req = request_from(a);
  const std::string out = a.get("--output");
  if (out.empty() || out == "-")
    throw UsageError("siterank report: give -o FILE.html (the report is a file, not stdout)");
  const OutputFormat* html = find_output_format("html");
  if (output_format_for_path(out) != html)
    throw UsageError("siterank report: the report is HTML; '" + out +
                     "' does not end in .html or .htm (for other formats use siterank rank -o)");
  OutputOptions options;
  options.top = static_cast<std::size_t>(a.integer("--top", 0));
  options.include_vetoed = true;  // drawn grey, with their veto reasons
  // Read before the run, so a bad file fails in milliseconds.
  if (a.has("--isochrones"))
    options.isochrones =
        std::make_shared<const IsochroneSet>(read_isochrones(a.get("--isochrones")));
  RankingRun run = planned(req);
  check_target(out);  // a directory that cannot be written fails now, not after the scoring
  const auto result = run_and_warn(run, a);
  if (!a.has("--quiet")) print_summary(*result);
  write_result(*result, *html, options, out);
  return 0;
}

}  // namespace

Command report_command() {
  return {
      "siterank report --profile FILE -o FILE.html [--dataset DIR] [--top N] "
      "[--isochrones FILE]",
      "Writes one self-contained HTML file that opens in any browser without the network: a "
      "map of the parcels\n"
      "coloured by score (vetoed ones grey) with the platforms and the reference layers the "
      "criteria loaded (with --isochrones,\n"
      "also the isochrones of a file siterank isochrones wrote), a ranked table linked to the "
      "map, each parcel's breakdown,\n"
      "and the profile's weights (docs/formats.md).",
      {help_opt,
       profile_opt,
       {"--output", "-o", true, false, "FILE", "the HTML file to write (atomically)"},
       dataset_opt,
       {"--top", "", true, false, "N",
        "only the N best parcels (default: all; vetoed ones "
        "are always shown)"},
       {"--isochrones", "", true, false, "FILE",
        "also draw the isochrones siterank isochrones wrote to FILE (.gpkg or .geojson), "
        "as a map layer switched off until the reader turns it on"},
       plugins_dir_opt,
       allow_insecure_plugins_opt,
       threads_opt,
       no_cache_opt,
       strict_opt,
       quiet_opt},
      cmd_report};
}

}  // namespace siterank::cli
