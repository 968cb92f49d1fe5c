#include "export/ogr_output.hpp"

#include <cmath>
#include <filesystem>
#include <siterank/host/errors.hpp>
#include <vector>

#include "export/checked_vsi.hpp"
#include "export/exporters.hpp"

namespace siterank {

namespace {

std::string gdal_reason() {
  const std::string msg = CPLGetLastErrorMsg();
  return msg.empty() ? "" : ": " + msg;
}

OGRSpatialReference wgs84() {
  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

}  // namespace

OgrOutput::OgrOutput(const std::string& target, std::initializer_list<const char*> drivers,
                     const std::string& extension, std::string format, Io io)
    : target_(target), format_(std::move(format)), path_(target, extension) {
  GDALAllRegister();
  GDALDriver* driver = nullptr;
  for (const char* name : drivers)
    if ((driver = GetGDALDriverManager()->GetDriverByName(name))) break;
  if (!driver) fail("this GDAL has no " + std::string(*drivers.begin()) + " driver");
  // The temporary directory: every file the driver makes (FlatGeobuf's
  // spatial-index scratch file too) is inside it.
  const std::filesystem::path absolute = std::filesystem::absolute(path_.path());
  watched_ = absolute.parent_path().string() + "/";
  const std::string where = io == Io::checked ? checked_vsi_path(absolute.string()) : path_.path();
  take_write_failure(watched_);
  CPLErrorReset();
  ds_.reset(driver->Create(where.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds_) fail("cannot create the file");
  // One transaction for the whole file: SQLite-based formats (GeoPackage)
  // are otherwise slow, one commit per feature.
  if (ds_->TestCapability(ODsCTransactions))
    in_transaction_ = ds_->StartTransaction() == OGRERR_NONE;
}

OgrOutput::~OgrOutput() = default;

OGRLayer& OgrOutput::create_layer(const char* name, OGRwkbGeometryType type,
                                  std::initializer_list<const char*> options) {
  std::vector<const char*> opts(options);
  opts.push_back(nullptr);
  OGRSpatialReference srs = wgs84();  // CreateLayer takes it non-const in GDAL 3.6
  CPLErrorReset();
  OGRLayer* layer = ds_->CreateLayer(name, &srs, type, const_cast<char**>(opts.data()));
  if (!layer) fail("cannot create layer '" + std::string(name) + "'");
  return *layer;
}

int OgrOutput::add_field(OGRLayer& layer, const char* name, OGRFieldType type,
                         OGRFieldSubType subtype) {
  OGRFieldDefn defn(name, type);
  defn.SetSubType(subtype);
  CPLErrorReset();
  if (layer.CreateField(&defn) != OGRERR_NONE)
    fail("cannot create field '" + std::string(name) + "' in layer '" + layer.GetName() + "'");
  // Drivers may rename fields (KML, Shapefile); look the index up rather
  // than assume it.
  const int index = layer.GetLayerDefn()->GetFieldIndex(name);
  if (index < 0) fail("field '" + std::string(name) + "' missing after creation");
  return index;
}

void OgrOutput::write(OGRLayer& layer, OGRFeature& feature, const std::string& what) {
  CPLErrorReset();
  if (layer.CreateFeature(&feature) != OGRERR_NONE) fail("cannot write " + what);
}

void OgrOutput::commit() {
  CPLErrorReset();
  if (in_transaction_ && ds_->CommitTransaction() != OGRERR_NONE) fail("cannot commit");
  in_transaction_ = false;
  // GDAL 3.6 has no checked close: drivers report failures through CPLError.
  CPLErrorReset();
  GDALClose(ds_.release());
  if (CPLGetLastErrorType() >= CE_Failure) fail("cannot finish the file");
  // Drivers that ignore their write errors (FlatGeobuf, KML) report them
  // nowhere else; a truncated file must not replace the target.
  if (const std::string failure = take_write_failure(watched_); !failure.empty())
    throw OutputError(target_ + ": " + format_ + " export: cannot finish the file: " + failure);
  path_.commit();
}

void OgrOutput::fail(const std::string& message) const {
  throw OutputError(target_ + ": " + format_ + " export: " + message + gdal_reason());
}

TransformPtr transform_to_wgs84(const RankedResult& result, const std::string& format) {
  try {
    return make_transform(working_srs(result), wgs84());
  } catch (const std::invalid_argument& e) {
    throw OutputError(format + " export: " + e.what());
  }
}

std::unique_ptr<OGRGeometry> polygons_in_wgs84(const PolygonView& g,
                                               OGRCoordinateTransformation& to_wgs84,
                                               bool simplest) {
  auto multi = std::make_unique<OGRMultiPolygon>();
  std::unique_ptr<OGRPolygon> polygon;
  std::vector<double> xs, ys;
  for (std::size_t i = 0; i < g.ring_count(); ++i) {
    const auto ring = g.ring(i);
    xs.resize(ring.size());
    ys.resize(ring.size());
    for (std::size_t k = 0; k < ring.size(); ++k) {
      xs[k] = ring[k].x;
      ys[k] = ring[k].y;
    }
    if (!to_wgs84.Transform(xs.size(), xs.data(), ys.data())) return nullptr;
    // Gauss-Krüger to lon/lat keeps orientation, but check as the GeoJSON
    // writer does rather than rely on it for every working CRS.
    double twice = 0.0;
    for (std::size_t k = 0; k + 1 < xs.size(); ++k) twice += xs[k] * ys[k + 1] - xs[k + 1] * ys[k];
    auto r = std::make_unique<OGRLinearRing>();
    r->setPoints(static_cast<int>(xs.size()), xs.data(), ys.data());
    if (g.is_exterior(i) ? twice < 0 : twice > 0) r->reverseWindingOrder();
    if (g.is_exterior(i)) {
      if (polygon) multi->addGeometryDirectly(polygon.release());
      polygon = std::make_unique<OGRPolygon>();
    }
    if (polygon) polygon->addRingDirectly(r.release());
  }
  if (polygon) {
    if (simplest && multi->getNumGeometries() == 0) return polygon;
    multi->addGeometryDirectly(polygon.release());
  }
  return multi;
}

double round_decimals(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

}  // namespace siterank
