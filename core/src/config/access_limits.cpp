#include "config/access_limits.hpp"

#include <algorithm>

namespace siterank {

std::vector<AccessLimit> parse_access_limits(const nlohmann::json& requirements) {
  std::vector<AccessLimit> out;
  const std::pair<const char*, AccessLimit::Measure> keys[] = {
      {"max_minutes", AccessLimit::Measure::road_minutes},
      {"max_km", AccessLimit::Measure::straight_km}};
  for (const auto& [key, measure] : keys) {
    if (!requirements.contains(key)) continue;
    // nlohmann::json objects iterate in key order: the limits come sorted.
    for (const auto& [role, limit] : requirements[key].items())
      out.push_back(
          {role, measure, limit.get<double>(), std::string("$.requirements.") + key + "." + role});
  }
  return out;
}

bool needs_road_network(const std::vector<AccessLimit>& limits) {
  return std::ranges::any_of(
      limits, [](const AccessLimit& l) { return l.measure == AccessLimit::Measure::road_minutes; });
}

}  // namespace siterank
