// Loading one reference layer (metro stations, universities, flood zones
// ...) into a ReferenceLayer: points, or polygons with a representative
// point each, and the attributes the manifest maps. Unlike parcels, a
// feature without usable geometry is dropped with one note for the layer.
#pragma once

#include <ogr_spatialref.h>

#include <siterank/reference.hpp>

#include "config/manifest.hpp"
#include "data/dataset.hpp"

namespace siterank::data_detail {

// Loads layer s of m, transformed to `working`; notes go to `report`.
// Throws InputError naming the file, layer or field at fault.
ReferenceLayer load_reference(const LayerSource& s, const DatasetManifest& m,
                              const OGRSpatialReference& working, LoadReport& report);

}  // namespace siterank::data_detail
