// KML for Google Earth: one placemark per parcel, filled by score class,
// its balloon holding the breakdown of `siterank explain`.
#include <algorithm>
#include <array>
#include <siterank/parcels.hpp>

#include "analysis/contributions.hpp"
#include "analysis/explanation.hpp"
#include "export/exporters.hpp"
#include "export/ogr_output.hpp"
#include "export/score_colour.hpp"
#include "util/text_format.hpp"

namespace siterank {

namespace {

// Fills 70 % opaque so the imagery shows through; outlines opaque.
std::string style_for(const char* rgb) {
  return std::string("PEN(c:#") + rgb + ",w:2px);BRUSH(fc:#" + rgb + "b3)";
}

std::string number(const nlohmann::ordered_json& v, int decimals) {
  return v.is_number() ? format_fixed(v.get<double>(), decimals) : "n/a";
}

// Factors shown per criterion: plugins declare their sub-scores first, so
// the first few say the most; `siterank explain` has them all.
constexpr std::size_t factors_shown = 4;

std::string description(const nlohmann::ordered_json& e, std::size_t ranked,
                        const std::string& formula) {
  std::string s = "<p>";
  for (const char* key : {"platform", "district"})
    if (!e[key].get<std::string>().empty()) s += html_escape(e[key].get<std::string>()) + ", ";
  if (!e["land_use"].get<std::string>().empty())
    s += "land use " + html_escape(e["land_use"].get<std::string>()) + ", ";
  if (!e["status"].get<std::string>().empty())
    s += "status " + html_escape(e["status"].get<std::string>()) + ", ";
  s += number(e["area_mu"], 2) + " 亩</p>\n";
  const bool vetoed = e["vetoed"].get<bool>();
  if (vetoed) {
    s += "<p><b>vetoed</b>, not ranked:<br/>";
    for (const auto& v : e["vetoes"])
      s += html_escape(v["criterion"].get<std::string>()) + ": " +
           html_escape(v["reason"].get<std::string>()) + "<br/>";
    s += "</p>\n";
  } else {
    s += "<p><b>rank " + std::to_string(e["rank"].get<std::size_t>()) + " of " +
         std::to_string(ranked) + ", score " + number(e["score"], 2) +
         "</b> = " + html_escape(formula) + "</p>\n";
  }
  s += "<table border=\"1\" cellpadding=\"2\" cellspacing=\"0\">\n"
       "<tr><th>criterion</th><th>score</th><th>weight</th><th>contribution</th>"
       "<th>top factors</th></tr>\n";
  for (const auto& c : e["criteria"]) {
    s += "<tr><td>" + html_escape(c["criterion"].get<std::string>()) + "</td><td>" +
         number(c["score"], 2) + "</td><td>" + number(c["weight"], 3) + "</td><td>" +
         (c["contribution"].is_number() ? number(c["contribution"], 2) : "-") + "</td><td>";
    const auto& factors = c["factors"];
    for (std::size_t f = 0; f < factors.size() && f < factors_shown; ++f)
      s += (f ? "<br/>" : "") + html_escape(factors[f]["name"].get<std::string>()) + " " +
           (factors[f].contains("feature")
                ? html_escape(factors[f]["feature"]["name"].get<std::string>())
                : number(factors[f]["value"], 2) + " " +
                      html_escape(factors[f]["unit"].get<std::string>()));
    if (factors.size() > factors_shown)
      s += "<br/>(" + std::to_string(factors.size() - factors_shown) + " more in siterank explain)";
    s += "</td></tr>\n";
  }
  s += "</table>";
  return s;
}

}  // namespace

void write_kml(const RankedResult& result, const Selection& sel, const std::string& path) {
  const ParcelTable& t = result.parcel_table();
  const auto& r = result.scoring;
  // LIBKML writes fills and outlines; the older KML driver, where LIBKML is
  // missing, writes the same placemarks but only the outline (PEN) of a
  // style, so polygons come out as coloured outlines.
  OgrOutput out(path, {"LIBKML", "KML"}, ".kml", "KML");
  OGRLayer& layer = out.create_layer("ranked", wkbUnknown);
  // "name" and "description" become the placemark's <name> and balloon
  // (the KML driver matches them case-insensitively); the rest ExtendedData.
  const int name = out.add_field(layer, "name", OFTString);
  const int desc = out.add_field(layer, "description", OFTString);
  const int rank = out.add_field(layer, "rank", OFTInteger);
  const int parcel_id = out.add_field(layer, "parcel_id", OFTString);
  const int score = out.add_field(layer, "score", OFTReal);
  const TransformPtr to_wgs84 = transform_to_wgs84(result, "KML");
  for (std::size_t p : selected_parcels(result, sel)) {
    const std::string id(t.id.at(p));
    const std::string what = "parcel '" + id + "'";
    const ListedParcel listed = listed_parcel(result, sel, p);
    const bool vetoed = listed.vetoed;
    OGRFeature feature(layer.GetLayerDefn());
    const std::string shown = listed.rank == 0 ? id + " (vetoed)"
                              : vetoed ? "#" + std::to_string(listed.rank) + " " + id + " (vetoed)"
                                       : "#" + std::to_string(listed.rank) + " " + id;
    feature.SetField(name, shown.c_str());
    feature.SetField(desc, description(parcel_explanation(result, p), r.ranking.size(),
                                       aggregation_formula(result.profile.aggregation))
                               .c_str());
    if (listed.rank == 0) {
      feature.SetFieldNull(rank);
      feature.SetFieldNull(score);
    } else {
      feature.SetField(rank, static_cast<GIntBig>(listed.rank));
      feature.SetField(score, round_decimals(listed.score, 6));
    }
    feature.SetField(parcel_id, id.c_str());
    feature.SetStyleString(style_for(vetoed ? vetoed_colour : colour_for(r.total[p])).c_str());
    auto g = polygons_in_wgs84(PolygonView(t.geometry, p), *to_wgs84, true);
    if (!g) out.fail("cannot transform " + what + " to EPSG:4326");
    feature.SetGeometryDirectly(g.release());
    out.write(layer, feature, what);
  }
  out.commit();
}

}  // namespace siterank
