// The parts of the road network from which a facility can be reached
// within a time limit: for every segment, the stretches whose points can
// drive to the facility in time, cut at the exact fraction where the time
// runs out, with the time left over at each end (for the access leg an
// isochrone adds around them, network/isochrones.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "network/road_graph.hpp"
#include "network/travel_times.hpp"

namespace siterank::network {

// Segment `segment` from fraction `from` to `to` (0 at Segment::from, 1 at
// Segment::to; from <= to). The time left, limit - time to the facility,
// varies linearly along the stretch from `spare_from_s` to `spare_to_s`,
// both >= 0.
struct ReachedStretch {
  std::uint32_t segment = 0;
  double from = 0.0;
  double to = 0.0;
  double spare_from_s = 0.0;
  double spare_to_s = 0.0;
};

struct Reach {
  // In segment order; on one segment, one stretch per way of leaving it
  // (towards `to`, towards `from`, straight to a facility on it), so they
  // may overlap.
  std::vector<ReachedStretch> stretches;
  double road_m = 0.0;  // the length of road reached, overlaps counted once
};

// Times *to* the facilities are those of nearest_facilities (the reversed
// graph), so a point of segment s at fraction x reaches them, as time_from
// measures it, in the least of:
//   (1 - x)·T + seconds[s.to]     when s may be driven forward,
//   x·T + seconds[s.from]         when s may be driven backward,
//   |f - x|·T + access            for a facility at f on s itself, when s
//                                 may be driven from x towards f,
// T being the segment's time. Each is linear in x, so the points within
// `limit_s` are one stretch per term. On a one-way segment a point can
// only drive on with the traffic, so what is reached of it ends at the
// node the traffic leaves by (or at a facility on it). Throws std::invalid_argument when
// `times` belong to another graph or the limit is not finite and >= 0.
Reach reached_segments(const RoadGraph& graph, const NearestFacility& times, double limit_s);

}  // namespace siterank::network
