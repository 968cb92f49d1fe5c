// Default free-flow car speeds per road class (OSM `highway` values), the
// overrides a dataset may give, and the one metres-at-km/h conversion the
// network code uses.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace siterank::network {

struct RoadClassSpeed {
  std::string_view road_class;  // OSM highway value, e.g. "primary_link"
  double speed_kmh;
};

// The defaults, in the order of the table in docs/formats.md.
std::span<const RoadClassSpeed> default_road_class_speeds();

using SpeedOverrides = std::map<std::string, double, std::less<>>;

// Speeds by class: the defaults with overrides merged over them. An
// override may also name a class the defaults lack (a local vocabulary).
class RoadClassSpeeds {
 public:
  RoadClassSpeeds();  // the defaults
  // Throws std::invalid_argument naming the class when an override is not
  // a positive, finite speed.
  explicit RoadClassSpeeds(const SpeedOverrides& overrides);

  // Exact, case-sensitive match (OSM values are lower case); std::nullopt
  // for a class neither the defaults nor the overrides know, so the caller
  // can name the road and its class in the error.
  std::optional<double> speed_kmh(std::string_view road_class) const;

 private:
  SpeedOverrides speeds_;
};

// Seconds to cover `metres` at `speed_kmh` (1000 m at 36 km/h = 100 s).
inline double travel_seconds(double metres, double speed_kmh) { return metres * 3.6 / speed_kmh; }

}  // namespace siterank::network
