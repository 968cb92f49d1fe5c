#include "data/road_attributes.hpp"

#include <charconv>
#include <cmath>
#include <siterank/columns.hpp>
#include <siterank/number_text.hpp>
#include <string_view>
#include <system_error>

#include "config/road_values.hpp"
#include "data/layer_fields.hpp"

namespace siterank::data_detail {

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// A whole text as a number, blanks around it allowed.
std::optional<double> whole_number(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  s = s.substr(first, s.find_last_not_of(" \t") - first + 1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

bool usable(double v) { return std::isfinite(v) && v > 0; }

}  // namespace

RoadAttributes::RoadAttributes(const LayerSource& s, const OpenedLayer& l, const DatasetManifest& m)
    : s_(s), l_(l) {
  const auto resolve = [&](const char* canonical) {
    const auto it = s.fields.find(canonical);
    if (it == s.fields.end()) return Field{};
    const int idx = source_field(l, it->second, s.json_path + ".fields." + canonical, m);
    return Field{idx, is_numeric(l, idx)};
  };
  class_ = resolve("class");
  speed_ = resolve("speed_kmh");
  time_ = resolve("travel_time_s");
  oneway_ = resolve("oneway");
}

std::vector<int> RoadAttributes::used() const {
  std::vector<int> out;
  for (const Field& f : {class_, speed_, time_, oneway_})
    if (f.idx >= 0) out.push_back(f.idx);
  return out;
}

const std::string& RoadAttributes::source(const char* canonical) const {
  static const std::string none;
  const auto it = s_.fields.find(canonical);
  return it == s_.fields.end() ? none : it->second;
}

std::string RoadAttributes::road_class(OGRFeature& f) const {
  return map_value(s_, "class", text_value(l_, f, class_.idx));
}

double RoadAttributes::own_positive(OGRFeature& f, const Field& field, const char* canonical,
                                    ValueTally& unusable,
                                    std::optional<double> (*parse)(std::string_view)) const {
  if (field.idx < 0 || !f.IsFieldSetAndNotNull(field.idx)) return missing;
  if (field.numeric) {
    const double v = f.GetFieldAsDouble(field.idx);
    if (usable(v)) return v;
    unusable.add(format_general(v), f.GetFID());
    return missing;
  }
  const std::string text = map_value(s_, canonical, text_value(l_, f, field.idx));
  if (blank(text)) return missing;
  if (const auto v = parse(text); v && usable(*v)) return *v;
  unusable.add(text, f.GetFID());
  return missing;
}

double RoadAttributes::speed_kmh(OGRFeature& f) {
  return own_positive(f, speed_, "speed_kmh", unusable_speeds, parse_speed_kmh);
}

// A travel time has no value map (the manifest refuses one), so map_value
// passes its text through.
double RoadAttributes::seconds(OGRFeature& f) {
  return own_positive(f, time_, "travel_time_s", unusable_times, whole_number);
}

std::optional<network::Direction> RoadAttributes::direction(OGRFeature& f,
                                                            std::string& value) const {
  if (oneway_.idx < 0) return network::Direction::both;
  value = map_value(s_, "oneway", text_value(l_, f, oneway_.idx));
  return oneway_direction(value);
}

}  // namespace siterank::data_detail
