// Which facilities a parcel reaches by road within a time limit, and in how
// long: "workers living within a 30-minute drive". Where travel_times keeps
// only the nearest facility per node, this keeps every facility within the
// limit: one Dijkstra per facility over the reversed graph, stopped at the
// limit, so the cost is the sum of the facilities' reached areas, not a
// search per parcel.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "network/network_attachment.hpp"
#include "network/road_graph.hpp"
#include "network/travel_times.hpp"

namespace siterank::network {

// A facility reached from a node or a parcel, and the time it takes.
struct ReachedFacility {
  std::uint32_t facility = 0;  // an index into the facilities given
  double seconds = 0.0;        // access legs included
};

struct FacilityReach {
  double max_seconds = 0.0;
  // Per node n, entries [offsets[n], offsets[n + 1]) of `entries`: the
  // facilities reached from n within max_seconds, by facility index.
  std::vector<std::uint32_t> offsets;
  std::vector<ReachedFacility> entries;
  // The facilities by (segment, facility), for parcels on their segment.
  std::vector<AttachedFacility> attached;

  std::span<const ReachedFacility> from_node(std::uint32_t n) const {
    return {entries.data() + offsets[n], entries.data() + offsets[n + 1]};
  }
};

// `facilities[k]` is facility k's attachment; std::nullopt (no road within
// reach) leaves it out. Throws std::invalid_argument for a bad access speed
// or a limit that is not finite and >= 0.
FacilityReach facility_reach(const RoadGraph& graph,
                             std::span<const std::optional<Attachment>> facilities,
                             double max_seconds, double access_speed_kmh = kDefaultAccessSpeedKmh);

// The facilities a parcel attached at `parcel` reaches within the limit:
// its access leg, along its segment to an end node it may drive to (or to a
// facility on the same segment), then that node's times; each facility once
// at its best time, sorted by seconds, then facility index. Pure and const.
void reach_from(const RoadGraph& graph, const Attachment& parcel, const FacilityReach& reach,
                double access_speed_kmh, std::vector<ReachedFacility>& out);

}  // namespace siterank::network
