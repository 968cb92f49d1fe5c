#include "network/road_classes.hpp"

#include <cmath>
#include <siterank/number_text.hpp>
#include <stdexcept>

namespace siterank::network {

namespace {

// Free-flow speeds for urban and peri-urban China, before congestion. The
// main roads take the design speed of their Chinese class (CJJ 37-2012 /
// GB 50220-95 urban roads: 快速路 60-100, 主干路 40-60, 次干路 30-50, 支路
// 20-40 km/h; JTG B01-2014 highways: 高速公路 80-120 km/h); OSM tags 高速
// as motorway, 快速路 and 国道/一级公路 as trunk, 主干路 as primary, 次干路
// as secondary, 支路 as tertiary/residential. That sits close to OSRM's
// car profile (motorway 90, trunk 85, primary 65, secondary 55, tertiary
// 40, residential 25, service 15), a little faster on motorways (China's
// 100-120 limits) and slower on trunks (urban 快速路 with signals at their
// ends). Ramps (`_link`) run at about 60-65 % of their road: interchange
// ramps are designed for 40-60 km/h (JTG D20) and end at junctions.
constexpr RoadClassSpeed kDefaults[] = {
    {"motorway", 100.0},     {"motorway_link", 60.0},  {"trunk", 80.0},
    {"trunk_link", 50.0},    {"primary", 60.0},        {"primary_link", 40.0},
    {"secondary", 50.0},     {"secondary_link", 30.0}, {"tertiary", 40.0},
    {"tertiary_link", 25.0}, {"residential", 30.0},    {"service", 20.0},
    {"unclassified", 30.0},
};

}  // namespace

std::span<const RoadClassSpeed> default_road_class_speeds() { return kDefaults; }

RoadClassSpeeds::RoadClassSpeeds() {
  for (const auto& d : kDefaults) speeds_.emplace(std::string(d.road_class), d.speed_kmh);
}

RoadClassSpeeds::RoadClassSpeeds(const SpeedOverrides& overrides) : RoadClassSpeeds() {
  for (const auto& [road_class, speed] : overrides) {
    if (!std::isfinite(speed) || speed <= 0)
      throw std::invalid_argument("road class '" + road_class + "': speed must be a positive, " +
                                  "finite km/h, got " + format_general(speed));
    speeds_[road_class] = speed;
  }
}

std::optional<double> RoadClassSpeeds::speed_kmh(std::string_view road_class) const {
  const auto it = speeds_.find(road_class);
  if (it == speeds_.end()) return std::nullopt;
  return it->second;
}

}  // namespace siterank::network
