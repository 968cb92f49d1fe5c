// Reference layers (universities, metro stations, interchanges, firms ...)
// and the query service the host provides over them. Standard library only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <siterank/columns.hpp>
#include <siterank/geometry.hpp>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace siterank {

enum class GeometryKind : std::uint8_t { point, polygon };

// One reference layer in the working CRS. A dataset has at most one layer
// per role; plugins ask for layers by role.
struct ReferenceLayer {
  std::string name;  // the manifest's name for the layer
  std::string role;  // what it is: "universities", "metro_stations", "firms" ...
  GeometryKind kind = GeometryKind::point;
  std::vector<Point> points;  // one per feature: the point, or a point on the polygon's surface
  PolygonStore polygons;      // kind == polygon only
  std::vector<AttributeColumn> attributes;  // as the manifest maps them, "name" among them

  std::size_t size() const { return points.size(); }
  const AttributeColumn* attribute(std::string_view n) const {
    for (const auto& c : attributes)
      if (c.name == n) return &c;
    return nullptr;
  }
  std::string_view text(std::string_view field, std::size_t i) const {
    const AttributeColumn* c = attribute(field);
    return c ? c->text(i) : std::string_view{};
  }
  double number(std::string_view field, std::size_t i) const {
    const AttributeColumn* c = attribute(field);
    return c ? c->number(i) : missing;
  }
  // The feature's "name" attribute, for explanations.
  std::string_view label(std::size_t i) const { return text("name", i); }
};

// A query hit: feature index in its layer and distance in metres (0 when the
// point lies inside a polygon feature).
struct Hit {
  std::size_t feature = 0;
  double distance_m = 0.0;
};

// Keeps features whose text attribute `field` is one of `any_of` (when
// any_of is not empty) and whose numeric attribute `field` lies in
// [min, max]. A text attribute may hold several values separated by ';'
// ("integrated_circuits;smart_iot"): any of them matching is a match.
struct AttributeFilter {
  std::string field;
  std::vector<std::string> any_of;
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
};

// A trip by road from a point to the nearest feature of a layer, when the
// dataset has a road network (a layer with role "roads"). Door to door: the
// access legs from the point to the network and from the network to the
// feature are included, at the network's access speed.
struct RoadTrip {
  enum class Status : std::uint8_t {
    ok,           // `seconds` and `feature` are set
    off_network,  // no road within the network's access distance of the point
    unreachable,  // on the network, but no matching feature can be reached from there
  };
  Status status = Status::unreachable;
  double seconds = std::numeric_limits<double>::infinity();
  std::size_t feature = 0;  // the nearest matching feature by time (status ok)
  double access_m = std::numeric_limits<double>::quiet_NaN();  // point to the network
};

// The features of a layer a point reaches by road within a time limit
// (ReferenceData::road_reach): "the workers living within a 30-minute
// drive". Door to door, like RoadTrip.
struct RoadReach {
  struct Feature {
    std::size_t feature = 0;  // index in the layer
    double seconds = 0.0;     // the trip to it, access legs included
  };
  bool on_network = false;  // a road within the network's access distance of the point
  double access_m = std::numeric_limits<double>::quiet_NaN();  // point to the network
  // Each feature within the limit once, sorted by seconds, then feature index.
  std::vector<Feature> features;
};

// Host-provided, backed by spatial indexes built once per run. Safe to call
// from several threads at once. Results are sorted by distance, ties by
// feature index, so they are deterministic.
class ReferenceData {
 public:
  virtual ~ReferenceData() = default;

  // The layer with this role, or nullptr when the dataset has none.
  virtual const ReferenceLayer* layer(std::string_view role) const = 0;

  // The k features nearest to p (fewer if the layer has fewer matches).
  virtual void nearest(const ReferenceLayer& layer, Point p, std::size_t k,
                       const AttributeFilter* filter, std::vector<Hit>& out) const = 0;
  // Every feature within radius_m of p.
  virtual void within(const ReferenceLayer& layer, Point p, double radius_m,
                      const AttributeFilter* filter, std::vector<Hit>& out) const = 0;

  // Whether road_trips() can answer: the dataset has a road network.
  virtual bool has_road_network() const { return false; }
  // One line for explanations: "road network 'roads' (12034 segments),
  // access legs at 15 km/h within 2000 m"; "" without a network.
  virtual std::string road_network_description() const { return {}; }
  // For each point of `from`, the trip by road to the nearest feature of
  // `layer` that passes `filter`, in `out` (resized, same order). The host
  // computes the times to each (layer, filter) once per run: call it with
  // a whole batch, not per parcel. Throws std::logic_error without a
  // network (check has_road_network()).
  virtual void road_trips(const ReferenceLayer& layer, const AttributeFilter* filter,
                          std::span<const Point> from, std::vector<RoadTrip>& out) const;

  // For each point of `from`, every feature of `layer` that passes `filter`
  // and is reached by road within `max_seconds` (finite, >= 0), in `out`
  // (resized, same order). The host computes, once per run and (layer,
  // filter, limit), a search from each feature stopped at the limit: call
  // it with a whole batch. Throws std::logic_error without a network,
  // std::invalid_argument for a bad limit.
  virtual void road_reach(const ReferenceLayer& layer, const AttributeFilter* filter,
                          double max_seconds, std::span<const Point> from,
                          std::vector<RoadReach>& out) const;

  std::vector<Hit> nearest(const ReferenceLayer& layer, Point p, std::size_t k,
                           const AttributeFilter* filter = nullptr) const {
    std::vector<Hit> out;
    nearest(layer, p, k, filter, out);
    return out;
  }
  std::vector<Hit> within(const ReferenceLayer& layer, Point p, double radius_m,
                          const AttributeFilter* filter = nullptr) const {
    std::vector<Hit> out;
    within(layer, p, radius_m, filter, out);
    return out;
  }
};

inline void ReferenceData::road_trips(const ReferenceLayer&, const AttributeFilter*,
                                      std::span<const Point>, std::vector<RoadTrip>&) const {
  throw std::logic_error("road_trips: this dataset has no road network (no layer with role roads)");
}

inline void ReferenceData::road_reach(const ReferenceLayer&, const AttributeFilter*, double,
                                      std::span<const Point>, std::vector<RoadReach>&) const {
  throw std::logic_error("road_reach: this dataset has no road network (no layer with role roads)");
}

}  // namespace siterank
