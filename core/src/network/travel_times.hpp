// Times by road to the nearest of a set of facilities: one multi-source
// Dijkstra over the reversed graph gives every node its time to the nearest
// facility and which one it is (O(E log V) per facility layer, not per
// parcel); a parcel then needs only its attachment's two end nodes.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "network/network_attachment.hpp"
#include "network/road_graph.hpp"

namespace siterank::network {

inline constexpr std::uint32_t kNoFacility = std::numeric_limits<std::uint32_t>::max();

// A facility's attachment, kept for parcels on the same segment.
struct AttachedFacility {
  std::uint32_t segment = 0;
  std::uint32_t facility = 0;
  double fraction = 0.0;
  double access_s = 0.0;
};

struct NearestFacility {
  // Per node: seconds from the node to the nearest facility, access leg
  // included; +inf when none can be reached.
  std::vector<double> seconds;
  // Per node: that facility (an index into the facilities given), the
  // lowest index among equally near ones; kNoFacility when unreachable.
  std::vector<std::uint32_t> facility;
  // The facilities by (segment, facility).
  std::vector<AttachedFacility> attached;
};

// `facilities[k]` is facility k's attachment; std::nullopt (no road within
// reach) leaves it out and keeps the indices of the others. Throws
// std::invalid_argument for a bad access speed.
NearestFacility nearest_facilities(const RoadGraph& graph,
                                   std::span<const std::optional<Attachment>> facilities,
                                   double access_speed_kmh = kDefaultAccessSpeedKmh);

struct FacilityTime {
  double seconds = std::numeric_limits<double>::infinity();  // +inf: unreachable
  std::uint32_t facility = kNoFacility;
};

// The time from a parcel attached at `parcel` to its nearest facility: its
// access leg, then along its segment to an end node it may drive to (or
// straight to a facility on the same segment), then that node's time. Pure
// and const, so parcels can be computed in any order or thread with the
// same result.
FacilityTime time_from(const RoadGraph& graph, const Attachment& parcel,
                       const NearestFacility& nearest,
                       double access_speed_kmh = kDefaultAccessSpeedKmh);

}  // namespace siterank::network
