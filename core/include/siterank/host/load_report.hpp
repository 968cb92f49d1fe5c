// What loading a dataset's parcels kept, repaired and skipped, for the
// summary line and the exports' counts. Standard library only.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace siterank {

// A parcel feature the loader left out, and why.
struct SkippedParcel {
  std::string id;       // "" when the feature has no id
  std::string message;  // "parcel 'X' (feature 12): no geometry"
};

struct LoadReport {
  std::size_t parcels_read = 0;       // features in the parcels layer
  std::size_t parcels_loaded = 0;     // kept, repaired ones included
  std::vector<std::string> repaired;  // "parcel 'X': invalid geometry repaired (MakeValid)"
  std::vector<SkippedParcel> skipped;
  std::vector<std::string> notes;  // CRS overrides and the like
  // Problems met while running that did not change the result: a road
  // network cache that could not be read or written ("road network cache
  // DIR: ...; going on without it").
  std::vector<std::string> warnings;

  // The skip of the parcel with this id, or null.
  const SkippedParcel* skipped_parcel(const std::string& parcel_id) const {
    for (const auto& s : skipped)
      if (!s.id.empty() && s.id == parcel_id) return &s;
    return nullptr;
  }
};

}  // namespace siterank
