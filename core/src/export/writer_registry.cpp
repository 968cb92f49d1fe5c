#include "export/writer_registry.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <siterank/host/errors.hpp>
#include <utility>

#include "util/atomic_file.hpp"

namespace siterank {

namespace {

WriterSpec stream_writer(std::string name, std::vector<std::string> extensions, std::string reads,
                         void (*write)(const RankedResult&, const Selection&, std::ostream&)) {
  WriterSpec w;
  w.name = std::move(name);
  w.extensions = std::move(extensions);
  w.reads = std::move(reads);
  w.to_stream = write;
  return w;
}

WriterSpec file_writer(std::string name, std::vector<std::string> extensions, std::string reads,
                       void (*write)(const RankedResult&, const Selection&, const std::string&)) {
  WriterSpec w;
  w.name = std::move(name);
  w.extensions = std::move(extensions);
  w.reads = std::move(reads);
  w.needs_file = true;
  w.to_file = write;
  return w;
}

// The report is one file a browser opens; to stdout it would only be
// redirected into one anyway, and a page on a terminal helps nobody.
void write_report_file(const RankedResult& result, const Selection& sel, const std::string& path) {
  AtomicFile file(path);
  write_report(result, sel, file.stream());
  file.commit();
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

const std::vector<WriterSpec>& writers() {
  static const std::vector<WriterSpec> all{
      stream_writer("table", {".txt"}, "a terminal", write_table),
      stream_writer("csv", {".csv"}, "spreadsheets, pandas, QGIS", write_csv),
      stream_writer("json", {".json"}, "scripts: every parcel's full explanation", write_json),
      stream_writer("geojson", {".geojson"}, "QGIS, geojson.io, kepler.gl", write_geojson),
      file_writer("gpkg", {".gpkg"}, "QGIS and GDAL-based tools", write_gpkg),
      file_writer("fgb", {".fgb"}, "QGIS, GDAL, web maps", write_fgb),
      file_writer("kml", {".kml"}, "Google Earth", write_kml),
      file_writer("html", {".html", ".htm"}, "a browser: the map report", write_report_file),
  };
  return all;
}

const WriterSpec* find_writer(const std::string& name) {
  for (const auto& w : writers())
    if (w.name == name) return &w;
  return nullptr;
}

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> all(writers().begin(), writers().end());
  return all;
}

const OutputFormat* find_output_format(std::string_view name) {
  return find_writer(std::string(name));
}

const OutputFormat* output_format_for_path(const std::string& path) {
  const std::string ext = lower(std::filesystem::path(path).extension().string());
  for (const auto& w : writers())
    if (std::find(w.extensions.begin(), w.extensions.end(), ext) != w.extensions.end()) return &w;
  return nullptr;
}

std::string output_format_names() {
  std::string out;
  for (const auto& w : writers()) out += (out.empty() ? "" : ", ") + w.name;
  return out;
}

std::string output_format_extensions() {
  std::string out;
  for (const auto& w : writers())
    for (const auto& e : w.extensions) out += (out.empty() ? "" : ", ") + e;
  return out;
}

namespace {

// The options as the writers take them; throws UsageError (check_output).
Selection selection_for(const OutputFormat& format, const OutputOptions& o,
                        const OutputOptionNames& names) {
  Selection sel;
  sel.top = o.top;
  sel.include_vetoed = o.include_vetoed;
  sel.rank_vetoed = o.rank_vetoed;
  sel.csv_lonlat = o.csv_lonlat;
  sel.csv_wkt = o.csv_wkt;
  sel.style = o.style;
  sel.threads = o.threads;
  sel.isochrones = o.isochrones;
  const std::string& f = format.name;
  for (const auto& [set, name] :
       {std::pair{o.csv_lonlat, names.csv_lonlat}, std::pair{o.csv_wkt, names.csv_wkt}})
    if (set && f != "csv") throw UsageError(name + " adds columns to CSV output, not to " + f);
  if (o.isochrones && f != "html")
    throw UsageError(names.isochrones + " are drawn by the html report, not written to " + f +
                     " (siterank isochrones writes them as files of their own)");
  if (o.crs.empty()) return sel;
  if (f != "geojson" && !o.csv_lonlat && !o.csv_wkt)
    throw UsageError(names.crs + " sets the coordinates of geojson output and of csv with " +
                     names.csv_lonlat + " or " + names.csv_wkt + "; " + f +
                     " output has none or is always in EPSG:4326");
  try {
    sel.crs = user_crs(o.crs);
  } catch (const std::invalid_argument& e) {
    throw UsageError(names.crs + ": " + e.what() +
                     " (give EPSG:<code>, another CRS PROJ knows, gcj02 or bd09)");
  }
  if (f == "geojson")
    if (const std::string why = geojson_crs_refusal(sel.crs); !why.empty())
      throw UsageError(names.crs + ": " + why);
  return sel;
}

const WriterSpec& writer_of(const OutputFormat& format) {
  const WriterSpec* w = find_writer(format.name);
  if (!w)
    throw UsageError("unknown output format '" + format.name + "' (" + output_format_names() + ")");
  return *w;
}

}  // namespace

void check_output(const OutputFormat& format, const OutputOptions& options,
                  const OutputOptionNames& names) {
  writer_of(format);
  selection_for(format, options, names);
}

void check_target(const std::string& target) {
  if (target.empty() || target == "-") return;
  check_output_target(target);
}

void write_result(const RankedResult& result, const OutputFormat& format,
                  const OutputOptions& options, const std::string& target) {
  write_result(writer_of(format), result, selection_for(format, options, {}), target);
}

void write_result(const WriterSpec& writer, const RankedResult& result, const Selection& sel,
                  const std::string& target) {
  const bool to_stdout = target.empty() || target == "-";
  if (writer.needs_file) {
    if (to_stdout)
      throw OutputError(writer.name + " is written to a file, not stdout; give -o FILE" +
                        writer.extensions.front());
    writer.to_file(result, sel, target);
    return;
  }
  write_output(target, [&](std::ostream& out) { writer.to_stream(result, sel, out); });
}

void write_output(const std::string& target, const std::function<void(std::ostream&)>& write) {
  if (target.empty() || target == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw OutputError("stdout: write failed");
    return;
  }
  AtomicFile file(target);
  write(file.stream());
  file.commit();
}

}  // namespace siterank
