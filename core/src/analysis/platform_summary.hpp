// Per-platform summary of a dataset for `siterank platforms`: leading
// industries from the platforms layer, parcel counts and areas from the
// parcels.
#pragma once

#include <string>
#include <vector>

#include "data/dataset.hpp"

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

// Platforms of the layer with role "platforms" (when loaded) and of the
// parcels' platform field, sorted by name.
std::vector<PlatformSummary> summarize_platforms(const Dataset& dataset);

}  // namespace siterank
