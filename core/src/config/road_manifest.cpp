#include "config/road_manifest.hpp"

#include <algorithm>
#include <iterator>
#include <siterank/host/errors.hpp>
#include <string_view>

#include "config/road_values.hpp"

namespace siterank {

namespace {

std::string joined(const auto& names) {
  std::string out;
  for (std::string_view n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

void check_fields(const LayerSource& s, const std::string& where) {
  for (const auto& [canonical, src] : s.fields)
    if (std::none_of(std::begin(road_fields), std::end(road_fields),
                     [&](std::string_view f) { return canonical == f; }))
      throw InputError(where + ".fields: unknown key '" + canonical + "' (allowed for role " +
                       roads_role + ": " + joined(road_fields) + ")");
  if (!s.fields.count("class"))
    throw InputError(where +
                     ".fields: missing required key 'class' (the field with the road class, "
                     "e.g. OSM highway)");
}

// Value maps translate text: the class and oneway vocabularies, and speed
// tags with no number in them (OSM "CN:urban" -> "50"). A travel time is a
// number of seconds, with nothing to translate.
void check_values(const LayerSource& s, const std::string& where) {
  constexpr std::string_view mappable[] = {"class", "oneway", "speed_kmh"};
  for (const auto& [field, map] : s.values) {
    const std::string at = where + ".values." + field;
    if (std::find(std::begin(mappable), std::end(mappable), field) == std::end(mappable))
      throw InputError(where + ".values: unknown key '" + field + "' (allowed for role " +
                       roads_role + ": " + joined(mappable) + ")");
    if (!s.fields.count(field))
      throw InputError(at + ": field '" + field + "' is not mapped in " + s.json_path + ".fields");
    for (const auto& [from, to] : map) {
      if (field == "oneway" && std::find(std::begin(canonical_oneway), std::end(canonical_oneway),
                                         to) == std::end(canonical_oneway))
        throw InputError(at + "." + from + ": '" + to + "' is not a canonical oneway value (" +
                         joined(canonical_oneway) + ")");
      if (field == "speed_kmh" && !parse_speed_kmh(to))
        throw InputError(at + "." + from + ": '" + to +
                         "' is not a speed (a positive number of km/h, optionally followed by "
                         "km/h or mph)");
    }
  }
}

}  // namespace

void read_road_settings(const nlohmann::json& layer, LayerSource& s,
                        const std::string& manifest_path) {
  const std::string where = manifest_path + ": " + s.json_path;
  if (s.role != roads_role) {
    for (const char* key : {"speeds", "network"})
      if (layer.contains(key))
        throw InputError(where + "." + key + ": only the layer with role '" + roads_role +
                         "' takes " + key + " (this layer's role is '" + s.role + "')");
    return;
  }
  check_fields(s, where);
  check_values(s, where);
  // The schema has made every speed a number > 0 and every setting a number
  // in range, so reading cannot fail here.
  if (layer.contains("speeds"))
    for (const auto& [road_class, speed] : layer["speeds"].items())
      s.speeds[road_class] = speed.get<double>();
  if (layer.contains("network")) {
    const auto& n = layer["network"];
    RoadNetworkSettings& out = s.network;
    out.snap_tolerance_m = n.value("snap_tolerance_m", out.snap_tolerance_m);
    out.access_speed_kmh = n.value("access_speed_kmh", out.access_speed_kmh);
    out.max_access_m = n.value("max_access_m", out.max_access_m);
  }
}

}  // namespace siterank
