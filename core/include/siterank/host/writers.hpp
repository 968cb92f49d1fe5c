// Writing a RankedResult: the output formats (one registry: name, file
// extensions, whether it needs a file, what opens it), the choices every
// writer shares, a check of those choices before anything is run, and the
// write itself (to stdout or atomically to a file), and the same write for
// any other text (an explanation, a sensitivity report). Standard library
// only; docs/formats.md describes each format.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <siterank/host/ranked_result.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace siterank {

struct IsochroneSet;  // siterank/host/isochrones.hpp

struct OutputFormat {
  std::string name;                     // "geojson"
  std::vector<std::string> extensions;  // ".geojson"; the first is the usual one
  bool needs_file = false;              // written through a driver to a file name, not a stream
  std::string reads;                    // what opens it, for help text: "QGIS, geojson.io"
};

struct OutputOptions {
  std::size_t top = 0;          // 0 = every ranked parcel
  bool include_vetoed = false;  // vetoed parcels after the ranked ones
  // Vetoed parcels ranked after the rest, scored 0, ties by id, with their
  // veto reasons (implies include_vetoed; `top` counts them too). The
  // analyses (explain's neighbours, sensitivity) concern the ranked parcels.
  bool rank_vetoed = false;
  // Coordinates of GeoJSON and of CSV's point and WKT columns: "" for
  // EPSG:4326, any CRS PROJ knows ("EPSG:4549"), "gcj02" or "bd09". The
  // other formats are always in EPSG:4326.
  std::string crs;
  bool csv_lonlat = false;  // CSV: each parcel's representative point
  bool csv_wkt = false;     // CSV: each parcel's polygon as WKT
  bool style = true;        // GeoJSON: simplestyle colours by score
  unsigned threads = 0;     // formatting threads, 0 = all cores
  // html: drawn on the map as a layer switched off until the reader
  // turns it on (read_isochrones gives them from a file); none when null.
  std::shared_ptr<const IsochroneSet> isochrones;
};

// How the caller's users name the options, for messages ("--crs-out" on
// the command line, "crs" in a program).
struct OutputOptionNames {
  std::string crs = "crs";
  std::string csv_lonlat = "csv_lonlat";
  std::string csv_wkt = "csv_wkt";
  std::string isochrones = "isochrones";
};

// In the order help text lists them.
const std::vector<OutputFormat>& output_formats();
// nullptr when no format has that name.
const OutputFormat* find_output_format(std::string_view name);
// The format whose extensions include `path`'s (case-insensitive), or nullptr.
const OutputFormat* output_format_for_path(const std::string& path);

// "table, csv, json, geojson, gpkg, fgb, kml, html"
std::string output_format_names();
// ".txt, .csv, .json, ..."
std::string output_format_extensions();

// Throws UsageError when `options` do not go with `format` (CSV columns
// asked of another format, a CRS for a format without coordinates,
// isochrones for another format than html) or the
// CRS is unknown or cannot be named in a GeoJSON file. Cheap: call it
// before the run.
void check_output(const OutputFormat& format, const OutputOptions& options,
                  const OutputOptionNames& names = {});

// Throws OutputError when no file can be created beside `target` (a
// missing or read-only directory): call it before the run, so that a bad
// -o fails in milliseconds, not after the scoring. "" and "-" (stdout) pass.
void check_target(const std::string& target);

// Writes `result` to `target` ("" or "-" = stdout, for the formats that
// need no file), replacing a file only once it is complete. Throws
// UsageError as check_output, OutputError when the output cannot be
// written.
void write_result(const RankedResult& result, const OutputFormat& format,
                  const OutputOptions& options, const std::string& target);

// What `write` writes, to `target` as write_result writes a stream format:
// "" or "-" is stdout, a file is replaced only once `write` has returned
// and everything is on disk (a throw from `write` leaves it untouched).
// Throws OutputError when the output cannot be written.
void write_output(const std::string& target, const std::function<void(std::ostream&)>& write);

}  // namespace siterank
