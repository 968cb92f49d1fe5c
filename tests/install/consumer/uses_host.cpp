// Built by tests/install/consumer against the staged siterank::host, with
// none of the host's own dependencies: the host API as a program other than
// the CLI calls it. With no arguments it only checks that the staged host
// loads; with PROFILE DATASET PLUGIN_DIR OUT.csv it ranks like
// `siterank rank -f csv` and writes the same CSV (run_install_test.cmake
// compares the two byte for byte), then calls the rest of the host API
// once each.
#include <cstdio>
#include <siterank/host/errors.hpp>
#include <siterank/host/explain.hpp>
#include <siterank/host/isochrones.hpp>
#include <siterank/host/platforms.hpp>
#include <siterank/host/plugins.hpp>
#include <siterank/host/run.hpp>
#include <siterank/host/sensitivity.hpp>
#include <siterank/host/text.hpp>
#include <siterank/host/writers.hpp>
#include <siterank/sdk.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc == 1) return siterank::sdk_api_version > 0 ? 0 : 1;
  if (argc != 5) {
    std::fprintf(stderr, "usage: uses_host PROFILE DATASET PLUGIN_DIR OUT.csv\n");
    return 2;
  }
  try {
    siterank::RunRequest request;
    request.profile_path = argv[1];
    request.dataset_dir = argv[2];
    request.plugin_dirs = {argv[3]};
    siterank::RankingRun run(request);
    std::size_t last_done = 0, total = 0;
    const auto result = run.run([&](const siterank::ProgressEvent& e) {
      last_done = e.done;
      total = e.total;
    });
    if (total != result->parcel_table().size() || last_done != total) {
      std::fprintf(stderr, "uses_host: progress ended at %zu of %zu, the run has %zu parcels\n",
                   last_done, total, result->parcel_table().size());
      return 1;
    }
    const siterank::OutputFormat* csv = siterank::find_output_format("csv");
    siterank::OutputOptions options;
    siterank::check_output(*csv, options);
    siterank::write_result(*result, *csv, options, argv[4]);
    if (result->scoring.ranking.empty()) return 1;

    const std::size_t best = result->scoring.ranking.front();
    const std::string id(result->parcel_table().id.at(best));
    const std::string text =
        siterank::explanation_text(*result, siterank::require_parcel(*result, id));
    siterank::SensitivityOptions sensitivity;
    sensitivity.monte_carlo.samples = 20;
    bool flood_risk = false;
    for (const auto& p : siterank::find_plugins({argv[3]}).plugins)
      flood_risk = flood_risk || p.info.name == "flood_risk";
    const auto platforms = siterank::dataset_platforms(argv[2]);
    // A role no dataset has: refused with an InputError once the manifest is read.
    bool isochrones_refused = false;
    try {
      siterank::IsochroneRequest iso;
      iso.dataset_dir = argv[2];
      iso.role = "no_such_role";
      iso.minutes = {15};
      siterank::compute_isochrones(iso);
    } catch (const siterank::InputError&) {
      isochrones_refused = siterank::isochrone_formats() == "gpkg, geojson";
    }
    if (text.rfind("parcel " + id, 0) != 0 ||
        siterank::sensitivity_report(*result, sensitivity).json.empty() || !flood_risk ||
        platforms.parcels != result->parcel_table().size() || siterank::display_width("亩") != 2 ||
        !isochrones_refused) {
      std::fprintf(
          stderr, "uses_host: explain, sensitivity, plugins, platforms or isochrones went wrong\n");
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {  // the host's errors are std::runtime_errors
    std::fprintf(stderr, "uses_host: %s\n", e.what());
    return 3;
  }
}
