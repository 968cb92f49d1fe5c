// The colour of a score on maps, shared by the KML and GeoJSON exporters:
// ColorBrewer RdYlGn, five classes of 20 points over 0..100 (the last one
// includes 100): red, orange, yellow, light green, green; grey for vetoed
// parcels. Documented in docs/formats.md.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

namespace siterank {

inline constexpr std::array<const char*, 5> score_ramp{"d7191c", "fdae61", "ffffbf", "a6d96a",
                                                       "1a9641"};
inline constexpr const char* vetoed_colour = "808080";

// "rrggbb" for a score in [0, 100].
inline const char* colour_for(double score) {
  const int k = static_cast<int>(score / 20.0);
  return score_ramp[static_cast<std::size_t>(std::clamp(k, 0, 4))];
}

}  // namespace siterank
