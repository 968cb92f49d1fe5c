// Shared bits of the CLI tests: the grid fixture dataset, the fixture
// plugins, a CSV reader, and converting the fixture with GDAL's own ogr2ogr.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "cli_runner.hpp"
#include "temp_dir.hpp"

namespace siterank::testing {

inline const std::string grid_dir = SITERANK_TEST_DATA "/grid";
inline const std::string good_plugins = SITERANK_TEST_GOOD_PLUGIN_DIR;

inline std::vector<std::string> with_plugins(std::vector<std::string> args) {
  args.push_back("--plugins-dir");
  args.push_back(good_plugins);
  return args;
}

// Splits simple CSV (quoted fields allowed, no embedded newlines).
inline std::vector<std::map<std::string, std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells{""};
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.emplace_back();
      } else {
        cells.back() += c;
      }
    }
    rows.push_back(cells);
  }
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> m;
    for (std::size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c)
      m[rows[0][c]] = rows[r][c];
    out.push_back(m);
  }
  return out;
}

// Copies the grid fixture's stations and writes a manifest whose parcels
// come from `parcels_source` with `extra` JSON members for the parcels entry.
inline void write_grid_manifest(const TempDir& d, const std::string& parcels_source,
                                const std::string& extra = "") {
  std::filesystem::copy_file(grid_dir + "/stations.geojson", d.file("stations.geojson"),
                             std::filesystem::copy_options::overwrite_existing);
  d.write("dataset.json", R"({"name": "grid copy", "parcels": {"source": ")" + parcels_source +
                              R"(",
      "fields": {"id": "地块编号", "platform": "所属平台", "land_use": "用地性质", "status": "供地状态",
                 "price_wan_per_mu": "出让单价", "power_kva": "供电容量"},
      "values": {"status": {"净地": "ready", "可出让": "available", "储备": "reserved", "征迁中": "clearance"}})" +
                              extra + R"(},
      "layers": {"stations": {"role": "stations", "source": "stations.geojson", "fields": {"name": "站名"}}}})");
}

inline Outcome ogr2ogr(const std::vector<std::string>& args) {
  return run_program("ogr2ogr", args);
}

}  // namespace siterank::testing
