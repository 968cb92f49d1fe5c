// Reading a roads layer's mapped attributes feature by feature: the road
// class (through the manifest's value map), the feature's own speed and
// travel time when usable, and its oneway flag. Values that are present but
// unusable are counted by value for the load report rather than refused:
// OSM's maxspeed holds tags such as "none" or "CN:urban", and the class
// speed is the documented fallback (docs/formats.md, "Road network layer").
#pragma once

#include <ogr_feature.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/manifest.hpp"
#include "data/ogr_layer.hpp"
#include "data/value_tally.hpp"
#include "network/road_line.hpp"

namespace siterank::data_detail {

class RoadAttributes {
 public:
  // Resolves the fields s maps; throws InputError naming the JSON path and
  // listing the layer's fields for one that does not exist.
  RoadAttributes(const LayerSource& s, const OpenedLayer& l, const DatasetManifest& m);

  // The source field indices read, for OGRLayer::SetIgnoredFields.
  std::vector<int> used() const;
  // The source field a canonical road field maps to ("" when unmapped).
  const std::string& source(const char* canonical) const;

  // The class after the value map; "" when unset.
  std::string road_class(OGRFeature& f) const;
  // The feature's own speed in km/h, NaN when unmapped, empty or unusable
  // (then counted in `unusable_speeds`).
  double speed_kmh(OGRFeature& f);
  // The feature's own travel time in s, NaN likewise (`unusable_times`).
  double seconds(OGRFeature& f);
  // The direction of the oneway value (both when unmapped); std::nullopt for
  // a value that is none of the accepted ones, its text in `value`.
  std::optional<network::Direction> direction(OGRFeature& f, std::string& value) const;

  ValueTally unusable_speeds;
  ValueTally unusable_times;

 private:
  struct Field {
    int idx = -1;
    bool numeric = false;
  };
  // A field's value when it is a positive, finite number (text through
  // `parse`); NaN when unset or blank, and when unusable, then counted in
  // `unusable` by its text.
  double own_positive(OGRFeature& f, const Field& field, const char* canonical,
                      ValueTally& unusable, std::optional<double> (*parse)(std::string_view)) const;

  const LayerSource& s_;
  const OpenedLayer& l_;
  Field class_, speed_, time_, oneway_;
};

}  // namespace siterank::data_detail
