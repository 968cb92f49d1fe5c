// siterank rank: score and rank every parcel, write the ranking in any registered format.
#include <iostream>
#include <siterank/host/errors.hpp>
#include <siterank/host/writers.hpp>

#include "commands/commands.hpp"
#include "common.hpp"

namespace siterank::cli {

namespace {

// The format from -f, else from the extension of -o, else the table.
const OutputFormat& format_for(const Args& a) {
  const std::string out = a.get("--output");
  if (a.has("--format")) {
    const std::string f = a.get("--format");
    const OutputFormat* w = find_output_format(f);
    if (!w)
      throw UsageError("siterank rank: unknown format '" + f + "' (" + output_format_names() + ")");
    if (w->needs_file && (out.empty() || out == "-"))
      throw UsageError("siterank rank: -f " + f + " writes a file, not stdout; give -o FILE" +
                       w->extensions.front());
    return *w;
  }
  if (out.empty() || out == "-") return *find_output_format("table");
  if (const OutputFormat* w = output_format_for_path(out)) return *w;
  throw UsageError("siterank rank: cannot tell the format from '" + out + "' (known extensions: " +
                   output_format_extensions() + "); give -f " + output_format_names());
}

// "gpkg, fgb, kml, html": the formats written to a file only.
std::string file_formats() {
  std::string out;
  for (const auto& w : output_formats())
    if (w.needs_file) out += (out.empty() ? "" : ", ") + w.name;
  return out;
}

int cmd_rank(const Args& a) {
  RunRequest req = request_from(a);
  const OutputFormat& format = format_for(a);
  OutputOptions options;
  options.top = static_cast<std::size_t>(a.integer("--top", format.name == "table" ? 20 : 0));
  options.include_vetoed = a.has("--include-vetoed");
  options.rank_vetoed = a.has("--rank-vetoed");
  options.style = !a.has("--no-style");
  options.threads = req.threads;
  options.csv_lonlat = a.has("--csv-lonlat");
  options.csv_wkt = a.has("--csv-wkt");
  options.crs = a.get("--crs-out");
  try {
    check_output(format, options, {"--crs-out", "--csv-lonlat", "--csv-wkt"});
  } catch (const UsageError& e) {
    throw UsageError(std::string("siterank rank: ") + e.what());
  }
  if (a.has("--with-sensitivity")) {
    // K is --top, or 10 when --top is 0 (every parcel) or not given.
    req.top_k_shares = monte_carlo_options(
        a, "rank", a.has("--top") && options.top ? options.top : 10, req.threads);
  } else {
    for (const char* opt : {"--samples", "--spread", "--seed"})
      if (a.has(opt))
        throw UsageError(std::string("siterank rank: ") + opt + " goes with --with-sensitivity");
  }
  RankingRun run = planned(req);
  check_target(a.get("--output"));
  const auto result = run_and_warn(run, a);
  if (!a.has("--quiet")) print_summary(*result);
  write_result(*result, format, options, a.get("--output"));
  return 0;
}

}  // namespace

Command rank_command() {
  return {
      "siterank rank --profile FILE [--dataset DIR] [--top N] [-o FILE] [-f FORMAT] "
      "[--include-vetoed] [--rank-vetoed] [--crs-out CRS]",
      "Scores every parcel of the dataset with each criterion the profile weights, removes "
      "vetoed parcels and ranks the\n"
      "rest by weighted score (ties by parcel id). The format follows -f, else the extension of "
      "-o (" +
          output_format_extensions() +
          "),\n"
          "else a table on stdout. The table shows the top 20 unless --top "
          "is given; --top 0\n"
          "means all. " +
          file_formats() +
          " need -o; gpkg, fgb and kml are in EPSG:4326. A GeoPackage has the layers "
          "ranked, vetoed\n"
          "(always, with the reasons) and platforms (when a criterion such as industry_fit loads "
          "it); KML placemarks are\n"
          "coloured by score (docs/formats.md).",
      {help_opt,
       profile_opt,
       dataset_opt,
       {"--top", "", true, false, "N", "only the N best parcels"},
       {"--output", "-o", true, false, "FILE", "write to FILE (atomically) instead of stdout"},
       {"--format", "-f", true, false, "FORMAT",
        output_format_names() + " (" + file_formats() + " need -o)"},
       {"--include-vetoed", "", false, false, "", "also list vetoed parcels, with their reasons"},
       {"--rank-vetoed", "", false, false, "",
        "rank vetoed parcels after the rest, scored 0 (ties by id), with their reasons; --top "
        "counts them"},
       {"--no-style", "", false, false, "", "GeoJSON: leave out the fill/stroke colours by score"},
       {"--crs-out", "", true, false, "CRS",
        "coordinates of geojson (and csv --csv-lonlat, --csv-wkt): EPSG:4326 (default), any CRS "
        "PROJ "
        "knows (EPSG:4490, EPSG:4549), gcj02 (Amap, Tencent) or bd09 (Baidu)"},
       {"--csv-lonlat", "", false, false, "",
        "csv: add lon, lat of each parcel's representative point (x, y when --crs-out is "
        "projected)"},
       {"--csv-wkt", "", false, false, "",
        "csv: add a wkt column with each parcel's polygon (in --crs-out, default EPSG:4326)"},
       {"--with-sensitivity", "", false, false, "",
        "add p_topk: the probability of being in the top K (--top, else 10) over Monte Carlo "
        "weights (see siterank sensitivity)"},
       samples_opt,
       spread_opt,
       seed_opt,
       plugins_dir_opt,
       allow_insecure_plugins_opt,
       threads_opt,
       no_cache_opt,
       strict_opt,
       quiet_opt},
      cmd_rank};
}

}  // namespace siterank::cli
