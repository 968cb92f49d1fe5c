// Loading a dataset through OGR: parcels, reference layers and the road
// network, transformed once into the working metric CRS.
#pragma once

#include <ogr_spatialref.h>

#include <functional>
#include <set>
#include <siterank/host/load_report.hpp>
#include <siterank/parcels.hpp>
#include <siterank/reference.hpp>
#include <string>
#include <vector>

#include "config/manifest.hpp"
#include "network/road_line.hpp"

namespace siterank {

struct Dataset {
  DatasetManifest manifest;
  OGRSpatialReference working_crs;
  ParcelTable parcels;
  std::vector<ReferenceLayer> layers;  // in manifest order (sorted by name), roads apart
  // The layer with role "roads", in the working CRS; empty when there is
  // none or the run did not ask for it.
  std::string roads_layer;  // its manifest name; "" when none was loaded
  std::vector<network::RoadLine> roads;
  network::RoadNetworkSettings
      road_settings;  // from the roads layer's manifest entry (defaults without)
  LoadReport report;
};

// Loads the parcels (unless `with_parcels` is false) and the layers whose
// roles are in `roles` (all layers when `roles` is null): role "roads" into
// `roads`, the others into `layers`.
// `load_roads`, when given, loads the roads layer instead (in its place
// among the layers, so the report's notes keep their order): the road
// cache fills in the notes of a graph it already has and loads no lines.
// Throws InputError naming the file, layer, field or parcel.
using RoadsLoader = std::function<void(const LayerSource& roads, Dataset& out)>;
Dataset load_dataset(const DatasetManifest& manifest, const std::set<std::string>* roles = nullptr,
                     bool with_parcels = true, const RoadsLoader& load_roads = {});

}  // namespace siterank
