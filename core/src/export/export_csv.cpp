#include <siterank/host/errors.hpp>
#include <siterank/parcels.hpp>

#include "analysis/parcel_reasons.hpp"
#include "export/exporters.hpp"
#include "export/output_geometry.hpp"
#include "util/text_format.hpp"

namespace siterank {

void write_csv(const RankedResult& result, const Selection& sel, std::ostream& out) {
  const ParcelTable& t = result.parcel_table();
  const auto& r = result.scoring;
  // Optional point and WKT columns come last, so the others keep their
  // positions. Points are lon, lat in degrees, or x, y (easting, northing)
  // in a projected --crs-out, where calling metres lon/lat would mislead.
  TransformPtr to_out;
  if (sel.csv_lonlat || sel.csv_wkt) {
    try {
      to_out = make_transform(working_srs(result), sel.crs);
    } catch (const std::invalid_argument& e) {
      throw OutputError(std::string("CSV export: ") + e.what());
    }
  }
  const bool degrees = in_degrees(sel.crs);
  const int point_decimals = degrees ? 7 : 3;  // about 1 cm; 1 mm
  out << "rank,parcel_id,platform,district,land_use,status,area_mu,area_m2,vetoed,score";
  const bool p_topk = result.p_topk.has_value();
  if (p_topk) out << ",p_topk";
  for (const auto& c : result.criteria) out << ",score_" << c.name;
  out << ",reasons"
      << (!sel.csv_lonlat ? ""
          : degrees       ? ",lon,lat"
                          : ",x,y")
      << (sel.csv_wkt ? ",wkt" : "") << "\n";
  std::vector<OutputRing> rings;
  std::string wkt;
  for (std::size_t p : selected_parcels(result, sel)) {
    const ListedParcel listed = listed_parcel(result, sel, p);
    const bool vetoed = listed.vetoed;
    out << (listed.rank == 0 ? "" : std::to_string(listed.rank)) << ',' << csv_quote(t.id.at(p))
        << ',' << csv_quote(t.platform.at(p)) << ',' << csv_quote(t.district.at(p)) << ','
        << csv_quote(t.land_use.at(p)) << ',' << csv_quote(t.status.at(p)) << ','
        << format_fixed(t.area_m2[p] / m2_per_mu, 2) << ',' << format_fixed(t.area_m2[p], 1) << ','
        << (vetoed ? "true" : "false") << ','
        << (listed.rank == 0 ? "" : format_fixed(listed.score, 4));
    if (p_topk) out << ',' << (vetoed ? "" : format_fixed(result.p_topk->share[p], 4));
    for (std::size_t c = 0; c < result.criteria.size(); ++c)
      out << ',' << format_fixed(r.scores[c].scores[p], 4);
    out << ',' << csv_quote(parcel_reasons(result, p));
    if (sel.csv_lonlat) {
      double x = t.rep_point[p].x, y = t.rep_point[p].y;
      if (!to_out->Transform(1, &x, &y))
        throw OutputError("CSV export: cannot transform parcel '" + std::string(t.id.at(p)) +
                          "' to " + user_crs_label(sel.crs));
      out << ',' << format_fixed(x, point_decimals) << ',' << format_fixed(y, point_decimals);
    }
    if (sel.csv_wkt) {
      // The parcel's polygon as GeoJSON has it: same CRS, decimals and
      // ring orientation. Always quoted: WKT holds commas.
      if (!output_rings(PolygonView(t.geometry, p), *to_out, rings))
        throw OutputError("CSV export: cannot transform parcel '" + std::string(t.id.at(p)) +
                          "' to " + user_crs_label(sel.crs));
      wkt.clear();
      append_wkt(wkt, rings, point_decimals);
      out << ",\"" << wkt << '"';
    }
    out << '\n';
  }
}

}  // namespace siterank
