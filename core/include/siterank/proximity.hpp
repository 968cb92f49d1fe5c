// Proximity: how a criterion sums up one reference layer around a point, as
// textbook suitability models write it in a few lines of SQL or pandas:
// "the distance to the nearest university", "the mean distance to the 3
// nearest stations", "the firms within 5 km", "the sum of the firms' jobs,
// each decayed with its distance". A criterion maps the measure to a score
// with a ValueFunction. Standard library only.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <siterank/number_text.hpp>
#include <siterank/reference.hpp>
#include <siterank/value_function.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace siterank {

struct Proximity {
  enum class Kind : std::uint8_t {
    nearest,       // distance to the nearest feature, m
    k_nearest,     // mean distance to the k nearest features, m
    count_within,  // features within radius_m (or the sum of their weight_field)
    decayed_sum,   // sum over features within radius_m of weight x decay(distance) / 100
  };

  Kind kind = Kind::nearest;
  std::size_t k = 1;  // k_nearest: how many
  // count_within, decayed_sum: features farther than this are not counted;
  // finite, so the query stays local.
  double radius_m = std::numeric_limits<double>::infinity();
  // decayed_sum: the share (score / 100) of a feature kept at its distance.
  ValueFunction decay = ValueFunction::exp_decay(1000.0);
  // count_within, decayed_sum: the numeric attribute a feature counts for
  // (its jobs, its output); "" counts each feature as 1. A feature whose
  // value is missing counts 0; a negative value is refused by measure().
  std::string weight_field;

  static Proximity nearest() { return {}; }
  static Proximity k_nearest(std::size_t k) {
    Proximity p;
    p.kind = Kind::k_nearest;
    p.k = k;
    return p;
  }
  static Proximity count_within(double radius_m, std::string weight_field = {}) {
    Proximity p;
    p.kind = Kind::count_within;
    p.radius_m = radius_m;
    p.weight_field = std::move(weight_field);
    return p;
  }
  static Proximity decayed_sum(double radius_m, ValueFunction decay,
                               std::string weight_field = {}) {
    Proximity p;
    p.kind = Kind::decayed_sum;
    p.radius_m = radius_m;
    p.decay = std::move(decay);
    p.weight_field = std::move(weight_field);
    return p;
  }

  // Whether the measure is a distance (the score should not rise with it)
  // rather than a count or a sum (the score should not fall with it).
  bool measures_distance() const { return kind == Kind::nearest || kind == Kind::k_nearest; }

  struct Value {
    // The measure; NaN when the layer has no matching feature (nearest,
    // k_nearest). Counts and sums are 0 when nothing is within the radius.
    double measure = std::numeric_limits<double>::quiet_NaN();
    std::size_t features = 0;  // features that entered the measure
    // The nearest of them (Hit::feature), for a feature factor; npos for none.
    std::size_t nearest = npos;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  };

  // The measure at p over the features of `layer` that pass `filter`.
  // `hits` is scratch space, reused across calls to spare an allocation per
  // parcel. Safe to call from several threads with their own `hits`.
  // Throws std::invalid_argument when the weight_field holds a negative or
  // infinite value (a sum that could fall as features are added).
  Value measure(const ReferenceData& reference, const ReferenceLayer& layer, Point p,
                const AttributeFilter* filter, std::vector<Hit>& hits) const {
    Value v;
    switch (kind) {
      case Kind::nearest:
      case Kind::k_nearest: {
        reference.nearest(layer, p, kind == Kind::nearest ? 1 : k, filter, hits);
        if (hits.empty()) return v;
        double sum = 0.0;
        for (const Hit& h : hits) sum += h.distance_m;
        v.measure = sum / static_cast<double>(hits.size());
        break;
      }
      case Kind::count_within:
      case Kind::decayed_sum: {
        reference.within(layer, p, radius_m, filter, hits);
        double sum = 0.0;
        for (const Hit& h : hits) {
          const double w = weight_of(layer, h.feature);
          sum += kind == Kind::count_within ? w : w * decay(h.distance_m) / 100.0;
        }
        v.measure = sum;
        break;
      }
    }
    v.features = hits.size();
    if (!hits.empty()) v.nearest = hits.front().feature;
    return v;
  }

  // What is wrong with the parameters, or "" when usable.
  std::string malformation() const {
    switch (kind) {
      case Kind::nearest:
        return "";
      case Kind::k_nearest:
        return k >= 1 ? "" : "needs k >= 1";
      case Kind::count_within:
      case Kind::decayed_sum: {
        if (!(radius_m > 0.0 && std::isfinite(radius_m))) return "needs a finite radius_m > 0";
        if (kind == Kind::count_within) return "";
        const std::string why = decay.malformation();
        if (!why.empty()) return "decay " + why;
        if (!decay.never_rises(0.0, radius_m))
          return "decay " + decay.describe() + " must not rise between 0 and " +
                 format_general(radius_m) + " m";
        return "";
      }
    }
    return "unknown kind";
  }

  // For factor descriptions: "distance to the nearest feature",
  // "features within 5000 m", "sum of jobs x exp_decay(half_life=1000) within 5000 m".
  std::string describe() const {
    const std::string what = weight_field.empty() ? "features" : weight_field;
    switch (kind) {
      case Kind::nearest:
        return "distance to the nearest feature";
      case Kind::k_nearest:
        return "mean distance to the " + std::to_string(k) + " nearest features";
      case Kind::count_within:
        return (weight_field.empty() ? "features" : "sum of " + weight_field) + " within " +
               format_general(radius_m) + " m";
      case Kind::decayed_sum:
        return "sum of " + what + " x " + decay.describe() + " / 100 within " +
               format_general(radius_m) + " m";
    }
    return "?";
  }

  static const char* kind_name(Kind k) {
    switch (k) {
      case Kind::nearest:
        return "nearest";
      case Kind::k_nearest:
        return "k_nearest";
      case Kind::count_within:
        return "count_within";
      case Kind::decayed_sum:
        return "decayed_sum";
    }
    return "?";
  }

 private:
  double weight_of(const ReferenceLayer& layer, std::size_t feature) const {
    if (weight_field.empty()) return 1.0;
    const double w = layer.number(weight_field, feature);
    if (std::isnan(w)) return 0.0;
    if (!(w >= 0.0 && std::isfinite(w)))
      throw std::invalid_argument("layer '" + layer.name + "' feature " + std::to_string(feature) +
                                  ": " + weight_field + " = " + format_general(w) +
                                  " (a weight must be a finite number >= 0)");
    return w;
  }
};

}  // namespace siterank
