// siterank: rank land parcels for an industrial project.
// Diagnostics go to stderr, data to stdout or -o FILE; exit codes are in errors.hpp.
#include <cmath>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <siterank/version.hpp>

#include "analysis/explanation.hpp"
#include "analysis/parcel_sensitivity.hpp"
#include "analysis/platform_summary.hpp"
#include "args.hpp"
#include "common.hpp"
#include "config/option_validation.hpp"
#include "config/taxonomy.hpp"
#include "export/exporters.hpp"
#include "export/writer_registry.hpp"
#include "scoring/pipeline.hpp"
#include "util/atomic_file.hpp"
#include "util/errors.hpp"
#include "util/install_paths.hpp"
#include "util/text_format.hpp"

namespace siterank::cli {

namespace {

// The writer from -f, else from the extension of -o, else the table.
const WriterSpec& writer_for(const Args& a) {
  const std::string out = a.get("--output");
  if (a.has("--format")) {
    const std::string f = a.get("--format");
    const WriterSpec* w = find_writer(f);
    if (!w) throw UsageError("siterank rank: unknown format '" + f + "' (" + writer_names() + ")");
    if (w->needs_file && (out.empty() || out == "-"))
      throw UsageError("siterank rank: -f " + f + " writes a file, not stdout; give -o FILE" +
                       w->extensions.front());
    return *w;
  }
  if (out.empty() || out == "-") return *find_writer("table");
  if (const WriterSpec* w = writer_for_path(out)) return *w;
  throw UsageError("siterank rank: cannot tell the format from '" + out +
                   "' (known extensions: " + writer_extensions() + "); give -f " + writer_names());
}

// "gpkg, fgb, kml, html": the formats written to a file only.
std::string file_formats() {
  std::string out;
  for (const auto& w : writers())
    if (w.needs_file) out += (out.empty() ? "" : ", ") + w.name;
  return out;
}

// --crs-out and --csv-lonlat, checked before any data is read.
void set_coordinates(const Args& a, const std::string& format, Selection& sel) {
  sel.csv_lonlat = a.has("--csv-lonlat");
  sel.csv_wkt = a.has("--csv-wkt");
  for (const char* opt : {"--csv-lonlat", "--csv-wkt"})
    if (a.has(opt) && format != "csv")
      throw UsageError(std::string("siterank rank: ") + opt +
                       " adds columns to CSV output, not to " + format);
  if (!a.has("--crs-out")) return;
  if (format != "geojson" && !sel.csv_lonlat && !sel.csv_wkt)
    throw UsageError(
        "siterank rank: --crs-out sets the coordinates of geojson output and of csv "
        "with --csv-lonlat or --csv-wkt; " +
        format + " output has none or is always in EPSG:4326");
  try {
    sel.crs = user_crs(a.get("--crs-out"));
  } catch (const std::invalid_argument& e) {
    throw UsageError("siterank rank: --crs-out: " + std::string(e.what()) +
                     " (give EPSG:<code>, another CRS PROJ knows, gcj02 or bd09)");
  }
  if (format == "geojson")
    if (const std::string why = geojson_crs_refusal(sel.crs); !why.empty())
      throw UsageError("siterank rank: --crs-out: " + why);
}

int cmd_rank(const Args& a) {
  RunRequest req = request_from(a);
  req.progress = !a.has("--quiet");
  const WriterSpec& writer = writer_for(a);
  const std::string& format = writer.name;
  Selection sel;
  sel.top = static_cast<std::size_t>(a.integer("--top", format == "table" ? 20 : 0));
  sel.include_vetoed = a.has("--include-vetoed");
  sel.style = !a.has("--no-style");
  sel.threads = req.threads;
  set_coordinates(a, format, sel);
  if (a.has("--with-sensitivity")) {
    // K is --top, or 10 when --top is 0 (every parcel) or not given.
    req.top_k_shares =
        monte_carlo_options(a, "rank", a.has("--top") && sel.top ? sel.top : 10, req.threads);
  } else {
    for (const char* opt : {"--samples", "--spread", "--seed"})
      if (a.has(opt))
        throw UsageError(std::string("siterank rank: ") + opt + " goes with --with-sensitivity");
  }
  const auto result = rank_plan(planned(req), req);
  if (!a.has("--quiet")) print_summary(*result);
  write_result(writer, *result, sel, a.get("--output"));
  return 0;
}

// One self-contained HTML file: checked before any data is read.
int cmd_report(const Args& a) {
  RunRequest req = request_from(a);
  req.progress = !a.has("--quiet");
  const std::string out = a.get("--output");
  if (out.empty() || out == "-")
    throw UsageError("siterank report: give -o FILE.html (the report is a file, not stdout)");
  if (writer_for_path(out) != find_writer("html"))
    throw UsageError("siterank report: the report is HTML; '" + out +
                     "' does not end in .html or .htm (for other formats use siterank rank -o)");
  Selection sel;
  sel.top = static_cast<std::size_t>(a.integer("--top", 0));
  sel.include_vetoed = true;  // drawn grey, with their veto reasons
  Plan plan = planned(req);
  // The temporary file beside the target, before the data is read: a
  // directory that cannot be written fails now, not after the scoring.
  AtomicFile file(out);
  const auto result = rank_plan(std::move(plan), req);
  if (!a.has("--quiet")) print_summary(*result);
  write_report(*result, sel, file.stream());
  file.commit();
  return 0;
}

int cmd_explain(const Args& a) {
  RunRequest req = request_from(a);
  const std::string id = a.required("--parcel");
  const std::string format = a.get("--format", "text");
  if (format != "text" && format != "json")
    throw UsageError("siterank explain: unknown format '" + format + "' (text, json)");
  const auto result = rank_plan(planned(req), req);
  const auto& ids = result->parcel_table().id;
  std::size_t p = ids.size();
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids.at(i) == id) p = i;
  if (p == ids.size()) {
    if (const SkippedParcel* s = result->dataset.report.skipped_parcel(id))
      throw InputError("parcel '" + id + "' was skipped while loading: " + s->message);
    throw InputError("no parcel '" + id + "' in " + result->dataset.manifest_path);
  }
  write_output(a, [&](std::ostream& out) {
    if (format == "json") {
      nlohmann::ordered_json j = parcel_explanation(*result, p);
      j["neighbours"] = ranking_neighbours(*result, p);
      out << j.dump(1) << "\n";
    } else {
      out << explanation_text(*result, p);
    }
  });
  return 0;
}

nlohmann::ordered_json plugin_json(const LoadedPlugin& p) {
  nlohmann::ordered_json j;
  j["name"] = p.info.name;
  j["version"] = p.info.version;
  j["sdk_api_version"] = p.api_version;
  j["build_tag"] = p.build_tag;
  j["description"] = p.info.description;
  j["file"] = p.file;
  nlohmann::ordered_json opts = nlohmann::ordered_json::array();
  for (const auto& o : p.info.options) {
    nlohmann::ordered_json oj{{"name", o.name},
                              {"type", option_type_name(o.type)},
                              {"default", option_value_json(o.default_value)},
                              {"unit", o.unit},
                              {"description", o.description}};
    if (std::isfinite(o.minimum)) oj["minimum"] = o.minimum;
    if (std::isfinite(o.maximum)) oj["maximum"] = o.maximum;
    if (!o.choices.empty()) oj["choices"] = o.choices;
    opts.push_back(oj);
  }
  j["options"] = opts;
  j["parcel_fields"] = p.info.parcel_fields;
  j["optional_parcel_fields"] = p.info.optional_parcel_fields;
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  for (const auto& l : p.info.layers)
    layers.push_back({{"role", l.role},
                      {"geometry", l.kind == GeometryKind::point ? "point" : "polygon"},
                      {"attributes", l.attributes},
                      {"optional_attributes", l.optional_attributes},
                      {"optional", l.optional},
                      {"purpose", l.purpose}});
  j["layers"] = layers;
  return j;
}

int cmd_plugins(const Args& a) {
  const PluginRegistry reg = discover_plugins(plugin_search_path(a.all("--plugins-dir")));
  if (a.has("--json")) {
    nlohmann::ordered_json j;
    j["sdk_api_version"] = SITERANK_SDK_API_VERSION;
    j["build_tag"] = SITERANK_BUILD_TAG;
    j["searched"] = reg.searched;
    j["plugins"] = nlohmann::ordered_json::array();
    for (const auto& p : reg.plugins) j["plugins"].push_back(plugin_json(p));
    j["refused"] = nlohmann::ordered_json::array();
    for (const auto& r : reg.refused)
      j["refused"].push_back({{"file", r.file}, {"reason", r.reason}});
    std::cout << j.dump(1) << "\n";
    return 0;
  }
  std::cout << "siterank SDK " << SITERANK_SDK_VERSION_STRING << " (API "
            << SITERANK_SDK_API_VERSION << ", build tag " << SITERANK_BUILD_TAG << ")\nsearched:";
  for (const auto& d : reg.searched) std::cout << " " << d;
  std::cout << "\n\n";
  for (const auto& p : reg.plugins) {
    std::cout << p.info.name << " " << p.info.version << " (SDK API " << p.api_version << ") - "
              << p.info.description << "\n  file: " << p.file << "\n";
    for (const auto& o : p.info.options) {
      std::cout << "  option " << o.name << " (" << option_type_name(o.type)
                << (o.unit.empty() ? "" : ", " + o.unit) << ", default "
                << option_value_json(o.default_value).dump() << "): " << o.description << "\n";
    }
    for (const auto& l : p.info.layers)
      std::cout << "  layer " << l.role << (l.optional ? " (optional)" : "")
                << (l.purpose.empty() ? "" : ": " + l.purpose) << "\n";
    if (!p.info.parcel_fields.empty() || !p.info.optional_parcel_fields.empty()) {
      std::cout << "  parcel fields:";
      for (const auto& f : p.info.parcel_fields) std::cout << " " << f;
      for (const auto& f : p.info.optional_parcel_fields) std::cout << " " << f << "(optional)";
      std::cout << "\n";
    }
    std::cout << "\n";
  }
  for (const auto& r : reg.refused) std::cout << "refused " << r.file << ": " << r.reason << "\n";
  return 0;
}

int cmd_validate(const Args& a) {
  RunRequest req = request_from(a);
  // Configure the criteria on the reference layers too (not the parcels):
  // plugins check their options against the profile there.
  const auto run = prepare(planned(req), false);
  const Plan& plan = run->plan;
  std::cout << "profile " << plan.profile.path << ": OK (" << plan.profile.profile.name
            << ", industry " << plan.profile.profile.industry << ")\n";
  std::cout << "dataset " << plan.manifest.path << ": OK (" << plan.manifest.layers.size()
            << " reference layers)\n";
  for (const auto& c : plan.criteria)
    std::cout << "criterion " << c.plugin->info.name << ": weight " << format_fixed(c.weight, 4)
              << ", plugin " << c.plugin->file << "\n";
  return 0;
}

int cmd_platforms(const Args& a) {
  const std::string dir = a.get("--dataset");
  const DatasetManifest m = load_manifest(dir.empty() ? default_dataset_dir() : dir);
  const std::set<std::string> roles{"platforms"};
  const Dataset d = load_dataset(m, &roles);
  const auto platforms = summarize_platforms(d);
  const Taxonomy& tax = Taxonomy::builtin();
  auto zh = [&](const std::string& code) {
    const Industry* i = tax.find(code);
    return i ? i->zh : code;
  };
  if (a.has("--json")) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& p : platforms) {
      nlohmann::ordered_json ind = nlohmann::ordered_json::array();
      for (const auto& c : p.industries) ind.push_back({{"code", c}, {"zh", zh(c)}});
      j.push_back({{"name", p.name},
                   {"district", p.district},
                   {"industries", ind},
                   {"description", p.description},
                   {"parcels", p.parcels},
                   {"ready", p.ready},
                   {"available", p.available},
                   {"area_mu", std::round(p.area_m2 / m2_per_mu * 10) / 10},
                   {"open_area_mu", std::round(p.open_area_m2 / m2_per_mu * 10) / 10},
                   {"in_platforms_layer", p.in_layer}});
    }
    std::cout << j.dump(1) << "\n";
    return 0;
  }
  std::vector<std::vector<std::string>> rows{
      {"platform", "district", "parcels", "area 亩", "open 亩", "leading industries"}};
  for (const auto& p : platforms) {
    std::string ind;
    for (const auto& c : p.industries) ind += (ind.empty() ? "" : "、") + zh(c);
    rows.push_back({p.name, p.district, std::to_string(p.parcels),
                    format_fixed(p.area_m2 / m2_per_mu, 0),
                    format_fixed(p.open_area_m2 / m2_per_mu, 0), ind});
  }
  std::vector<std::size_t> width(rows[0].size(), 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  std::cout << m.name << ": " << platforms.size() << " platforms, " << d.parcels.size()
            << " parcels; open = ready or available now\n\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t i = 0; i < rows[r].size(); ++i)
      line += (i ? "  " : "") + pad(rows[r][i], width[i], i >= 2 && i <= 4);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  }
  return 0;
}

const std::map<std::string, Command>& commands() {
  static const std::map<std::string, Command> cmds{
      {"rank",
       {"siterank rank --profile FILE [--dataset DIR] [--top N] [-o FILE] [-f FORMAT] "
        "[--include-vetoed] [--crs-out CRS]",
        "Scores every parcel of the dataset with each criterion the profile weights, removes "
        "vetoed parcels and ranks the\n"
        "rest by weighted score (ties by parcel id). The format follows -f, else the extension of "
        "-o (" +
            writer_extensions() +
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
          writer_names() + " (" + file_formats() + " need -o)"},
         {"--include-vetoed", "", false, false, "", "also list vetoed parcels, with their reasons"},
         {"--no-style", "", false, false, "",
          "GeoJSON: leave out the fill/stroke colours by score"},
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
         threads_opt,
         strict_opt,
         quiet_opt},
        cmd_rank}},
      {"report",
       {"siterank report --profile FILE -o FILE.html [--dataset DIR] [--top N]",
        "Writes one self-contained HTML file that opens in any browser without the network: a "
        "map of the parcels\n"
        "coloured by score (vetoed ones grey) with the platforms and the reference layers the "
        "criteria loaded, a ranked\n"
        "table linked to the map, each parcel's breakdown, and the profile's weights "
        "(docs/formats.md).",
        {help_opt,
         profile_opt,
         {"--output", "-o", true, false, "FILE", "the HTML file to write (atomically)"},
         dataset_opt,
         {"--top", "", true, false, "N",
          "only the N best parcels (default: all; vetoed ones "
          "are always shown)"},
         plugins_dir_opt,
         threads_opt,
         strict_opt,
         quiet_opt},
        cmd_report}},
      {"explain",
       {"siterank explain --profile FILE --parcel ID [--dataset DIR] [-f text|json]",
        "One parcel's whole breakdown: why it was vetoed, or each criterion's score, weight, "
        "contribution and factors,\n"
        "and the score gap to the parcels ranked just above and below.",
        {help_opt,
         profile_opt,
         {"--parcel", "", true, false, "ID", "parcel id"},
         dataset_opt,
         {"--format", "-f", true, false, "FORMAT", "text (default) or json"},
         {"--output", "-o", true, false, "FILE", "write to FILE instead of stdout"},
         plugins_dir_opt,
         threads_opt,
         strict_opt},
        cmd_explain}},
      {"plugins",
       {"siterank plugins [--json] [--plugins-dir DIR]",
        "Lists the plugins found, with version, SDK API version, description, options and file, "
        "and the refused ones\n"
        "with the reason.",
        {help_opt, {"--json", "", false, false, "", "machine-readable output"}, plugins_dir_opt},
        cmd_plugins}},
      {"platforms",
       {"siterank platforms [--json] [--dataset DIR]",
        "Lists the dataset's platforms with their district, leading industries, parcel counts, "
        "total area and the area\n"
        "open now (parcels ready or available).",
        {help_opt, {"--json", "", false, false, "", "machine-readable output"}, dataset_opt},
        cmd_platforms}},
      {"validate",
       {"siterank validate --profile FILE [--dataset DIR]",
        "Checks a profile (schema, taxonomy, weights, plugin options) and a dataset manifest "
        "(schema, the fields and\n"
        "layers the plugins need) without reading data or scoring.",
        {help_opt, profile_opt, dataset_opt, plugins_dir_opt, strict_opt},
        cmd_validate}},
      {"weights", weights_command()},
      {"mcda", mcda_command()},
      {"sensitivity", sensitivity_command()},
  };
  return cmds;
}

std::string main_usage() {
  std::string s =
      "Usage: siterank COMMAND [OPTIONS]\n\nRanks land parcels for an industrial investment "
      "project.\n\nCommands:\n";
  for (const auto& [name, c] : commands())
    s += "  " + name + std::string(12 - name.size(), ' ') + c.synopsis.substr(9 + name.size() + 1) +
         "\n";
  s += "\n'siterank COMMAND --help' describes each command.\n"
       "Exit codes: 0 success, 1 internal error, 2 usage error, 3 input error (profile, dataset, "
       "data),\n"
       "4 plugin error, 5 output error.\n";
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string command = args.empty() ? "" : args[0];
  try {
    if (command.empty() || command == "--help" || command == "-h" || command == "help") {
      std::cout << main_usage();
      return command.empty() ? static_cast<int>(ExitCode::usage) : 0;
    }
    if (command == "--version") {
      std::cout << "siterank " << SITERANK_VERSION << " (SDK " << SITERANK_SDK_VERSION_STRING
                << ", API " << SITERANK_SDK_API_VERSION << ")\n";
      return 0;
    }
    const auto it = commands().find(command);
    if (it == commands().end())
      throw UsageError("siterank: unknown command '" + command + "' (see siterank --help)");
    const Command& c = it->second;
    args.erase(args.begin());
    const Args parsed(command, c.options, args);
    if (parsed.has("--help")) {
      std::cout << usage_text(c.synopsis, c.description, c.options);
      return 0;
    }
    return c.run(parsed);
  } catch (const UsageError& e) {
    std::cerr << e.what() << "\n";
    return static_cast<int>(ExitCode::usage);
  } catch (const InputError& e) {
    std::cerr << "siterank " << command << ": error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::input);
  } catch (const PluginError& e) {
    std::cerr << "siterank " << command << ": error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::plugin);
  } catch (const OutputError& e) {
    std::cerr << "siterank " << command << ": error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::output);
  } catch (const std::exception& e) {
    std::cerr << "siterank " << command << ": internal error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace siterank::cli

int main(int argc, char** argv) { return siterank::cli::main(argc, argv); }
