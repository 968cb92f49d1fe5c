// The profile's access limits ($.requirements.max_minutes and
// $.requirements.max_km): "no more than 30 minutes by road to a rail hub",
// "no more than 20 km to an airport". The host enforces them like the other
// requirements (scoring/access_limits.hpp), whichever criteria are weighted.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace siterank {

struct AccessLimit {
  enum class Measure { road_minutes, straight_km };
  std::string role;  // the reference layer's role
  Measure measure = Measure::road_minutes;
  double limit = 0.0;  // minutes or kilometres
  std::string path;    // "$.requirements.max_minutes.rail_hubs", for messages
};

// From the $.requirements object (already schema-checked: positive numbers
// keyed by role), minutes first, each by role name.
std::vector<AccessLimit> parse_access_limits(const nlohmann::json& requirements);

bool needs_road_network(const std::vector<AccessLimit>& limits);

}  // namespace siterank
