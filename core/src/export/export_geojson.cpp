#include <siterank/host/errors.hpp>
#include <siterank/parcels.hpp>
#include <vector>

#include "analysis/parcel_reasons.hpp"
#include "export/exporters.hpp"
#include "export/output_geometry.hpp"
#include "export/score_colour.hpp"
#include "util/parallel_chunks.hpp"
#include "util/text_format.hpp"

namespace siterank {

namespace {

// RFC 7946: longitude, latitude in WGS 84 with at most 7 decimals (about
// 1 cm), exterior rings counter-clockwise, holes clockwise. Other CRSs keep
// the shape: 7 decimals for degrees, 3 (1 mm) for metres.
int coordinate_decimals(const UserCrs& crs) { return in_degrees(crs) ? 7 : 3; }

// The top-level members that say what the coordinates are. None for WGS 84
// (RFC 7946 allows no other CRS, so saying nothing means WGS 84). Other CRSs
// get the legacy 2008 "crs" member, which GDAL, QGIS and PostGIS still read.
// GCJ-02 and BD-09 have no code to put there (naming EPSG:4326 would be
// false, an invented name would make GDAL refuse the file), and the tools
// they are for (Amap, Tencent and Baidu map APIs, a Chinese basemap in
// kepler.gl) take plain lon/lat and draw it as given. So no "crs", and a
// foreign member (RFC 7946 section 6.1) that tells readers which shift the
// numbers carry.
std::string crs_members(const UserCrs& crs) {
  if (is_wgs84(crs)) return "";
  if (crs.datum) return std::string(",\"siterank_crs\":\"") + datum_name(*crs.datum) + "\"";
  return ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + json_escape(ogc_urn(crs)) +
         "\"}}";
}

}  // namespace

std::string geojson_crs_refusal(const UserCrs& crs) {
  if (is_wgs84(crs) || crs.datum || !ogc_urn(crs).empty()) return "";
  return "GeoJSON names a CRS other than WGS 84 by its authority code, and " + user_crs_label(crs) +
         " has none; give it as EPSG:XXXX";
}

namespace {

// One feature, as a line of the FeatureCollection (without the separator).
void append_feature(std::string& s, const RankedResult& result, const Selection& sel, std::size_t p,
                    OGRCoordinateTransformation& to_out, int decimals,
                    std::vector<OutputRing>& rings) {
  const ParcelTable& t = result.parcel_table();
  const auto& r = result.scoring;
  const ListedParcel listed = listed_parcel(result, sel, p);
  const bool vetoed = listed.vetoed;
  s += "{\"type\":\"Feature\",\"properties\":{\"rank\":";
  s += listed.rank == 0 ? "null" : std::to_string(listed.rank);
  s += ",\"parcel_id\":\"" + json_escape(t.id.at(p)) + "\"";
  s += ",\"platform\":\"" + json_escape(t.platform.at(p)) + "\"";
  append_json_number(s, "area_mu", t.area_m2[p] / m2_per_mu, 2);
  append_json_number(s, "score", listed.score, 4);
  if (result.p_topk.has_value()) append_json_number(s, "p_topk", result.p_topk->share[p], 4);
  for (std::size_t c = 0; c < result.criteria.size(); ++c) {
    const std::string key = "score_" + result.criteria[c].name;
    append_json_number(s, key.c_str(), r.scores[c].scores[p], 4);
  }
  s += std::string(",\"vetoed\":") + (vetoed ? "true" : "false");
  s += ",\"reasons\":\"" + json_escape(parcel_reasons(result, p)) + "\"";
  if (sel.style) {
    // simplestyle-spec 1.1.0: fill and stroke as #rrggbb, fill-opacity 0..1.
    const std::string colour = std::string("#") + (vetoed ? vetoed_colour : colour_for(r.total[p]));
    s += ",\"fill\":\"" + colour + "\",\"stroke\":\"" + colour + "\",\"fill-opacity\":0.7";
  }
  s += "}";
  if (!output_rings(PolygonView(t.geometry, p), to_out, rings))
    throw OutputError("GeoJSON export: cannot transform parcel '" + std::string(t.id.at(p)) +
                      "' to " + user_crs_label(sel.crs));
  s += ",\"geometry\":";
  append_geojson_geometry(s, rings, decimals);
  s += "}";
}

TransformPtr output_transform(const RankedResult& result, const Selection& sel) {
  try {
    return make_transform(working_srs(result), sel.crs);
  } catch (const std::invalid_argument& e) {
    throw OutputError(std::string("GeoJSON export: ") + e.what());
  }
}

}  // namespace

// Features are formatted in parallel, a piece of consecutive features per
// task, and written in order a window of pieces at a time: the file is the
// same for any thread count, and memory stays bounded by the window.
void write_geojson(const RankedResult& result, const Selection& sel, std::ostream& out) {
  if (const std::string why = geojson_crs_refusal(sel.crs); !why.empty())
    throw OutputError("GeoJSON export: " + why);
  const unsigned threads = worker_count(sel.threads);
  // PROJ transformation objects are not thread-safe: one per worker.
  std::vector<TransformPtr> transforms;
  for (unsigned w = 0; w < threads; ++w) transforms.push_back(output_transform(result, sel));
  const int decimals = coordinate_decimals(sel.crs);
  out << "{\"type\":\"FeatureCollection\",\"name\":\"" << json_escape(result.profile.name) << "\""
      << crs_members(sel.crs) << ",\"features\":[\n";

  const std::vector<std::size_t> parcels = selected_parcels(result, sel);
  constexpr std::size_t piece_size = 512;
  const std::size_t window = 16 * threads;  // pieces formatted before writing
  std::vector<std::string> text(window);
  std::vector<std::vector<OutputRing>> rings(threads);
  const std::size_t pieces = (parcels.size() + piece_size - 1) / piece_size;
  for (std::size_t first = 0; first < pieces; first += window) {
    const std::size_t count = std::min(window, pieces - first);
    parallel_pieces(count, threads, [&](std::size_t i, unsigned w) {
      std::string& s = text[i];
      s.clear();
      const std::size_t begin = (first + i) * piece_size;
      const std::size_t end = std::min(parcels.size(), begin + piece_size);
      for (std::size_t k = begin; k < end; ++k) {
        if (k > 0) s += ",\n";
        append_feature(s, result, sel, parcels[k], *transforms[w], decimals, rings[w]);
      }
    });
    for (std::size_t i = 0; i < count; ++i) out << text[i];
  }
  out << "\n]}\n";
}

}  // namespace siterank
