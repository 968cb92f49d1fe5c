#include "export/writer_registry.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <siterank/host/errors.hpp>

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

const WriterSpec* writer_for_path(const std::string& path) {
  const std::string ext = lower(std::filesystem::path(path).extension().string());
  for (const auto& w : writers())
    if (std::find(w.extensions.begin(), w.extensions.end(), ext) != w.extensions.end()) return &w;
  return nullptr;
}

std::string writer_names() {
  std::string out;
  for (const auto& w : writers()) out += (out.empty() ? "" : ", ") + w.name;
  return out;
}

std::string writer_extensions() {
  std::string out;
  for (const auto& w : writers())
    for (const auto& e : w.extensions) out += (out.empty() ? "" : ", ") + e;
  return out;
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
  if (to_stdout) {
    writer.to_stream(result, sel, std::cout);
    std::cout.flush();
    if (!std::cout) throw OutputError("stdout: write failed");
    return;
  }
  AtomicFile file(target);
  writer.to_stream(result, sel, file.stream());
  file.commit();
}

}  // namespace siterank
