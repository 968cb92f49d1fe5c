// Isochrones, as `siterank isochrones` computes and writes them: for each
// feature of a reference layer (the facilities: rail hubs, airports ...)
// and each time limit, the area from which the facility is reached by road
// within the limit, on the dataset's road network (its layer with role
// "roads"). Trips run *to* the facility, as the criteria measure a
// parcel's trip: access leg to the nearest road, the drive, the facility's
// own access leg (docs/formats.md, "Isochrones"). Standard library and SDK
// types only; errors are those of siterank/host/errors.hpp.
#pragma once

#include <cstddef>
#include <limits>
#include <siterank/geometry.hpp>
#include <string>
#include <vector>

namespace siterank {

// FIELD=VALUE: a feature passes when its attribute FIELD (a name the
// manifest maps, such as `kind`) holds VALUE, one of its ';'-separated
// values for text (as plugins' filters match), the number for a numeric
// attribute.
struct IsochroneFilter {
  std::string field;
  std::string value;
};

struct IsochroneRequest {
  std::string dataset_dir;               // "" = the sample dataset installed with the host
  std::string role;                      // the layer whose features are the facilities
  std::vector<double> minutes;           // each finite and > 0, no two alike
  std::vector<IsochroneFilter> filters;  // the features passing all of them
  unsigned threads = 0;                  // 0 = all cores; the output is the same
};

struct Isochrone {
  std::size_t facility = 0;  // the feature's index in its layer (source order)
  std::string name;          // its `name` attribute; "" when it has none
  double minutes = 0.0;
  double road_km = 0.0;   // road from which the facility is reached in time
  double area_km2 = 0.0;  // of the polygon
  // The facility's own access leg to the network; NaN when no road is
  // within the network's access distance (then nothing is reached).
  double access_m = std::numeric_limits<double>::quiet_NaN();
};

struct IsochroneSet {
  std::string dataset;  // the manifest's name ("" when read from a file)
  std::string layer;    // the facilities' layer as the manifest names it
  std::string role;
  // The CRS of `polygons` as PROJ reads it: the dataset's working CRS
  // ("EPSG:4549") when computed, "EPSG:4326" when read from a file.
  std::string crs;
  // By facility (layer order), then by minutes ascending.
  std::vector<Isochrone> isochrones;
  // Feature i is isochrones[i]'s (multi)polygon; no rings when it has no
  // area (nothing reached in time, or the facility off the network).
  PolygonStore polygons;
  // The loader's notes on the layers, and one per facility off the network.
  std::vector<std::string> notes;
};

// Reads the manifest, the facilities' layer and the roads (not the
// parcels) and computes every isochrone. Throws UsageError for bad minutes
// or the role "roads"; InputError for a dataset without a roads layer, a
// role no layer has, a filter field the layer does not map, a layer (or
// filter) leaving no feature, and bad data.
IsochroneSet compute_isochrones(const IsochroneRequest& request);

// The file formats: ".gpkg" (GeoPackage, layer "isochrones") and
// ".geojson" (RFC 7946), both in EPSG:4326; "gpkg, geojson".
std::string isochrone_formats();
// Throws UsageError unless `target` ends in .gpkg or .geojson
// (case-insensitive), OutputError when no file can be created beside it:
// call it before computing, so a bad -o fails at once.
void check_isochrones_target(const std::string& target);
// Writes `set` to `target` by its extension, replacing a file only once
// the new one is complete. Throws UsageError as check_isochrones_target,
// OutputError when the file cannot be written.
void write_isochrones(const IsochroneSet& set, const std::string& target);
// Reads a file write_isochrones wrote (GeoPackage or GeoJSON), polygons in
// EPSG:4326, for the HTML report. Throws InputError naming the file and
// what is wrong with it.
IsochroneSet read_isochrones(const std::string& path);

}  // namespace siterank
