// Parcel and platform polygons in output coordinates, as text: GeoJSON
// geometries (the GeoJSON export and the HTML report) and WKT (the CSV
// export's `wkt` column). One transformation and orientation rule for all
// of them, so every format carries the same coordinates.
#pragma once

#include <ogr_spatialref.h>

#include <siterank/geometry.hpp>
#include <string>
#include <vector>

namespace siterank {

// One ring transformed to the output CRS and re-oriented there (RFC 7946:
// exterior rings counter-clockwise, holes clockwise; a transformation can
// mirror a ring, so the orientation is checked after it).
struct OutputRing {
  std::vector<double> x, y;
  bool exterior = true;
};

// The rings of a polygon feature in store order (each exterior followed by
// its holes). False when the transformation fails.
bool output_rings(const PolygonView& g, OGRCoordinateTransformation& to_out,
                  std::vector<OutputRing>& rings);

// {"type":"Polygon","coordinates":...}, or a MultiPolygon when the feature
// has several exterior rings; coordinates with at most `decimals` decimals.
void append_geojson_geometry(std::string& out, const std::vector<OutputRing>& rings, int decimals);

// POLYGON ((x y, ...), (hole ...)) or MULTIPOLYGON (((...)), ((...))), as
// GDAL's CSV driver and QGIS read it.
void append_wkt(std::string& out, const std::vector<OutputRing>& rings, int decimals);

}  // namespace siterank
