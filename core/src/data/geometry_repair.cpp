#include "data/geometry_repair.hpp"

#include <cstddef>

#include "data/simple_ring.hpp"

namespace siterank::data_detail {

namespace {

// True when g is one polygon without holes whose ring is certainly valid:
// the common parcel, which then needs no GEOS validity test.
bool plain_valid_polygon(const OGRGeometry& g, std::vector<Point>& scratch) {
  if (wkbFlatten(g.getGeometryType()) != wkbPolygon) return false;
  const OGRPolygon* poly = g.toPolygon();
  const OGRLinearRing* ring = poly->getExteriorRing();
  if (poly->getNumInteriorRings() != 0 || !ring) return false;
  scratch.resize(static_cast<std::size_t>(ring->getNumPoints()));
  for (int i = 0; i < ring->getNumPoints(); ++i)
    scratch[static_cast<std::size_t>(i)] = {ring->getX(i), ring->getY(i)};
  return certainly_valid_ring(scratch);
}

}  // namespace

PreparedGeometry prepared_geometry(OGRFeature& f, const OpenedLayer& l,
                                   std::vector<Point>& scratch) {
  PreparedGeometry out;
  const OGRGeometry* raw = f.GetGeometryRef();
  if (!raw || raw->IsEmpty()) {
    out.why = "no geometry";
    return out;
  }
  const bool valid = plain_valid_polygon(*raw, scratch) || raw->IsValid();
  if (valid && l.identity) {
    out.geometry = raw;
    return out;
  }
  if (valid) {
    out.owned.reset(raw->clone());
  } else {
    out.owned.reset(raw->MakeValid());
    if (!out.owned || out.owned->IsEmpty()) {
      out.why = "invalid geometry that MakeValid cannot repair" + gdal_reason();
      return out;
    }
    out.repaired = true;
  }
  if (!l.identity && out.owned->transform(l.to_working.get()) != OGRERR_NONE) {
    out.why = "cannot transform to the working CRS" + gdal_reason();
    out.owned.reset();
    return out;
  }
  out.geometry = out.owned.get();
  return out;
}

}  // namespace siterank::data_detail
