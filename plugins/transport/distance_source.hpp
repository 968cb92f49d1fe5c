// Where the transport criterion gets travel distances from. Today: the
// straight line times a detour factor. The interface is the seam where a
// road-network or travel-time source can replace it without touching the
// scoring: the criterion only ever asks travel_m().
#pragma once

#include <siterank/geometry.hpp>
#include <siterank/number_text.hpp>
#include <string>

namespace siterank::plugins {

// How a trip is made: by road (trucks, cars, taxis) or on foot (to the metro).
enum class Leg { road, walk };

class DistanceSource {
 public:
  virtual ~DistanceSource() = default;
  // Travel distance in metres from `from` to `to`, which lie `straight_m`
  // apart in a straight line. Must be thread-safe and never below straight_m
  // by more than rounding, so the nearest candidates by straight line are a
  // sound shortlist.
  virtual double travel_m(Point from, Point to, double straight_m, Leg leg) const = 0;
  // One line for factor descriptions, e.g. "straight-line distance x 1.3".
  virtual std::string describe(Leg leg) const = 0;
};

// Straight-line distance times a circuity (detour) factor per leg: roads and
// footpaths are longer than the crow flies, by 1.2-1.4 in Chinese cities.
class DetourDistance final : public DistanceSource {
 public:
  DetourDistance(double road_detour, double walk_detour)
      : road_detour_(road_detour), walk_detour_(walk_detour) {}

  double travel_m(Point, Point, double straight_m, Leg leg) const override {
    return straight_m * factor(leg);
  }
  std::string describe(Leg leg) const override {
    return "straight-line distance x " + format_general(factor(leg)) +
           (leg == Leg::road ? " (road_detour)" : " (walk_detour)");
  }

 private:
  double factor(Leg leg) const { return leg == Leg::road ? road_detour_ : walk_detour_; }
  double road_detour_;
  double walk_detour_;
};

}  // namespace siterank::plugins
