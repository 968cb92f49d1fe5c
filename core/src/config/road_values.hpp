// Road attribute values as datasets write them: speeds ("60", "60 mph",
// OSM's maxspeed convention) and oneway flags (OSM's yes / no / -1). The
// manifest checks its value maps with them and the road loader reads each
// feature with them, so both accept exactly the same values.
#pragma once

#include <optional>
#include <string_view>

#include "network/road_line.hpp"

namespace siterank {

// A positive, finite speed in km/h from text: a number, optionally followed
// (with or without a space) by `km/h`, `kmh`, `kph` or `mph` (converted at
// 1.609344 km per mile), case-insensitive; surrounding blanks ignored.
// std::nullopt for anything else: OSM's "none", "walk", "signals",
// "CN:urban", "50;60", a zero or negative number.
std::optional<double> parse_speed_kmh(std::string_view text);

// The direction an oneway value allows, relative to the digitised order:
// `yes`, `true`, `1` forward; `no`, `false`, `0` and "" both ways; `-1`
// backward (OSM: against the way's direction). std::nullopt for anything
// else (OSM's `reversible`, `alternating`), which a manifest must map.
std::optional<network::Direction> oneway_direction(std::string_view value);

// What a manifest's value map for oneway may map to.
inline constexpr std::string_view canonical_oneway[] = {"yes", "no", "-1"};

}  // namespace siterank
