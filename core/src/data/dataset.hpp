// Loading a dataset through OGR: parcels and reference layers, transformed
// once into the working metric CRS.
#pragma once

#include <ogr_spatialref.h>

#include <set>
#include <siterank/host/load_report.hpp>
#include <siterank/parcels.hpp>
#include <siterank/reference.hpp>
#include <string>
#include <vector>

#include "config/manifest.hpp"
#include "network/road_network.hpp"

namespace siterank {

struct Dataset {
  DatasetManifest manifest;
  OGRSpatialReference working_crs;
  ParcelTable parcels;
  std::vector<ReferenceLayer> layers;  // in manifest order (sorted by name)
  // The layer with role "roads", in the working CRS, when the run needs it;
  // the pipeline builds the network (network/road_network.hpp) from it.
  std::string roads_layer;  // its manifest name; "" when none was loaded
  std::vector<network::RoadLine> roads;
  network::RoadNetworkSettings road_settings;
  LoadReport report;
};

// Loads the parcels (unless `with_parcels` is false) and the reference
// layers whose roles are in `roles` (all layers when `roles` is null).
// Throws InputError naming the file, layer, field or parcel.
Dataset load_dataset(const DatasetManifest& manifest, const std::set<std::string>* roles = nullptr,
                     bool with_parcels = true);

}  // namespace siterank
