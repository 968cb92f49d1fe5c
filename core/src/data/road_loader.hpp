// Loading the road network layer (role "roads") into network::RoadLines in
// the working CRS: each part of a LineString or MultiLineString one line,
// with the speed of its class (or its own speed or travel time) and the
// direction its oneway value allows. Features no car can use, a class with
// no speed (OSM footway, cycleway, path ...) or no class, are left out with
// one note per class, as are features without geometry.
#pragma once

#include <ogr_spatialref.h>

#include <siterank/host/load_report.hpp>
#include <vector>

#include "config/manifest.hpp"
#include "network/road_line.hpp"

namespace siterank::data_detail {

// Loads layer s of m, transformed to `working`; notes go to `report`.
// Throws InputError naming the file and layer for a layer of points or
// polygons, the feature for a non-line geometry in a mixed layer, the
// values for oneway values it cannot read, and the JSON path for a field
// that is not in the layer; also when no feature is usable.
std::vector<network::RoadLine> load_roads(const LayerSource& s, const DatasetManifest& m,
                                          const OGRSpatialReference& working, LoadReport& report);

}  // namespace siterank::data_detail
