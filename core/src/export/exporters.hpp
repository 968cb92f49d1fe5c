// Writers of ranked results: table (terminal), CSV, JSON (full
// explanations) and GeoJSON (RFC 7946) write to a stream, and the CLI
// decides between stdout and an atomically written file; GeoPackage,
// FlatGeobuf and KML go through GDAL drivers, which write to a file name.
#pragma once

#include <memory>
#include <ostream>
#include <siterank/host/isochrones.hpp>
#include <siterank/host/ranked_result.hpp>
#include <string>
#include <vector>

#include "crs/user_crs.hpp"

namespace siterank {

struct Selection {
  std::size_t top = 0;          // 0 = every ranked parcel
  bool include_vetoed = false;  // vetoed parcels after the ranked ones
  bool rank_vetoed = false;     // ... ranked after the rest, scored 0 (OutputOptions)
  // Coordinates of GeoJSON geometries and CSV points (rank --crs-out).
  UserCrs crs = wgs84_crs();
  bool csv_lonlat = false;  // CSV: add each parcel's representative point
  bool csv_wkt = false;     // CSV: add each parcel's polygon as WKT
  // GeoJSON: simplestyle properties (fill, stroke, fill-opacity) coloured by
  // score, so geojson.io and similar viewers show the ranking at once.
  bool style = true;
  unsigned threads = 0;                            // formatting threads (GeoJSON), 0 = all cores
  std::shared_ptr<const IsochroneSet> isochrones;  // the report's isochrone layer, when set
};

// The working CRS of the result's geometries; throws std::invalid_argument
// (the result was made from a manifest whose CRS PROJ knew, so only when PROJ
// itself changed).
inline OGRSpatialReference working_srs(const RankedResult& result) {
  return user_crs(result.dataset.working_crs).srs;  // PROJ's complaint in the message only
}

// Ranked parcels to output (best first), then vetoed ones if asked.
std::vector<std::size_t> selected_parcels(const RankedResult& result, const Selection& sel);

// How a writer lists a parcel: its rank (0 for none), its score (NaN for
// none) and whether it is vetoed. A vetoed parcel has neither, unless
// sel.rank_vetoed: then it ranks after every ranked parcel (ties by id, the
// order of RankResult::vetoed) with score 0.
struct ListedParcel {
  std::size_t rank = 0;
  double score = 0.0;
  bool vetoed = false;
};
ListedParcel listed_parcel(const RankedResult& result, const Selection& sel, std::size_t p);

void write_table(const RankedResult& result, const Selection& sel, std::ostream& out);
void write_csv(const RankedResult& result, const Selection& sel, std::ostream& out);
void write_json(const RankedResult& result, const Selection& sel, std::ostream& out);
void write_geojson(const RankedResult& result, const Selection& sel, std::ostream& out);
// Why GeoJSON cannot be written in `crs`, "" when it can: outside WGS 84 a
// file names its CRS in a "crs" member, which needs an authority code.
std::string geojson_crs_refusal(const UserCrs& crs);

// In EPSG:4326, written beside `path` and renamed over it once complete, so
// a failure leaves an existing file as it was. Throw OutputError.
// GeoPackage layers: "ranked" (the selection's ranked parcels), "vetoed"
// (every vetoed parcel with its reasons, present even when empty) and
// "platforms" (when the run loaded a layer with that role).
void write_gpkg(const RankedResult& result, const Selection& sel, const std::string& path);
// FlatGeobuf: one layer, the selection in order, with a `vetoed` flag when
// vetoed parcels are included.
void write_fgb(const RankedResult& result, const Selection& sel, const std::string& path);
// HTML report: one self-contained page (Leaflet and the data inline, no
// network) with a map of the selected parcels coloured by score, vetoed
// ones grey, the platforms and the other reference layers the run loaded,
// the selection's isochrones (off until switched on), a ranked table
// linked to the map and each parcel's breakdown. Throws
// OutputError.
void write_report(const RankedResult& result, const Selection& sel, std::ostream& out);
// KML: a placemark per selected parcel coloured by score class (vetoed ones
// grey), its description the breakdown as an HTML table.
void write_kml(const RankedResult& result, const Selection& sel, const std::string& path);

}  // namespace siterank
