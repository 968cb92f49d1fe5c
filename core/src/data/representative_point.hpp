// A point inside a flattened polygon feature, for distance criteria and
// labels: point-in-polygon on a PolygonView, and the representative point,
// which is the cheap centroid when it lies inside and GEOS's point on
// surface when it does not (concave parcels, rings around a hole).
#pragma once

#include <ogr_geometry.h>

#include <siterank/geometry.hpp>

namespace siterank::data_detail {

// Whether p lies inside the feature v (even-odd rule over all its rings, so
// a point in a hole is outside).
bool point_in_feature(const PolygonView& v, Point p);

// A point inside the feature: the centroid of its largest exterior ring
// when that lies inside (the common case, cheap), else GEOS PointOnSurface
// of g, the same feature as an OGR geometry.
Point representative_point(const PolygonView& v, const OGRGeometry& g);

}  // namespace siterank::data_detail
