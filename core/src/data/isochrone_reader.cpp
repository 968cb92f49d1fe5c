// read_isochrones: a file `siterank isochrones` wrote, read back through
// OGR into the plain IsochroneSet the HTML report draws, in EPSG:4326.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <siterank/host/errors.hpp>
#include <siterank/host/isochrones.hpp>

#include "crs/crs.hpp"
#include "crs/user_crs.hpp"
#include "data/ogr_geometry_ptr.hpp"
#include "data/ogr_layer.hpp"
#include "data/polygon_flattening.hpp"

namespace siterank {

namespace {

using data_detail::gdal_reason;

OGRLayer& isochrone_layer(GDALDataset& ds, const std::string& path) {
  if (OGRLayer* l = ds.GetLayerByName("isochrones")) return *l;
  if (ds.GetLayerCount() == 1) return *ds.GetLayer(0);
  throw InputError(path + ": no layer 'isochrones' (is it a file siterank isochrones wrote?)");
}

int field(OGRLayer& layer, const std::string& path, const char* name, bool required = true) {
  const int i = layer.GetLayerDefn()->GetFieldIndex(name);
  if (i < 0 && required)
    throw InputError(path + ": no field '" + name +
                     "' (siterank isochrones writes facility, name, role, minutes, road_km, "
                     "area_km2, access_m)");
  return i;
}

double real(OGRFeature& f, int i) {
  return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsDouble(i)
                                             : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

IsochroneSet read_isochrones(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError(path + ": no such file");
  GDALAllRegister();
  const data_detail::QuietGdal quiet;
  std::unique_ptr<GDALDataset, data_detail::DatasetCloser> ds(GDALDataset::Open(
      path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) throw InputError(path + ": cannot open it as a vector file" + gdal_reason());
  data_detail::note_dataset_files(*ds);
  OGRLayer& layer = isochrone_layer(*ds, path);
  const int facility = field(layer, path, "facility"), name = field(layer, path, "name"),
            role = field(layer, path, "role"), minutes = field(layer, path, "minutes"),
            road_km = field(layer, path, "road_km"), area_km2 = field(layer, path, "area_km2"),
            access_m = field(layer, path, "access_m", false);
  // What siterank writes is in EPSG:4326 already; a file edited in a GIS
  // may not be. No CRS at all: taken as EPSG:4326, as GeoJSON is.
  TransformPtr to_wgs84;
  try {
    if (const OGRSpatialReference* srs = layer.GetSpatialRef())
      to_wgs84 = make_transform(*srs, wgs84_crs().srs);
  } catch (const std::invalid_argument& e) {
    throw InputError(path + ": " + e.what());
  }

  IsochroneSet out;
  out.crs = "EPSG:4326";
  layer.ResetReading();
  for (std::unique_ptr<OGRFeature> f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
    const std::string where = path + ": feature " + std::to_string(f->GetFID());
    Isochrone iso;
    const double index = real(*f, facility);
    iso.minutes = real(*f, minutes);
    if (!(index >= 0 && std::isfinite(index)) || !(iso.minutes > 0))
      throw InputError(where + ": needs a facility index and minutes > 0");
    iso.facility = static_cast<std::size_t>(index);
    iso.name = f->GetFieldAsString(name);
    iso.road_km = real(*f, road_km);
    iso.area_km2 = real(*f, area_km2);
    iso.access_m = real(*f, access_m);
    const std::string r = f->GetFieldAsString(role);
    if (out.isochrones.empty()) out.role = out.layer = r;
    if (r != out.role)
      throw InputError(where + ": role '" + r + "', but the file began with role '" + out.role +
                       "' (one layer of facilities per file)");
    const OGRGeometry* g = f->GetGeometryRef();
    data_detail::GeometryPtr lonlat;
    if (g && to_wgs84) {
      lonlat.reset(g->clone());
      if (lonlat->transform(to_wgs84.get()) != OGRERR_NONE)
        throw InputError(where + ": cannot transform it to EPSG:4326");
      g = lonlat.get();
    }
    if (g)
      data_detail::append_polygons(g, out.polygons);
    else
      out.polygons.feature_ring_offsets.push_back(out.polygons.ring_offsets.size() - 1);
    out.isochrones.push_back(std::move(iso));
  }
  if (out.isochrones.empty()) throw InputError(path + ": no isochrones in the file");
  return out;
}

}  // namespace siterank
