// Flattening OGR geometries into the SDK's PolygonStore, the form plugins
// read: every polygon of a (multi)polygon, collection or curve geometry
// becomes closed rings, exterior rings counter-clockwise and holes
// clockwise, as PolygonStore promises.
#pragma once

#include <ogr_geometry.h>

#include <cstddef>
#include <siterank/geometry.hpp>

namespace siterank::data_detail {

// Appends the polygons of g (already in the working CRS) to store as one
// feature, exterior rings counter-clockwise and holes clockwise. Returns the
// area in m², 0 when g holds no polygon.
double append_polygons(const OGRGeometry* g, PolygonStore& store);

// Undoes append_polygons for a feature that turned out to have no area:
// ring_mark and point_mark are store.ring_offsets.size() and
// store.points.size() from before the call.
void drop_last_feature(PolygonStore& store, std::size_t ring_mark, std::size_t point_mark);

}  // namespace siterank::data_detail
