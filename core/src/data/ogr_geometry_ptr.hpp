// An owning pointer for OGR geometries the loaders make themselves (linear
// copies of curves, MakeValid repairs, transformed clones), freed by OGR.
#pragma once

#include <ogr_geometry.h>

#include <memory>

namespace siterank::data_detail {

struct GeometryDeleter {
  void operator()(OGRGeometry* g) const { OGRGeometryFactory::destroyGeometry(g); }
};
using GeometryPtr = std::unique_ptr<OGRGeometry, GeometryDeleter>;

}  // namespace siterank::data_detail
