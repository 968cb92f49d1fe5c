// A dataset's industrial platforms, as `siterank platforms` lists them:
// each platform's district, leading industries, parcel counts, area and
// the area open now. Standard library only.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace siterank {

struct PlatformSummary {
  std::string name;
  std::string district;
  std::vector<std::string> industries;  // taxonomy codes, leading first
  std::string description;
  std::size_t parcels = 0;
  std::size_t ready = 0;      // status ready (净地)
  std::size_t available = 0;  // status available
  double area_m2 = 0.0;
  double open_area_m2 = 0.0;  // ready + available: what can be offered now
  bool in_layer = false;      // drawn in the platforms layer
};

struct DatasetPlatforms {
  std::string dataset;  // the manifest's name
  std::size_t parcels = 0;
  // Those of the layer with role "platforms" (when the manifest has one)
  // and of the parcels' platform field, sorted by name.
  std::vector<PlatformSummary> platforms;
};

// Reads the parcels and the platforms layer of the dataset folder ("" =
// the sample dataset installed with the host). Throws InputError.
DatasetPlatforms dataset_platforms(const std::string& dataset_dir);

// The industry's Chinese name in the built-in taxonomy
// ("integrated_circuits" -> "集成电路"), or the code when it has none.
std::string industry_name_zh(const std::string& code);

}  // namespace siterank
