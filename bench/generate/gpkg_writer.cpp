#include "gpkg_writer.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <stdexcept>

namespace bench {

namespace {

std::string reason() {
  const std::string msg = CPLGetLastErrorMsg();
  return msg.empty() ? "" : ": " + msg;
}

}  // namespace

GpkgWriter::GpkgWriter(const std::string& path, long batch) : path_(path), batch_(batch) {
  GDALAllRegister();
  // GeoPackage timestamps (gpkg_contents.last_change) otherwise make every
  // run's file differ.
  CPLSetConfigOption("OGR_CURRENT_DATE", "2025-06-01T00:00:00.000Z");
  // A generated file is rewritten from scratch if the run dies, so SQLite
  // need not sync to disk.
  CPLSetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
  CPLPushErrorHandler(CPLQuietErrorHandler);
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!drv) throw std::runtime_error("GDAL has no GPKG driver");
  VSIUnlink(path.c_str());
  ds_ = drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!ds_) throw std::runtime_error("cannot create " + path + reason());
}

GpkgWriter::~GpkgWriter() {
  feature_.reset();
  if (ds_) GDALClose(ds_);  // only after a failure: close() clears ds_
  CPLPopErrorHandler();
}

void GpkgWriter::layer(const std::string& name, Geometry geometry,
                       const std::vector<FieldSpec>& fields) {
  if (pending_ > 0 && ds_->CommitTransaction() != OGRERR_NONE)
    throw std::runtime_error(path_ + ": commit failed" + reason());
  pending_ = 0;
  feature_.reset();
  OGRSpatialReference srs;
  srs.importFromEPSG(4549);
  const char* options[] = {"FID=fid", "SPATIAL_INDEX=YES", nullptr};
  const OGRwkbGeometryType type = geometry == Geometry::polygon ? wkbPolygon
                                   : geometry == Geometry::line  ? wkbLineString
                                                                 : wkbPoint;
  layer_ = ds_->CreateLayer(name.c_str(), &srs, type, const_cast<char**>(options));
  if (!layer_) throw std::runtime_error(path_ + ": cannot create layer " + name + reason());
  for (const auto& f : fields) {
    OGRFieldDefn d(f.name.c_str(), f.type == 's'   ? OFTString
                                   : f.type == 'i' ? OFTInteger
                                                   : OFTReal);
    if (layer_->CreateField(&d) != OGRERR_NONE)
      throw std::runtime_error(path_ + ": cannot create field " + f.name + reason());
  }
  feature_ = std::make_unique<OGRFeature>(layer_->GetLayerDefn());
}

void GpkgWriter::text(int i, const std::string& v) { feature_->SetField(i, v.c_str()); }
void GpkgWriter::integer(int i, long long v) { feature_->SetField(i, static_cast<GIntBig>(v)); }
void GpkgWriter::real(int i, double v) { feature_->SetField(i, v); }

void GpkgWriter::polygon(const std::vector<Pt>& open_ring) {
  auto ring = std::make_unique<OGRLinearRing>();
  ring->setNumPoints(static_cast<int>(open_ring.size()) + 1, FALSE);
  for (std::size_t i = 0; i <= open_ring.size(); ++i) {
    const Pt p = open_ring[i % open_ring.size()];
    ring->setPoint(static_cast<int>(i), p.x, p.y);
  }
  auto poly = std::make_unique<OGRPolygon>();
  poly->addRingDirectly(ring.release());
  feature_->SetGeometryDirectly(poly.release());
  write();
}

void GpkgWriter::point(Pt p) {
  feature_->SetGeometryDirectly(new OGRPoint(p.x, p.y));
  write();
}

void GpkgWriter::line(const std::vector<Pt>& points) {
  auto l = std::make_unique<OGRLineString>();
  l->setNumPoints(static_cast<int>(points.size()), FALSE);
  for (std::size_t i = 0; i < points.size(); ++i)
    l->setPoint(static_cast<int>(i), points[i].x, points[i].y);
  feature_->SetGeometryDirectly(l.release());
  write();
}

void GpkgWriter::write() {
  if (pending_ == 0 && ds_->StartTransaction() != OGRERR_NONE)
    throw std::runtime_error(path_ + ": cannot start a transaction" + reason());
  feature_->SetFID(OGRNullFID);
  if (layer_->CreateFeature(feature_.get()) != OGRERR_NONE)
    throw std::runtime_error(path_ + ": cannot write a feature" + reason());
  if (++pending_ == batch_) {
    if (ds_->CommitTransaction() != OGRERR_NONE)
      throw std::runtime_error(path_ + ": commit failed" + reason());
    pending_ = 0;
  }
}

void GpkgWriter::close() {
  if (pending_ > 0 && ds_->CommitTransaction() != OGRERR_NONE)
    throw std::runtime_error(path_ + ": commit failed" + reason());
  pending_ = 0;
  feature_.reset();
  // Closing builds the deferred spatial indexes and may still fail.
  CPLErrorReset();
  GDALClose(ds_);
  ds_ = nullptr;
  if (CPLGetLastErrorType() >= CE_Failure)
    throw std::runtime_error(path_ + ": closing failed" + reason());
}

}  // namespace bench
