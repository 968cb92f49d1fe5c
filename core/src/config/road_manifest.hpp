// The road network layer of a manifest (role "roads"): its canonical
// fields, value maps, class speeds and network settings, checked before
// any layer is opened. The schema checks types and ranges; this checks
// what depends on the role. See docs/formats.md, "Road network layer".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "config/manifest.hpp"

namespace siterank {

inline constexpr char roads_role[] = "roads";

// Canonical road fields; `class` is required.
inline constexpr const char* road_fields[] = {"class", "oneway", "speed_kmh", "travel_time_s"};

// For a layer with role roads: checks s.fields and s.values and reads
// $.speeds and $.network of `layer` (its JSON) into s. For any other role:
// refuses speeds and network. Throws InputError naming `manifest_path` and
// the JSON path.
void read_road_settings(const nlohmann::json& layer, LayerSource& s,
                        const std::string& manifest_path);

}  // namespace siterank
