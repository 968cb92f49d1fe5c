// Loading the parcels layer into a ParcelTable: the manifest's field
// mapping, one row per usable parcel (geometry, area, representative point,
// canonical attributes and extra fields), and the report of parcels skipped
// or repaired. The rules a parcel must meet (a unique id, an area, a
// canonical status) are checked here.
#pragma once

#include <ogr_spatialref.h>

#include "config/manifest.hpp"
#include "data/dataset.hpp"

namespace siterank::data_detail {

// Loads m's parcels, transformed to `working`, into out.parcels and
// out.report. Throws InputError naming the file, field or parcel at fault,
// or when no parcel is usable.
// With `header_only`, only opens the source and checks the mapped fields
// (siterank validate).
void load_parcels(const DatasetManifest& m, const OGRSpatialReference& working, Dataset& out,
                  bool header_only = false);

}  // namespace siterank::data_detail
