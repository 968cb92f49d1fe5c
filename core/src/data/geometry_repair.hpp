// Making a feature's geometry usable: a validity check (the fast ring test
// of data/simple_ring for plain parcels, GEOS for the rest), MakeValid for
// invalid geometries, then the transformation to the working CRS. Validity
// is decided in the source CRS, where the geometry was drawn.
#pragma once

#include <ogr_feature.h>
#include <ogr_geometry.h>

#include <siterank/geometry.hpp>
#include <string>
#include <vector>

#include "data/ogr_geometry_ptr.hpp"
#include "data/ogr_layer.hpp"

namespace siterank::data_detail {

// A feature's geometry, checked (and repaired) in the source CRS and then
// transformed to the working CRS: the feature's own geometry when it is
// valid and already in the working CRS, else a transformed or repaired copy.
struct PreparedGeometry {
  GeometryPtr owned;
  const OGRGeometry* geometry = nullptr;
  bool repaired = false;
  std::string why;  // set when the feature must be skipped
};

// The geometry of f, a feature of l, in the working CRS (l.identity and
// l.to_working decide the transformation). `scratch` is reused between
// calls to spare an allocation per feature.
PreparedGeometry prepared_geometry(OGRFeature& f, const OpenedLayer& l,
                                   std::vector<Point>& scratch);

}  // namespace siterank::data_detail
