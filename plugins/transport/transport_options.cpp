// The transport criterion's options, layers and configuration: everything
// settled once per run, before any parcel is scored.
#include <algorithm>
#include <cmath>
#include <limits>
#include <siterank/number_text.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "transport_criterion.hpp"

namespace siterank::plugins {

namespace {

constexpr const char* kVersion = "1.1.0";

// Defaults per mode: full marks within a few minutes' drive (or a short walk
// to the metro), nothing beyond about an hour's drive.
ValueFunction default_function(std::string_view mode) {
  if (mode == "interchange") return ValueFunction::linear(25000.0, 3000.0);
  if (mode == "freight_rail" || mode == "high_speed_rail")
    return ValueFunction::linear(40000.0, 5000.0);
  if (mode == "metro") return ValueFunction::exp_decay(1000.0);
  return ValueFunction::linear(60000.0, 10000.0);  // cargo_airport, airport
}

// Which modes serve each need, as shares (normalised per need).
NumberMap default_shares(std::string_view need) {
  if (need == "freight_trucks") return {{"interchange", 0.8}, {"freight_rail", 0.2}};
  if (need == "air_cargo") return {{"cargo_airport", 1.0}};
  if (need == "staff_commuting") return {{"metro", 1.0}};
  return {{"high_speed_rail", 0.6}, {"airport", 0.4}};  // business_travel
}

// By road, in minutes: the same reach as the distances above at urban
// driving speeds (about 50 km/h door to door: 25 km is half an hour).
ValueFunction default_time_function(std::string_view mode) {
  if (mode == "interchange") return ValueFunction::linear(30.0, 5.0);
  if (mode == "freight_rail" || mode == "high_speed_rail") return ValueFunction::linear(45.0, 8.0);
  return ValueFunction::linear(75.0, 15.0);  // cargo_airport, airport
}

std::string function_option_name(std::string_view mode) { return std::string(mode) + "_function"; }
std::string time_function_option_name(std::string_view mode) {
  return std::string(mode) + "_time_function";
}
std::string shares_option_name(std::string_view need) { return std::string(need) + "_modes"; }

std::vector<std::string> mode_names() {
  std::vector<std::string> v;
  for (const auto& m : TransportCriterion::modes) v.emplace_back(m.name);
  return v;
}

OptionSpec make_option(std::string name, OptionType type, OptionValue fallback, std::string unit,
                       std::string description) {
  OptionSpec o;
  o.name = std::move(name);
  o.type = type;
  o.default_value = std::move(fallback);
  o.unit = std::move(unit);
  o.description = std::move(description);
  return o;
}

[[noreturn]] void refuse(const std::string& option, const std::string& why) {
  throw std::invalid_argument("option '" + option + "': " + why);
}

double detour(const Options& options, const std::string& option) {
  const double v = options.number(option);
  if (!(v >= 1.0 && std::isfinite(v)))
    refuse(option, "a detour factor is >= 1 (no path is shorter than the straight line)");
  return v;
}

// Sums a shares or needs map over `keys` (the host has checked the keys).
double map_sum(const NumberMap& m, const std::string& option) {
  double sum = 0.0;
  for (const auto& [key, v] : m) {
    if (!(v >= 0.0 && std::isfinite(v))) refuse(option, "'" + key + "' must be >= 0");
    sum += v;
  }
  return sum;
}

double value_or_zero(const NumberMap& m, std::string_view key) {
  const auto it = m.find(key);
  return it == m.end() ? 0.0 : it->second;
}

}  // namespace

CriterionInfo TransportCriterion::describe() const {
  CriterionInfo info;
  info.name = "transport";
  info.version = kVersion;
  info.description =
      "Access to expressway interchanges, rail hubs, the airport and metro stations, weighted by "
      "the project's logistics needs";
  auto& o = info.options;
  OptionSpec road = make_option("road_detour", OptionType::number, 1.3, "ratio",
                                "Road distance / straight-line distance, for every mode but metro");
  road.minimum = 1.0;
  road.maximum = 5.0;
  o.push_back(road);
  OptionSpec walk = make_option("walk_detour", OptionType::number, 1.2, "ratio",
                                "Walking distance / straight-line distance, to metro stations");
  walk.minimum = 1.0;
  walk.maximum = 5.0;
  o.push_back(walk);
  o.push_back(make_option("use_road_network", OptionType::boolean, true, "",
                          "When the dataset has a road network (a layer with role roads), score "
                          "the modes reached by road on travel time in minutes; else, or when "
                          "false, on distance"));
  for (const Mode& m : modes) {
    o.push_back(make_option(function_option_name(m.name), OptionType::value_function,
                            default_function(m.name), "m",
                            std::string("Score of the travel distance to the nearest ") + m.what +
                                "; must not rise with distance"));
    if (m.leg == Leg::road)
      o.push_back(make_option(time_function_option_name(m.name), OptionType::value_function,
                              default_time_function(m.name), "min",
                              std::string("Score of the travel time by road to the nearest ") +
                                  m.what + ", with a road network; must not rise with time"));
  }
  for (const char* need : need_names) {
    OptionSpec s =
        make_option(shares_option_name(need), OptionType::number_map, default_shares(need), "share",
                    std::string("Modes that serve the ") + need +
                        " need, as shares (normalised; a mode left out counts 0)");
    s.minimum = 0.0;
    s.choices = mode_names();
    o.push_back(s);
  }
  OptionSpec defaults = make_option(
      "default_needs", OptionType::number_map,
      NumberMap{{"freight_trucks", 0.6},
                {"air_cargo", 0.1},
                {"staff_commuting", 0.5},
                {"business_travel", 0.3}},
      "importance", "Logistics needs (0..1) used when the profile states none (all zero)");
  defaults.minimum = 0.0;
  defaults.maximum = 1.0;
  defaults.choices = {need_names.begin(), need_names.end()};
  o.push_back(defaults);
  o.push_back(make_option("require_needed_layers", OptionType::boolean, false, "",
                          "Refuse to run when a mode the needs weigh has no layer or no matching "
                          "features, instead of dropping it and renormalising the weights"));

  info.parcel_fields = {};  // only the representative point, which every parcel has
  info.layers.push_back({"interchanges",
                         GeometryKind::point,
                         {},
                         false,
                         "expressway interchanges: truck access, the backbone of every "
                         "industrial site's transport",
                         {}});
  info.layers.push_back({"rail_hubs",
                         GeometryKind::point,
                         {"kind"},
                         true,
                         "freight rail (kind freight) and high-speed rail (kind high_speed) hubs",
                         {}});
  info.layers.push_back(
      {"airports",
       GeometryKind::point,
       {},
       true,
       "airports; cargo = 1 marks those handling air cargo (without it: no cargo mode)",
       {"cargo"}});
  info.layers.push_back(
      {"metro_stations", GeometryKind::point, {}, true, "metro stations, for staff commuting", {}});
  info.profile_fields = {"$.logistics"};
  return info;
}

std::array<double, TransportCriterion::need_count> TransportCriterion::effective_needs(
    const ProjectProfile& profile, const Options& options, bool& from_profile) {
  const LogisticsNeeds& l = profile.logistics;
  const std::array<double, need_count> stated = {l.freight_trucks, l.air_cargo, l.staff_commuting,
                                                 l.business_travel};
  from_profile = std::any_of(stated.begin(), stated.end(),
                             [](double v) { return std::isfinite(v) && v > 0.0; });
  const NumberMap& default_needs = options.number_map("default_needs");
  if (!(map_sum(default_needs, "default_needs") > 0.0))
    refuse("default_needs", "every need is 0, so a profile without needs would score nothing");
  std::array<double, need_count> out{};
  for (std::size_t n = 0; n < need_count; ++n)
    out[n] = from_profile ? (std::isfinite(stated[n]) ? std::max(stated[n], 0.0) : 0.0)
                          : value_or_zero(default_needs, need_names[n]);
  return out;
}

std::array<double, TransportCriterion::mode_count> TransportCriterion::need_weights(
    const std::array<double, need_count>& need_values, const Options& options) {
  std::array<double, mode_count> w{};
  for (std::size_t n = 0; n < need_count; ++n) {
    const std::string option = shares_option_name(need_names[n]);
    const NumberMap& shares = options.number_map(option);
    const double sum = map_sum(shares, option);
    if (!(sum > 0.0)) refuse(option, std::string("no mode serves ") + need_names[n]);
    for (std::size_t m = 0; m < mode_count; ++m)
      w[m] += need_values[n] * value_or_zero(shares, modes[m].name) / sum;
  }
  return w;
}

CriterionNeeds TransportCriterion::needs(const ProjectProfile& profile,
                                         const Options& options) const {
  CriterionNeeds n = CriterionNeeds::declared(describe());
  bool from_profile = false;
  const std::array<double, mode_count> w =
      need_weights(effective_needs(profile, options, from_profile), options);
  const bool require_needed = options.boolean("require_needed_layers");
  // A role is needed when a mode of it has weight; required when, besides,
  // require_needed_layers is set (interchanges always are: the backbone).
  std::vector<LayerRequirement> layers;
  for (LayerRequirement& l : n.layers) {
    bool weighed = false;
    for (std::size_t m = 0; m < mode_count; ++m)
      if (modes[m].role == l.role && w[m] > 0.0) weighed = true;
    if (!weighed && l.role != std::string_view("interchanges")) continue;
    if (weighed && require_needed) l.optional = false;
    layers.push_back(std::move(l));
  }
  n.layers = std::move(layers);
  for (std::size_t m = 0; m < mode_count; ++m)
    if (modes[m].leg == Leg::road && w[m] > 0.0)
      n.road_network = options.boolean("use_road_network");
  return n;
}

void TransportCriterion::configure(const ProjectProfile& profile, const Options& options,
                                   const ReferenceData& reference) {
  distance_ = std::make_unique<DetourDistance>(detour(options, "road_detour"),
                                               detour(options, "walk_detour"));
  const bool require_needed = options.boolean("require_needed_layers");
  const bool by_road = options.boolean("use_road_network") && reference.has_road_network();
  network_ = by_road ? reference.road_network_description() : std::string();

  needs_ = effective_needs(profile, options, needs_from_profile_);
  const std::array<double, mode_count> weights = need_weights(needs_, options);
  for (std::size_t m = 0; m < mode_count; ++m) {
    ModeState& s = state_[m];
    s = ModeState{};
    s.need_weight = weights[m];
    s.value = options.value_function(function_option_name(modes[m].name));
    s.value.require_never_rises(function_option_name(modes[m].name), 0.0,
                                std::numeric_limits<double>::max());
    if (modes[m].leg != Leg::road) continue;
    s.by_road = by_road;
    s.time_value = options.value_function(time_function_option_name(modes[m].name));
    s.time_value.require_never_rises(time_function_option_name(modes[m].name), 0.0,
                                     std::numeric_limits<double>::max());
  }

  // Which modes the dataset can score.
  if (!reference.layer("interchanges"))
    throw std::invalid_argument(
        "the dataset has no 'interchanges' layer, which the transport criterion needs");
  const double inf = std::numeric_limits<double>::infinity();
  for (std::size_t m = 0; m < mode_count; ++m) {
    ModeState& s = state_[m];
    const std::string_view name = modes[m].name;
    const ReferenceLayer* layer = reference.layer(modes[m].role);
    if (!layer || layer->size() == 0) {
      s.absent_reason = std::string("the dataset has no ") + modes[m].role + " layer";
      if (layer) s.absent_reason = std::string("the ") + modes[m].role + " layer is empty";
      continue;
    }
    if (name == "freight_rail" || name == "high_speed_rail") {
      s.filtered = true;
      s.filter = {"kind", {name == "freight_rail" ? "freight" : "high_speed"}, -inf, inf};
    } else if (name == "cargo_airport") {
      s.filtered = true;
      const AttributeColumn* cargo = layer->attribute("cargo");
      if (cargo && cargo->kind == AttributeColumn::Kind::number)
        s.filter = {"cargo", {}, 1.0, inf};
      else  // a text column (or none, which matches nothing)
        s.filter = {"cargo", {"1", "true", "yes"}, -inf, inf};
    }
    // The host's own filter semantics decide whether anything matches.
    s.present =
        !reference.nearest(*layer, Point{0.0, 0.0}, 1, s.filtered ? &s.filter : nullptr).empty();
    if (!s.present)
      s.absent_reason = std::string("the ") + modes[m].role + " layer has no " + modes[m].what;
  }

  double present_weight = 0.0;
  for (std::size_t m = 0; m < mode_count; ++m) {
    const ModeState& s = state_[m];
    if (s.present) present_weight += s.need_weight;
    if (!s.present && s.need_weight > 0.0 && require_needed) {
      throw std::invalid_argument(std::string("mode ") + modes[m].name + " is needed (weight " +
                                  format_general(s.need_weight) + ") but " + s.absent_reason +
                                  " and require_needed_layers is set");
    }
  }
  if (!(present_weight > 0.0))
    throw std::invalid_argument(
        "none of the modes the logistics needs weigh can be scored with this dataset");
  for (ModeState& s : state_) s.weight = s.present ? s.need_weight / present_weight : 0.0;
}

}  // namespace siterank::plugins
