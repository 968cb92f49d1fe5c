// The benchmark dataset's synthetic road network (issue 13), over the
// platforms' extent, as a hierarchy a real region has:
//   - a motorway ring round the centre and 8 spokes to the edge, each a
//     dual carriageway (two one-way lines 30 m apart, one of them digitised
//     against its direction, oneway -1), joined to each other and to the
//     arterials they cross by one-way ramps (motorway_link), and otherwise
//     crossing the arterials without a shared vertex (bridges);
//   - an arterial grid (primary / secondary, every `arterial_spacing_m`)
//     with every fourth north-south arterial a one-way pair;
//   - each platform's local streets in the gaps between its blocks (the
//     boundary ones and three quarters of the others)
//     (tertiary every third, residential otherwise, a few one-way), joined
//     to the nearest arterial by a connector road from each corner;
//   - a few disconnected bits (a service loop inside a block, reachable from
//     nothing) and footways (no car speed: the loader skips them).
// Fields: highway (OSM class) and oneway (yes, no, -1). Deterministic for a
// seed and the platforms.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout.hpp"

namespace bench {

struct RoadFeature {
  std::vector<Pt> points;
  const char* highway;
  const char* oneway;  // "yes", "no", "-1"
};

struct RoadStats {
  std::uint64_t features = 0;
  std::uint64_t segments = 0;        // consecutive vertex pairs of car roads
  std::uint64_t directed_edges = 0;  // both ways of a two-way segment count
};

std::vector<RoadFeature> road_network(const std::vector<Platform>& platforms, std::uint64_t seed,
                                      RoadStats& stats);

}  // namespace bench
