// Opening the layer a manifest's LayerSource names: the GDAL dataset, the
// layer in it, the text encoding to recode from, and the layer's CRS with
// the transformation to the working CRS. The parcel and reference loaders
// share it, so both report a bad source, layer or CRS in the same words.
#pragma once

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>

#include "config/manifest.hpp"
#include "crs/crs.hpp"
#include "data/dataset.hpp"

namespace siterank::data_detail {

// GDAL reports through CPLError; keep it off stderr and quote it in our own
// one-line messages instead.
struct QuietGdal {
  QuietGdal() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietGdal() { CPLPopErrorHandler(); }
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
};

// ": <GDAL's last error message>", or "" when GDAL said nothing.
std::string gdal_reason();
// Notes every file of an opened source as an input (util/input_files).
void note_dataset_files(GDALDataset& ds);

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};

struct OpenedLayer {
  std::unique_ptr<GDALDataset, DatasetCloser> ds;
  OGRLayer* layer = nullptr;
  std::string label;        // "parcels.gpkg (layer parcels)"
  std::string recode_from;  // encoding to convert from, when the driver does not
  TransformPtr to_working;
  bool identity = false;  // source CRS is the working CRS
};

// The layer's next feature, or null at its end. A read error that ends
// the layer early (a damaged GeoPackage page: SQLite's "database disk image
// is malformed") throws InputError rather than passing for the end, so a
// partly readable file is never taken for all of it.
std::unique_ptr<OGRFeature> next_feature(const OpenedLayer& l, std::size_t features_read);

// Opens s (of manifest m) and decides its CRS: the manifest's when stated
// (a note in `report` when it overrides the source's), else the source's.
// Throws InputError naming the manifest, JSON path, source or layer.
OpenedLayer open_layer(const LayerSource& s, const DatasetManifest& m,
                       const OGRSpatialReference& working, LoadReport& report);

}  // namespace siterank::data_detail
