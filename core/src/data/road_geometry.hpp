// A roads layer's geometry as network::RoadLines in the working CRS: each
// part of a LineString or MultiLineString (curves made linear) one line.
// Coordinates go through reused buffers and one Transform call per part,
// so a line costs one allocation, its own point vector.
#pragma once

#include <ogr_core.h>
#include <ogr_geometry.h>

#include <cstddef>
#include <vector>

#include "data/ogr_layer.hpp"
#include "network/road_line.hpp"

namespace siterank::data_detail {

// LineString, MultiLineString and their curved forms (CircularString,
// CompoundCurve, MultiCurve), with or without Z and M.
bool is_line_type(OGRwkbGeometryType type);

// Buffers reused from feature to feature.
struct LineScratch {
  std::vector<double> x, y;
  std::vector<int> ok;
};

struct LineParts {
  std::size_t added = 0;        // lines appended to `out`
  std::size_t short_parts = 0;  // parts with fewer than 2 distinct points, left out
  bool transformed = true;      // false: some point could not be transformed; nothing appended
};

// Appends each part of g (is_line_type) with 2 distinct points or more to `out` as a
// RoadLine whose points are in the working CRS (l.identity, l.to_working);
// speed, direction and seconds are left for the caller. A point that
// cannot be transformed (or comes out non-finite) drops the whole feature.
LineParts append_line_parts(const OGRGeometry& g, const OpenedLayer& l, LineScratch& scratch,
                            std::vector<network::RoadLine>& out);

// The length of a line in its own units (metres in the working CRS).
double line_length(const network::RoadLine& line);

}  // namespace siterank::data_detail
