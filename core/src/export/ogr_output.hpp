// Shared plumbing of the exporters that write through GDAL/OGR drivers
// (GeoPackage, FlatGeobuf, KML): a dataset created at a temporary path and
// renamed over the target only once the driver has closed it cleanly, and
// polygons taken back from the working CRS to EPSG:4326.
#pragma once

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <initializer_list>
#include <memory>
#include <siterank/geometry.hpp>
#include <siterank/host/ranked_result.hpp>
#include <string>

#include "crs/crs.hpp"
#include "util/atomic_file.hpp"

namespace siterank {

struct Run;

class OgrOutput {
 public:
  // Creates a vector dataset for `target` with the first of `drivers` this
  // GDAL has ("LIBKML" before "KML"), through a temporary named with
  // `extension` (".gpkg"), whatever the target is called. `format` names
  // the output in error messages ("GeoPackage"). Throws OutputError.
  // `io`: checked for drivers that ignore their own write errors
  // (checked_vsi.hpp); direct for those that report them (GeoPackage, whose
  // SQLite works best on a plain path).
  enum class Io { direct, checked };
  OgrOutput(const std::string& target, std::initializer_list<const char*> drivers,
            const std::string& extension, std::string format, Io io = Io::checked);
  ~OgrOutput();  // without commit(): the dataset is closed and thrown away
  OgrOutput(const OgrOutput&) = delete;
  OgrOutput& operator=(const OgrOutput&) = delete;

  GDALDataset& dataset() { return *ds_; }
  std::string driver() const { return ds_->GetDriver()->GetDescription(); }

  // A layer in EPSG:4326 (lon/lat order). Throws OutputError.
  OGRLayer& create_layer(const char* name, OGRwkbGeometryType type,
                         std::initializer_list<const char*> options = {});
  // Adds a field and returns its index. Throws OutputError.
  int add_field(OGRLayer& layer, const char* name, OGRFieldType type,
                OGRFieldSubType subtype = OFSTNone);
  // Writes a feature. Throws OutputError naming `what` ("parcel 'P-003'").
  void write(OGRLayer& layer, OGRFeature& feature, const std::string& what);

  // Closes the dataset (drivers finish their files on close), checks that
  // nothing failed, and renames the file over the target. Throws OutputError.
  void commit();

  // Throws OutputError "<target>: <format> export: <message>: <GDAL's reason>".
  [[noreturn]] void fail(const std::string& message) const;

 private:
  std::string target_;
  std::string format_;
  AtomicPath path_;
  std::string watched_;  // the temporary directory, for take_write_failure
  // GDAL errors stay off stderr; their text goes into our messages.
  CPLErrorHandlerPusher quiet_{CPLQuietErrorHandler};
  struct Closer {
    void operator()(GDALDataset* d) const { GDALClose(d); }
  };
  std::unique_ptr<GDALDataset, Closer> ds_;  // declared last: closed first
  bool in_transaction_ = false;
};

// From the run's working CRS to EPSG:4326; throws OutputError.
TransformPtr transform_to_wgs84(const RankedResult& result, const std::string& format);

// A polygon feature of a PolygonStore in lon/lat: a MultiPolygon (layers
// declare one geometry type), or a Polygon when `simplest` and it has one
// part. Rings keep the store's orientation (exterior counter-clockwise);
// returns null when the transformation fails.
std::unique_ptr<OGRGeometry> polygons_in_wgs84(const PolygonView& g,
                                               OGRCoordinateTransformation& to_wgs84,
                                               bool simplest = false);

// Rounds as the JSON output does (6 decimals for scores, 2 for areas in 亩),
// so that every format carries the same numbers.
double round_decimals(double v, int decimals);

}  // namespace siterank
