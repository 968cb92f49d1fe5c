// The one list of output formats. Each writer has a name (`-f NAME`), the
// file extensions that select it from `-o FILE`, whether it can write to
// stdout, and the function that writes it. The CLI's format checks,
// extension inference and help text all come from here, so a format is
// added in one place, and an extension no writer claims is an error that
// names the known ones rather than a file in the wrong format.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "export/exporters.hpp"

namespace siterank {

struct WriterSpec {
  std::string name;                     // "geojson"
  std::vector<std::string> extensions;  // ".geojson"; the first is the usual one
  bool needs_file = false;              // written through a driver to a file name, not a stream
  std::string reads;                    // what opens it, for help text: "QGIS, geojson.io"
  // Exactly one is set: stream writers go to stdout or an atomically
  // written file; file writers get the target path and write atomically
  // themselves.
  std::function<void(const RankedResult&, const Selection&, std::ostream&)> to_stream;
  std::function<void(const RankedResult&, const Selection&, const std::string&)> to_file;
};

// In the order help text lists them.
const std::vector<WriterSpec>& writers();

// nullptr when no writer has that name.
const WriterSpec* find_writer(const std::string& name);

// The writer whose extensions include `path`'s (case-insensitive), or
// nullptr.
const WriterSpec* writer_for_path(const std::string& path);

// "table, csv, json, geojson, gpkg, fgb, kml, html"
std::string writer_names();
// ".txt, .csv, .json, ..."
std::string writer_extensions();

// Writes `result` to `target` ("" or "-" = stdout) with `writer`; throws
// OutputError (a file writer given stdout, a failed write).
void write_result(const WriterSpec& writer, const RankedResult& result, const Selection& sel,
                  const std::string& target);

}  // namespace siterank
