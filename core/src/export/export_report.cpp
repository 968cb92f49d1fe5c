// The HTML report: web/report/template.html filled with Leaflet, the
// report's own CSS and JavaScript, and the run's data as one JSON document.
// The page loads nothing: every byte it needs is in the file.
#include <algorithm>
#include <siterank/host/errors.hpp>
#include <sstream>
#include <stdexcept>

#include "analysis/explanation.hpp"
#include "config/profile_weighting.hpp"
#include "config/taxonomy.hpp"
#include "export/export_isochrones.hpp"
#include "export/exporters.hpp"
#include "export/output_geometry.hpp"
#include "export/report_assets.hpp"
#include "export/score_colour.hpp"
#include "util/rounded_json.hpp"
#include "util/text_format.hpp"

namespace siterank {

namespace {

constexpr int lonlat_decimals = 7;  // as GeoJSON: about 1 cm

// The data may hold any text (a profile named "</script>"). Inside a
// <script> element the HTML parser ends the element at "</script" and
// treats "<!--" specially; both can only occur inside JSON strings, where
// "<\/" and "\u003c!--" stand for the same characters.
std::string script_safe(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '<' && json.substr(i, 2) == "</") {
      out += "<\\/";
      ++i;
    } else if (json[i] == '<' && json.substr(i, 4) == "<!--") {
      out += "\\u003c";
    } else {
      out += json[i];
    }
  }
  return out;
}

nlohmann::ordered_json attributes_of(const ReferenceLayer& layer, std::size_t i) {
  nlohmann::ordered_json props = nlohmann::ordered_json::object();
  for (const auto& c : layer.attributes) {
    if (c.kind == AttributeColumn::Kind::number)
      props[c.name] = rounded(c.number(i));
    else
      props[c.name] = std::string(c.text(i));
  }
  return props;
}

// The platform outlines, a GeoJSON FeatureCollection in EPSG:4326.
std::string platforms_geojson(const RankedResult& result, OGRCoordinateTransformation& to_wgs84) {
  std::string s = "{\"type\":\"FeatureCollection\",\"features\":[";
  std::vector<OutputRing> rings;
  bool first = true;
  for (const auto& layer : result.reference_layers()) {
    if (layer.role != "platforms" || layer.kind != GeometryKind::polygon) continue;
    for (std::size_t i = 0; i < layer.size(); ++i) {
      if (!output_rings(PolygonView(layer.polygons, i), to_wgs84, rings))
        throw OutputError("report: cannot transform platform '" + std::string(layer.label(i)) +
                          "' to EPSG:4326");
      s += first ? "\n" : ",\n";
      first = false;
      s += "{\"type\":\"Feature\",\"properties\":" + attributes_of(layer, i).dump() +
           ",\"geometry\":";
      append_geojson_geometry(s, rings, lonlat_decimals);
      s += "}";
    }
  }
  return s + "]}";
}

// The other reference layers as points (a polygon layer such as workforce
// zones by the point on each polygon's surface the criteria measure from).
nlohmann::ordered_json reference_points(const RankedResult& result,
                                        OGRCoordinateTransformation& to_wgs84) {
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  for (const auto& layer : result.reference_layers()) {
    if (layer.role == "platforms") continue;
    nlohmann::ordered_json features = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < layer.size(); ++i) {
      double x = layer.points[i].x, y = layer.points[i].y;
      if (!to_wgs84.Transform(1, &x, &y))
        throw OutputError("report: cannot transform feature " + std::to_string(i) + " of layer '" +
                          layer.name + "' to EPSG:4326");
      features.push_back(
          {{"type", "Feature"},
           {"properties", attributes_of(layer, i)},
           {"geometry",
            {{"type", "Point"},
             {"coordinates", {rounded(x, lonlat_decimals), rounded(y, lonlat_decimals)}}}}});
    }
    layers.push_back({{"name", layer.name},
                      {"role", layer.role},
                      {"geometry", layer.kind == GeometryKind::point ? "point" : "polygon"},
                      {"features", {{"type", "FeatureCollection"}, {"features", features}}}});
  }
  return layers;
}

// The isochrones (siterank isochrones, read back by read_isochrones): the
// layer they belong to, the minutes they show, and the FeatureCollection
// `siterank isochrones -o FILE.geojson` writes.
std::string isochrones_member(const IsochroneSet& set) {
  std::vector<double> minutes;
  for (const auto& iso : set.isochrones)
    if (std::find(minutes.begin(), minutes.end(), iso.minutes) == minutes.end())
      minutes.push_back(iso.minutes);
  std::sort(minutes.begin(), minutes.end());
  nlohmann::ordered_json minutes_json = nlohmann::ordered_json::array();
  for (const double m : minutes) minutes_json.push_back(rounded(m));
  nlohmann::ordered_json head{{"layer", set.layer}, {"role", set.role}, {"minutes", minutes_json}};
  std::string s = head.dump();
  s.pop_back();
  return s + ",\"features\":" + isochrones_geojson(set) + "}";
}

nlohmann::ordered_json report_header(const RankedResult& result) {
  const ProfileRecord& prof = result.profile;
  const Industry* industry = Taxonomy::builtin().find(prof.industry);
  nlohmann::ordered_json criteria = nlohmann::ordered_json::array();
  for (const auto& c : result.criteria) {
    nlohmann::ordered_json factors = nlohmann::ordered_json::array();
    for (const auto& f : c.factors)
      factors.push_back({{"name", f.name}, {"unit", f.unit}, {"description", f.description}});
    criteria.push_back({{"name", c.name},
                        {"plugin", c.plugin.empty() ? c.name : c.plugin},
                        {"weight", rounded(c.weight)},
                        {"raw_weight", rounded(c.raw_weight)},
                        {"plugin_version", c.plugin_version},
                        {"factors", factors}});
  }
  nlohmann::ordered_json ramp = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < score_ramp.size(); ++k)
    ramp.push_back({{"from", 20 * k}, {"colour", std::string("#") + score_ramp[k]}});
  const auto& rep = result.dataset.report;
  return {{"siterank_report", 1},
          {"profile",
           {{"file", prof.path},
            {"name", prof.name},
            {"industry", prof.industry},
            {"industry_zh", industry ? industry->zh : ""},
            {"industry_en", industry ? industry->en : ""},
            {"type", prof.project_type}}},
          {"dataset", {{"name", result.dataset.name}}},
          {"criteria", criteria},
          {"methods", methods_json(prof.weighting, prof.aggregation)},
          {"summary",
           {{"parcels_read", rep.parcels_read},
            {"parcels_loaded", rep.parcels_loaded},
            {"ranked", result.scoring.ranking.size()},
            {"vetoed", result.scoring.vetoed.size()}}},
          {"ramp", ramp},
          {"vetoed_colour", std::string("#") + vetoed_colour}};
}

// A parcel's explanation as `explain -f json` has it, without the summary
// line "reasons" and with each factor only by its value (a feature factor by its feature's name):
// names, units and descriptions are the same for every parcel and are said once, in "criteria".
// With thousands of parcels, repeating them would make the file ten times larger.
nlohmann::ordered_json compact_explanation(const RankedResult& result, std::size_t p) {
  nlohmann::ordered_json e = parcel_explanation(result, p);
  e.erase("reasons");  // vetoes and criteria say it all; the page shows those
  for (auto& c : e["criteria"]) {
    nlohmann::ordered_json values = nlohmann::ordered_json::array();
    // A feature factor's value is the feature's name: the page shows the
    // station, not its index.
    for (const auto& f : c["factors"])
      values.push_back(f.contains("feature") ? f["feature"]["name"] : f["value"]);
    c["factors"] = values;
  }
  return e;
}

// Everything the page shows, as one JSON text. "parcels" is the GeoJSON
// export itself (WGS 84, simplestyle colours), so the map draws exactly what
// `rank -f geojson` writes; "explanations" is what `rank -f json` and
// `explain` say about the same parcels, in the same order.
std::string report_data(const RankedResult& result, const Selection& sel) {
  Selection s = sel;
  s.crs = wgs84_crs();
  s.style = true;
  std::ostringstream parcels;
  write_geojson(result, s, parcels);
  nlohmann::ordered_json explanations = nlohmann::ordered_json::array();
  for (std::size_t p : selected_parcels(result, s))
    explanations.push_back(compact_explanation(result, p));
  TransformPtr to_wgs84;
  try {
    to_wgs84 = make_transform(working_srs(result), wgs84_crs());
  } catch (const std::invalid_argument& e) {
    throw OutputError(std::string("report: ") + e.what());
  }
  std::string header = report_header(result).dump();
  header.pop_back();  // the closing brace: the members below follow
  return header + ",\"parcels\":" + parcels.str() + ",\"explanations\":" + explanations.dump() +
         ",\"platforms\":" + platforms_geojson(result, *to_wgs84) +
         ",\"layers\":" + reference_points(result, *to_wgs84).dump() +
         (sel.isochrones ? ",\"isochrones\":" + isochrones_member(*sel.isochrones) : "") + "}";
}

// Fills the template's {{siterank:NAME}} markers in one pass over the
// template, so text put in (Leaflet, the data) is never searched for markers.
std::string fill_template(std::string_view page,
                          const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& [name, value] : values) {
    const std::string marker = "{{siterank:" + name + "}}";
    const std::size_t at = page.find(marker, pos);
    if (at == std::string_view::npos)
      throw std::logic_error("report template: no " + marker + " after offset " +
                             std::to_string(pos));
    out.append(page.substr(pos, at - pos));
    out += value;
    pos = at + marker.size();
  }
  out.append(page.substr(pos));
  return out;
}

}  // namespace

void write_report(const RankedResult& result, const Selection& sel, std::ostream& out) {
  const std::string title = "siterank: " + result.profile.name + " on " + result.dataset.name;
  const std::string html = fill_template(
      report_assets::page_template(), {{"title", html_escape(title)},
                                       {"leaflet_css", std::string(report_assets::leaflet_css())},
                                       {"report_css", std::string(report_assets::report_css())},
                                       {"data", script_safe(report_data(result, sel))},
                                       {"leaflet_js", std::string(report_assets::leaflet_js())},
                                       {"report_js", std::string(report_assets::report_js())}});
  out << html;
}

}  // namespace siterank
