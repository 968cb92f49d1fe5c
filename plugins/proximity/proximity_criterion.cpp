#include "proximity_criterion.hpp"

#include <cmath>
#include <limits>
#include <siterank/number_text.hpp>
#include <stdexcept>

namespace siterank::plugins {

namespace {

constexpr const char* kVersion = "1.0.0";
constexpr double kInf = std::numeric_limits<double>::infinity();

const std::vector<std::string>& measure_names() {
  static const std::vector<std::string> names{"nearest", "k_nearest", "count_within",
                                              "decayed_sum"};
  return names;
}

Proximity::Kind kind_of(const std::string& name) {
  if (name == "k_nearest") return Proximity::Kind::k_nearest;
  if (name == "count_within") return Proximity::Kind::count_within;
  if (name == "decayed_sum") return Proximity::Kind::decayed_sum;
  return Proximity::Kind::nearest;
}

[[noreturn]] void refuse(const std::string& option, const std::string& why) {
  throw std::invalid_argument("option '" + option + "': " + why);
}

const std::string& required_role(const Options& options) {
  const std::string& role = options.text("role");
  if (role.empty())
    refuse("role", "give the role of the reference layer to measure (e.g. \"universities\")");
  return role;
}

// The name and unit of the measure's factor.
std::pair<std::string, std::string> measure_factor(const Proximity& p) {
  switch (p.kind) {
    case Proximity::Kind::nearest:
      return {"nearest_m", "m"};
    case Proximity::Kind::k_nearest:
      return {"mean_nearest_m", "m"};
    case Proximity::Kind::count_within:
      return p.weight_field.empty()
                 ? std::pair<std::string, std::string>{"count", "features"}
                 : std::pair<std::string, std::string>{"weighted_count", p.weight_field};
    case Proximity::Kind::decayed_sum:
      return {"decayed_sum", p.weight_field.empty() ? "features" : p.weight_field};
  }
  return {"measure", ""};
}

}  // namespace

Proximity proximity_from(const Options& options) {
  Proximity p;
  p.kind = kind_of(options.text("measure"));
  p.k = static_cast<std::size_t>(options.integer("k"));
  p.radius_m = options.number("radius_m");
  p.decay = options.value_function("decay");
  p.weight_field = options.text("weight_field");
  if (p.kind == Proximity::Kind::nearest || p.kind == Proximity::Kind::k_nearest) {
    p.radius_m = kInf;
    if (!p.weight_field.empty())
      refuse("weight_field", "weighs features in count_within and decayed_sum only, not in " +
                                 std::string(Proximity::kind_name(p.kind)));
  }
  const std::string why = p.malformation();
  if (!why.empty())
    refuse(why.rfind("decay", 0) == 0 ? "decay" : "radius_m",
           std::string(Proximity::kind_name(p.kind)) + " " + why);
  return p;
}

CriterionInfo ProximityCriterion::describe() const {
  CriterionInfo info;
  info.name = "proximity";
  info.version = kVersion;
  info.description =
      "One reference layer around the parcel, measured as textbook models do (distance to the "
      "nearest feature, mean distance to the k nearest, features within a radius, sum of "
      "decayed values) and scored by a value function; use it once per term under a name of "
      "your own";
  info.options = {
      OptionSpec::text("role", "",
                       "Role of the reference layer to measure (universities, firms, "
                       "metro_stations ...); required"),
      OptionSpec::text("measure", "nearest",
                       "nearest: distance to the nearest feature (m); k_nearest: mean distance "
                       "to the k nearest (m); count_within: features within radius_m (or the sum "
                       "of their weight_field); decayed_sum: sum within radius_m of weight x "
                       "decay(distance) / 100",
                       measure_names()),
      OptionSpec::integer("k", 3, "features", "k_nearest: how many nearest features", 1, 1000),
      OptionSpec::number("radius_m", 5000.0, "m",
                         "count_within, decayed_sum: features farther away are not counted", 1.0),
      OptionSpec::value_function("decay", ValueFunction::exp_decay(1000.0), "m",
                                 "decayed_sum: share (score/100) of a feature's weight kept at "
                                 "its distance; must not rise with distance"),
      OptionSpec::text("weight_field", "",
                       "count_within, decayed_sum: numeric attribute a feature counts for "
                       "(jobs, output); empty counts each feature as 1, a missing value as 0"),
      OptionSpec::text("filter_field", "",
                       "Attribute that selects the features measured (with filter_values)"),
      OptionSpec::text_list("filter_values", {},
                            "Values of filter_field kept (any of; ';'-separated lists match "
                            "any entry); empty keeps every feature"),
      OptionSpec::value_function(
          "score_function", ValueFunction::linear(5000.0, 0.0), "measure",
          "Score of the measure: must not rise with a distance (nearest, k_nearest) nor fall "
          "with a count or sum (count_within, decayed_sum), e.g. {\"type\": \"per_unit\", "
          "\"points\": 4, \"max_units\": 20}"),
  };
  return info;
}

CriterionNeeds ProximityCriterion::needs(const ProjectProfile&, const Options& options) const {
  const Proximity p = proximity_from(options);
  LayerRequirement layer;
  layer.role = required_role(options);
  layer.kind = GeometryKind::point;
  if (!p.weight_field.empty()) layer.attributes.push_back(p.weight_field);
  const std::string& filter_field = options.text("filter_field");
  if (!filter_field.empty())
    layer.attributes.push_back(filter_field);
  else if (!options.text_list("filter_values").empty())
    refuse("filter_values", "needs filter_field, the attribute the values are of");
  layer.purpose = p.describe();
  CriterionNeeds needs;
  needs.layers.push_back(std::move(layer));
  return needs;
}

void ProximityCriterion::configure(const ProjectProfile&, const Options& options,
                                   const ReferenceData& reference) {
  proximity_ = proximity_from(options);
  role_ = required_role(options);
  layer_ = reference.layer(role_);
  if (!layer_) refuse("role", "the dataset has no reference layer with role '" + role_ + "'");
  filter_ = {};
  filtered_ = !options.text("filter_field").empty();
  if (filtered_) {
    filter_.field = options.text("filter_field");
    filter_.any_of = options.text_list("filter_values");
  }
  if (!proximity_.weight_field.empty()) {
    const AttributeColumn* w = layer_->attribute(proximity_.weight_field);
    if (!w || w->kind != AttributeColumn::Kind::number)
      refuse("weight_field", "attribute '" + proximity_.weight_field + "' of layer '" +
                                 layer_->name + "' is not numeric");
    for (std::size_t i = 0; i < layer_->size(); ++i) {
      const double v = w->number(i);
      if (!std::isnan(v) && !(v >= 0.0 && std::isfinite(v)))
        refuse("weight_field",
               "layer '" + layer_->name + "' feature " + std::to_string(i) +
                   (layer_->label(i).empty() ? std::string()
                                             : " '" + std::string(layer_->label(i)) + "'") +
                   ": " + proximity_.weight_field + " = " + format_general(v) +
                   " (a weight must be a finite number >= 0)");
    }
  }
  score_function_ = options.value_function("score_function");
  score_function_.require_well_formed("score_function");
  if (proximity_.measures_distance() ? !score_function_.never_rises(0.0, kInf)
                                     : !score_function_.never_falls(0.0, kInf))
    refuse("score_function",
           score_function_.describe() + " must not " +
               (proximity_.measures_distance() ? "rise with a distance" : "fall with a count") +
               " between 0 and inf (" + Proximity::kind_name(proximity_.kind) +
               (proximity_.measures_distance()
                    ? "; e.g. {\"type\": \"linear\", \"zero_at\": 5000, \"full_at\": 0})"
                    : "; e.g. {\"type\": \"per_unit\", \"points\": 4, \"max_units\": 20})"));
}

std::vector<FactorSpec> ProximityCriterion::factors() const {
  const auto [name, unit] = measure_factor(proximity_);
  std::string what = proximity_.describe();
  if (filtered_) {
    what += " with " + filter_.field + " in {";
    for (std::size_t i = 0; i < filter_.any_of.size(); ++i)
      what += (i ? ", " : "") + filter_.any_of[i];
    what += "}";
  }
  return {
      {name, unit, what + " of layer role " + role_ + ", scored " + score_function_.describe()},
      {"features", "features", "features that entered the measure"},
      feature_factor("nearest_feature", role_, "the nearest feature measured"),
  };
}

void ProximityCriterion::score(const ParcelBatch& parcels, const ReferenceData& reference,
                               BatchResult& out) const {
  std::vector<Hit> hits;
  const AttributeFilter* filter = filtered_ ? &filter_ : nullptr;
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    const Proximity::Value v =
        proximity_.measure(reference, *layer_, parcels.rep_point(i), filter, hits);
    // No matching feature at all (nearest, k_nearest): as far as can be,
    // so the score the function gives at infinity; the measure is n/a.
    out.set_score(i, score_function_(std::isnan(v.measure) ? kInf : v.measure));
    out.set_factor(i, 0, v.measure);
    out.set_factor(i, 1, static_cast<double>(v.features));
    out.set_factor(i, 2,
                   v.nearest == Proximity::Value::npos ? missing : static_cast<double>(v.nearest));
  }
}

}  // namespace siterank::plugins
