#include "data/geometry_repair.hpp"

#include <cmath>
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

// A polygon part whose holes cover all of its exterior ring: an area of 0
// that MakeValid would "repair" into the whole exterior (GEOS reads the
// rings as linework), so the parcel would rank at full size.
bool holes_cover_exterior(const OGRGeometry& g) {
  const auto part_covered = [](const OGRPolygon& p) {
    if (p.getNumInteriorRings() == 0 || !p.getExteriorRing()) return false;
    const double shell = p.getExteriorRing()->get_Area();
    double holes = 0;
    for (int i = 0; i < p.getNumInteriorRings(); ++i) holes += p.getInteriorRing(i)->get_Area();
    return holes >= shell * (1 - 1e-9);
  };
  switch (wkbFlatten(g.getGeometryType())) {
    case wkbPolygon:
      return part_covered(*g.toPolygon());
    case wkbMultiPolygon:
      for (const OGRPolygon* p : *g.toMultiPolygon())
        if (part_covered(*p)) return true;
      return false;
    default:
      return false;
  }
}

// No projected CRS in metres reaches 10^8 m (the Earth's circumference is
// 4 * 10^7, false eastings with zone prefixes stay below 10^8); beyond, the
// numbers are garbage or degrees read as another unit.
constexpr double max_coordinate = 1e8;

bool coordinates_on_earth(const OGRGeometry& g) {
  OGREnvelope e;
  g.getEnvelope(&e);
  for (double v : {e.MinX, e.MinY, e.MaxX, e.MaxY})
    if (!(std::abs(v) < max_coordinate)) return false;
  return true;
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
  const auto off_earth = [&](const OGRGeometry& g) {
    if (coordinates_on_earth(g)) return false;
    out.why = "coordinates beyond ±100,000 km in the working CRS: not a place on Earth";
    out.owned.reset();
    return true;
  };
  if (valid && l.identity) {
    if (off_earth(*raw)) return out;
    out.geometry = raw;
    return out;
  }
  if (!valid && holes_cover_exterior(*raw)) {
    out.why = "its holes cover all of its exterior ring (area 0); fix the geometry at the source";
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
  if (off_earth(*out.owned)) return out;
  out.geometry = out.owned.get();
  return out;
}

}  // namespace siterank::data_detail
