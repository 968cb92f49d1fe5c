#include "config/road_values.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace siterank {

namespace {

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (c != b[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<double> parse_speed_kmh(std::string_view text) {
  const std::string_view s = trimmed(text);
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end == s.data()) return std::nullopt;
  // from_chars also reads "inf" and "nan"; neither is a speed.
  if (!std::isfinite(v) || v <= 0) return std::nullopt;
  const std::string_view unit = trimmed(s.substr(static_cast<std::size_t>(end - s.data())));
  if (unit.empty() || equals_ignoring_case(unit, "km/h") || equals_ignoring_case(unit, "kmh") ||
      equals_ignoring_case(unit, "kph"))
    return v;
  if (equals_ignoring_case(unit, "mph")) return v * 1.609344;
  return std::nullopt;
}

std::optional<network::Direction> oneway_direction(std::string_view value) {
  using network::Direction;
  // OSM's wiki and the OSRM car profile read yes, true and 1 alike.
  if (value == "yes" || value == "true" || value == "1") return Direction::forward;
  if (value == "no" || value == "false" || value == "0" || value.empty()) return Direction::both;
  if (value == "-1") return Direction::backward;
  return std::nullopt;
}

}  // namespace siterank
