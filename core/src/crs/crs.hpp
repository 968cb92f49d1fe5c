// CRS handling through OGR/PROJ. Axis order is always x = easting or
// longitude, y = northing or latitude (OAMS_TRADITIONAL_GIS_ORDER), whatever
// the authority says: EPSG:4326 and EPSG:4549 both declare northing first.
#pragma once

#include <ogr_spatialref.h>

#include <memory>
#include <string>

namespace siterank {

struct TransformDeleter {
  void operator()(OGRCoordinateTransformation* t) const {
    OGRCoordinateTransformation::DestroyCT(t);
  }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

// "EPSG:4549", WKT, PROJ string ...; throws std::invalid_argument with PROJ's reason.
OGRSpatialReference crs_from_user_string(const std::string& text);

// Throws std::invalid_argument when PROJ cannot build the transformation.
TransformPtr make_transform(const OGRSpatialReference& from, const OGRSpatialReference& to);

// "EPSG:4549" when the CRS has an EPSG code, else its name.
std::string crs_label(const OGRSpatialReference& srs);

// Whether a CRS measures in metres (projected, linear unit 1 m).
bool is_metric(const OGRSpatialReference& srs);

}  // namespace siterank
