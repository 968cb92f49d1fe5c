#include "data/polygon_flattening.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include "data/ogr_geometry_ptr.hpp"

namespace siterank::data_detail {

double append_polygons(const OGRGeometry* g, PolygonStore& store) {
  std::vector<const OGRPolygon*> polys;
  GeometryPtr linear;
  if (g->hasCurveGeometry()) {
    linear.reset(g->getLinearGeometry());
    g = linear.get();
  }
  const auto collect = [&](const OGRGeometry* part, auto&& self) -> void {
    switch (wkbFlatten(part->getGeometryType())) {
      case wkbPolygon:
        polys.push_back(part->toPolygon());
        break;
      case wkbMultiPolygon:
      case wkbGeometryCollection:
        for (const OGRGeometry* sub : *part->toGeometryCollection()) self(sub, self);
        break;
      default:
        break;  // lines and points left over by MakeValid carry no area
    }
  };
  collect(g, collect);
  double area = 0.0;
  for (const OGRPolygon* poly : polys) {
    for (int r = 0; r <= poly->getNumInteriorRings(); ++r) {
      const OGRLinearRing* ring = r == 0 ? poly->getExteriorRing() : poly->getInteriorRing(r - 1);
      if (!ring || ring->getNumPoints() < 4) continue;
      const std::size_t begin = store.points.size();
      for (int i = 0; i < ring->getNumPoints(); ++i)
        store.points.push_back({ring->getX(i), ring->getY(i)});
      if (store.points[begin].x != store.points.back().x ||
          store.points[begin].y != store.points.back().y)
        store.points.push_back(store.points[begin]);
      std::span<Point> pts(store.points.data() + begin, store.points.size() - begin);
      double a = signed_ring_area(pts);
      if ((r == 0 && a < 0) || (r > 0 && a > 0)) {
        std::reverse(pts.begin(), pts.end());
        a = -a;
      }
      area += a;
      store.ring_offsets.push_back(store.points.size());
      store.ring_is_exterior.push_back(r == 0 ? 1 : 0);
    }
  }
  store.feature_ring_offsets.push_back(store.ring_offsets.size() - 1);
  return area;
}

void drop_last_feature(PolygonStore& store, std::size_t ring_mark, std::size_t point_mark) {
  store.feature_ring_offsets.pop_back();
  store.ring_offsets.resize(ring_mark);
  store.ring_is_exterior.resize(ring_mark - 1);
  store.points.resize(point_mark);
}

}  // namespace siterank::data_detail
