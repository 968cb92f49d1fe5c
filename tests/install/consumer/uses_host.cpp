// Built by tests/install/consumer against the staged siterank::host, with
// none of the host's own dependencies: the host API as a program other than
// the CLI calls it. With no arguments it only checks that the staged host
// loads; with PROFILE DATASET PLUGIN_DIR OUT.csv it ranks like
// `siterank rank -f csv` and writes the same CSV (run_install_test.cmake
// compares the two byte for byte).
#include <cstdio>
#include <siterank/host/errors.hpp>
#include <siterank/host/run.hpp>
#include <siterank/host/writers.hpp>
#include <siterank/sdk.hpp>

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
    return result->scoring.ranking.empty() ? 1 : 0;
  } catch (const std::exception& e) {  // the host's errors are std::runtime_errors
    std::fprintf(stderr, "uses_host: %s\n", e.what());
    return 3;
  }
}
