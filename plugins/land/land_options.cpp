// The land criterion's declaration (options, fields, layers) and
// configure(): options are parsed into LandSettings and checked for
// consistency with each other and with the profile.
#include <limits>
#include <siterank/number_text.hpp>
#include <siterank/parcels.hpp>
#include <stdexcept>

#include "land_criterion.hpp"

namespace siterank::plugins {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

OptionSpec number(std::string name, double def, std::string unit, std::string description,
                  double min = 0.0, double max = inf) {
  return OptionSpec::number(std::move(name), def, std::move(unit), std::move(description), min,
                            max);
}

OptionSpec function(std::string name, ValueFunction def, std::string measure) {
  return OptionSpec::value_function(std::move(name), std::move(def), "score",
                                    "value function of the " + std::move(measure));
}

// Default sub-score weights; they sum to 100 so each reads as a percentage.
constexpr std::array<double, land_sub_count> default_weights = {20, 15, 15, 15, 5, 5, 10, 5, 7, 3};

std::string weight_option(std::size_t k) { return std::string("weight_") + land_sub_names[k]; }

void check_status_scores(const NumberMap& scores) {
  for (const char* status : parcel_statuses)
    if (scores.find(status) == scores.end())
      throw std::invalid_argument(std::string("option 'status_scores': no score for status '") +
                                  status +
                                  "' (give all of ready, available, reserved, "
                                  "clearance, occupied)");
  const auto at = [&](const char* s) { return scores.find(s)->second; };
  if (at("ready") < at("available") || at("available") < at("reserved") ||
      at("available") < at("clearance"))
    throw std::invalid_argument(
        "option 'status_scores': must rank ready >= available >= reserved and clearance");
}

LandSettings parse_settings(const Options& o) {
  LandSettings s;
  double total_weight = 0.0;
  for (std::size_t k = 0; k < land_sub_count; ++k) {
    s.weights[k] = o.number(weight_option(k));
    if (s.weights[k] < 0.0) throw std::invalid_argument(weight_option(k) + " must be >= 0");
    total_weight += s.weights[k];
  }
  if (!(total_weight > 0.0)) throw std::invalid_argument("land: all sub-score weights are 0");
  s.readiness_weight_immediate = o.number("weight_readiness_immediate");

  s.area_shortfall = o.value_function("area_shortfall_function");
  s.area_excess = o.value_function("area_excess_function");
  s.price = o.value_function("price_function");
  s.compactness = o.value_function("compactness_function");
  s.width = o.value_function("width_function");
  s.plot_ratio = o.value_function("plot_ratio_function");
  s.height = o.value_function("height_function");
  s.power = o.value_function("power_function");
  s.area_shortfall.require_never_rises("area_shortfall_function", 0, 1);
  s.area_excess.require_never_rises("area_excess_function", 0, 10);
  s.price.require_never_rises("price_function", 0, 5);
  s.compactness.require_never_falls("compactness_function", 0, 1);
  s.width.require_never_falls("width_function", 0, 5);
  s.plot_ratio.require_never_rises("plot_ratio_function", 1, 10);
  s.height.require_never_rises("height_function", 0, 5);
  s.power.require_never_falls("power_function", 0, 5);

  s.partial_land_use_score = o.number("partial_land_use_score");
  s.status_scores = o.number_map("status_scores");
  check_status_scores(s.status_scores);
  s.non_ready_factor_immediate = o.number("non_ready_factor_immediate");
  s.min_width_m = o.number("min_width_m");
  if (!(s.min_width_m > 0.0)) throw std::invalid_argument("option 'min_width_m' must be > 0");
  s.dual_circuit_field = o.text("dual_circuit_field");
  s.unknown_score = o.number("unknown_score");
  return s;
}

}  // namespace

CriterionInfo LandCriterion::describe() const {
  CriterionInfo info;
  info.name = "land";
  info.version = "1.0.0";
  info.description =
      "Land fit: area, land-use compatibility, readiness, price, shape, plot ratio and height, "
      "power; vetoes land uses the project type does not allow";
  auto& o = info.options;
  const std::array<const char*, land_sub_count> what = {
      "area against the land need",
      "land-use compatibility",
      "availability and readiness",
      "price against the budget",
      "compactness 4πA/P²",
      "footprint width",
      "plot ratio (容积率) against the floor area needed",
      "height limit against the building height",
      "power capacity against the need",
      "dual-circuit power when the project needs it"};
  for (std::size_t k = 0; k < land_sub_count; ++k)
    o.push_back(number(weight_option(k), default_weights[k], "",
                       std::string("weight of the sub-score for ") + what[k]));
  o.push_back(number("weight_readiness_immediate", 30, "",
                     "weight of readiness instead of weight_readiness when the profile says "
                     "start_immediately (拿地即开工)"));
  o.push_back(function("area_shortfall_function", ValueFunction::linear(0.5, 0.0),
                       "shortfall below the minimum land need, as a fraction of it"));
  o.push_back(function("area_excess_function", ValueFunction::linear(1.0, 0.0),
                       "excess above the maximum land need, as a fraction of it"));
  o.push_back(number("partial_land_use_score", 50, "score",
                     "score of a land-use code the matrix marks partially compatible", 0, 100));
  OptionSpec statuses;
  statuses.name = "status_scores";
  statuses.type = OptionType::number_map;
  statuses.default_value = NumberMap{
      {"ready", 100}, {"available", 70}, {"reserved", 30}, {"clearance", 20}, {"occupied", 0}};
  statuses.unit = "score";
  statuses.description =
      "readiness score of each parcel status (all five, ready >= available >= "
      "reserved and clearance)";
  statuses.minimum = 0;
  statuses.maximum = 100;
  statuses.choices = {std::begin(parcel_statuses), std::end(parcel_statuses)};
  o.push_back(std::move(statuses));
  o.push_back(number("non_ready_factor_immediate", 0.5, "",
                     "readiness multiplier of a parcel not known to be ready when the profile "
                     "says start_immediately",
                     0, 1));
  o.push_back(function("price_function", ValueFunction::linear(1.5, 0.5),
                       "price to budget ratio (万元/亩 over max_price_wan_per_mu)"));
  o.push_back(function("compactness_function", ValueFunction::linear(0.3, 0.7),
                       "compactness 4πA/P² (1 circle, 0.785 square)"));
  o.push_back(number("min_width_m", 60, "m",
                     "narrowest side a factory footprint needs (width of the minimum-area "
                     "enclosing rectangle)"));
  o.push_back(
      function("width_function", ValueFunction::linear(0.5, 1.0), "parcel width over min_width_m"));
  o.push_back(function("plot_ratio_function", ValueFunction::linear(1.5, 1.0),
                       "plot-ratio mismatch max(1, needed/plot_ratio_max, plot_ratio_min/needed)"));
  o.push_back(function("height_function", ValueFunction::linear(1.5, 1.0),
                       "building height over the height limit"));
  o.push_back(function("power_function", ValueFunction::linear(0.5, 1.0),
                       "parcel power capacity over the power needed"));
  OptionSpec field;
  field.name = "dual_circuit_field";
  field.type = OptionType::text;
  field.default_value = std::string("dual_circuit");
  field.description =
      "extra parcel field saying whether dual-circuit power is available "
      "(1/0, yes/no, 是/否); used when the dataset maps it";
  o.push_back(std::move(field));
  o.push_back(number("unknown_score", 50, "score",
                     "score of a sub-score whose parcel value is missing (never vetoes)", 0, 100));

  // Required: without them the criterion cannot judge a parcel. The others
  // are used when mapped; see docs/plugins/land.md.
  info.parcel_fields = {"land_use", "status"};
  info.optional_parcel_fields = {"price_wan_per_mu", "plot_ratio_min", "plot_ratio_max",
                                 "height_limit_m",   "power_kva",      "dual_circuit"};
  info.profile_fields = {"$.project.type",
                         "$.land",
                         "$.budget.max_price_wan_per_mu",
                         "$.building",
                         "$.utilities.power_kva",
                         "$.utilities.dual_circuit_power",
                         "$.timeline.start_immediately"};
  return info;
}

void LandCriterion::configure(const ProjectProfile& profile, const Options& options,
                              const ReferenceData& /*reference: land uses parcel fields only*/) {
  LandSettings settings = parse_settings(options);
  if (!is_missing(profile.land_min_m2) && !is_missing(profile.land_max_m2) &&
      profile.land_min_m2 > profile.land_max_m2)
    throw std::invalid_argument("land need: minimum " + format_fixed(profile.land_min_m2, 6) +
                                " m² exceeds maximum " + format_fixed(profile.land_max_m2, 6) +
                                " m²");
  const std::string type = profile.project_type.empty() ? "factory" : profile.project_type;
  land_use_ = profile.requirements.land_use.empty()
                  ? LandUsePolicy::for_project_type(type)
                  : LandUsePolicy::required_codes(profile.requirements.land_use);
  allowed_statuses_ = profile.requirements.status.empty()
                          ? std::vector<std::string>{"ready", "available"}
                          : profile.requirements.status;
  weights_ = settings.weights;
  if (profile.start_immediately) weights_[readiness_sub] = settings.readiness_weight_immediate;
  settings_ = std::move(settings);
  profile_ = profile;
}

}  // namespace siterank::plugins
