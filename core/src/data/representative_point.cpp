#include "data/representative_point.hpp"

#include <ogr_api.h>

#include <cstddef>

namespace siterank::data_detail {

bool point_in_feature(const PolygonView& v, Point p) {
  // Even-odd rule over all rings: holes flip the answer back.
  bool inside = false;
  for (std::size_t r = 0; r < v.ring_count(); ++r) {
    const auto ring = v.ring(r);
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      if (((ring[i].y > p.y) != (ring[j].y > p.y)) &&
          (p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x))
        inside = !inside;
    }
  }
  return inside;
}

Point representative_point(const PolygonView& v, const OGRGeometry& g) {
  std::size_t best = 0;
  double best_area = -1;
  for (std::size_t r = 0; r < v.ring_count(); ++r)
    if (v.is_exterior(r) && signed_ring_area(v.ring(r)) > best_area) {
      best_area = signed_ring_area(v.ring(r));
      best = r;
    }
  const auto ring = v.ring(best);
  // Centroid relative to the first vertex keeps precision with 7-digit eastings.
  const Point o = ring[0];
  double cx = 0, cy = 0, twice = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const double x0 = ring[i].x - o.x, y0 = ring[i].y - o.y, x1 = ring[i + 1].x - o.x,
                 y1 = ring[i + 1].y - o.y;
    const double c = x0 * y1 - x1 * y0;
    twice += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  if (twice != 0) {
    const Point c{o.x + cx / (3 * twice), o.y + cy / (3 * twice)};
    if (point_in_feature(v, c)) return c;
  }
  OGRGeometryH pos = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
  Point p = ring[0];
  if (pos) {
    p = {OGR_G_GetX(pos, 0), OGR_G_GetY(pos, 0)};
    OGR_G_DestroyGeometry(pos);
  }
  return p;
}

}  // namespace siterank::data_detail
