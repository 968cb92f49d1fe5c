// One road line as the graph takes it, apart from the graph itself, so the
// dataset loader can produce lines without pulling in Boost.Graph.
#pragma once

#include <cstdint>
#include <limits>
#include <siterank/geometry.hpp>
#include <vector>

namespace siterank::network {

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
