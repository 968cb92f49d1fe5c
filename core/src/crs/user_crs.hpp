// A CRS as users name it (a manifest's "crs", `rank --crs-out`): anything
// PROJ knows ("EPSG:4490", WKT, a PROJ string), or "gcj02" / "bd09", which
// PROJ does not know. Those two are WGS 84 lon/lat with the shift of
// chinese_crs.hpp, so their transformations are PROJ's to or from
// EPSG:4326 plus the shift, packaged as an OGRCoordinateTransformation that
// OGR geometries and the exporters use like any other.
#pragma once

#include <optional>
#include <string>

#include "crs/chinese_crs.hpp"
#include "crs/crs.hpp"

namespace siterank {

struct UserCrs {
  OGRSpatialReference srs;            // EPSG:4326 for gcj02 and bd09
  std::optional<ChineseDatum> datum;  // set for gcj02 and bd09
};

// Throws std::invalid_argument with PROJ's reason.
UserCrs user_crs(const std::string& text);
// WGS 84 lon/lat, what RFC 7946 GeoJSON is in by definition.
UserCrs wgs84_crs();

// "gcj02", "bd09", else as crs_label ("EPSG:4549").
std::string user_crs_label(const UserCrs& c);
// Plain WGS 84 lon/lat (EPSG:4326 or OGC:CRS84).
bool is_wgs84(const UserCrs& c);
// Degrees rather than metres.
bool in_degrees(const UserCrs& c);
// "urn:ogc:def:crs:EPSG::4549" for a CRS with an authority code, else ""
// (also for gcj02 and bd09, which have none).
std::string ogc_urn(const UserCrs& c);

// Throw std::invalid_argument when PROJ cannot build the transformation.
TransformPtr make_transform(const UserCrs& from, const OGRSpatialReference& to);
TransformPtr make_transform(const OGRSpatialReference& from, const UserCrs& to);

}  // namespace siterank
