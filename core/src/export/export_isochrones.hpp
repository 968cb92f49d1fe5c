// Isochrones out: GeoJSON (RFC 7946) and GeoPackage, both in EPSG:4326,
// with the same properties; the FeatureCollection also goes into the HTML
// report (export_report). The public side is siterank/host/isochrones.hpp
// (isochrone_formats, check_isochrones_target, write_isochrones).
#pragma once

#include <siterank/host/isochrones.hpp>
#include <string>

namespace siterank {

// The FeatureCollection `siterank isochrones -o FILE.geojson` writes, as
// one line per feature. Throws OutputError when a polygon cannot be
// transformed to EPSG:4326.
std::string isochrones_geojson(const IsochroneSet& set);

}  // namespace siterank
