// One road line as the graph takes it, apart from the graph itself, so the
// dataset loader can produce lines without pulling in Boost.Graph.
#pragma once

#include <cstdint>
#include <limits>
#include <siterank/geometry.hpp>
#include <vector>

namespace siterank::network {

// Speed of an access leg: the driveway, yard or local lane between a site
// and the nearest mapped road, driven slowly. 15 km/h is the speed of a car
// manoeuvring on site roads (Chinese factory and campus roads are commonly
// signed 5-15 km/h); use 5 km/h to model walking instead.
inline constexpr double kDefaultAccessSpeedKmh = 15.0;

// How the network meets the points it serves (a dataset's roads layer,
// "network" in dataset.json).
struct RoadNetworkSettings {
  double snap_tolerance_m = 1.0;                     // line vertices this close are one node
  double access_speed_kmh = kDefaultAccessSpeedKmh;  // parcel or facility to its nearest road
  double max_access_m = 2000.0;  // no road this close: the point cannot reach the network
};

// Which ways a line may be driven, relative to its digitised point order.
enum class Direction : std::uint8_t { both, forward, backward };

struct RoadLine {
  std::vector<Point> points;  // working CRS, metres, >= 2
  double speed_kmh = 0.0;     // used when `seconds` is NaN
  Direction direction = Direction::both;
  // Optional travel time of the whole line (a dataset's travel-time
  // field), spread over its segments by length; NaN: length / speed.
  double seconds = std::numeric_limits<double>::quiet_NaN();
};

}  // namespace siterank::network
