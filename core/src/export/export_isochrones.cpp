#include "export/export_isochrones.hpp"

#include <cmath>
#include <siterank/host/errors.hpp>
#include <siterank/host/writers.hpp>
#include <siterank/number_text.hpp>
#include <stdexcept>
#include <vector>

#include "crs/user_crs.hpp"
#include "export/ogr_output.hpp"
#include "export/output_geometry.hpp"
#include "util/atomic_file.hpp"
#include "util/text_format.hpp"

namespace siterank {

namespace {

// Decimals of each number, the same in both formats.
constexpr int kMinutesDecimals = 6;
constexpr int kRoadKmDecimals = 3;   // 1 m
constexpr int kAreaKm2Decimals = 6;  // 1 m²
constexpr int kAccessDecimals = 1;   // 10 cm
constexpr int kLonLatDecimals = 7;   // about 1 cm

TransformPtr to_wgs84(const IsochroneSet& set) {
  try {
    return make_transform(user_crs(set.crs).srs, wgs84_crs());
  } catch (const std::invalid_argument& e) {
    throw OutputError("isochrones: " + std::string(e.what()));
  }
}

std::string what(const IsochroneSet& set, const Isochrone& iso) {
  return set.role + " feature " + std::to_string(iso.facility) + " '" + iso.name + "', " +
         format_general(iso.minutes) + " min";
}

// The format by the target's extension: "gpkg" or "geojson".
std::string format_of(const std::string& target) {
  const OutputFormat* f = output_format_for_path(target);
  if (f && (f->name == "gpkg" || f->name == "geojson")) return f->name;
  throw UsageError("isochrones are written as " + isochrone_formats() + "; '" + target +
                   "' ends in neither .gpkg nor .geojson");
}

void write_gpkg(const IsochroneSet& set, const std::string& target) {
  OgrOutput out(target, {"GPKG"}, ".gpkg", "GeoPackage", OgrOutput::Io::direct);
  OGRLayer& layer = out.create_layer("isochrones", wkbMultiPolygon);
  const int facility = out.add_field(layer, "facility", OFTInteger);
  const int name = out.add_field(layer, "name", OFTString);
  const int role = out.add_field(layer, "role", OFTString);
  const int minutes = out.add_field(layer, "minutes", OFTReal);
  const int road_km = out.add_field(layer, "road_km", OFTReal);
  const int area_km2 = out.add_field(layer, "area_km2", OFTReal);
  const int access_m = out.add_field(layer, "access_m", OFTReal);
  const TransformPtr transform = to_wgs84(set);
  for (std::size_t i = 0; i < set.isochrones.size(); ++i) {
    const Isochrone& iso = set.isochrones[i];
    OGRFeature feature(layer.GetLayerDefn());
    feature.SetField(facility, static_cast<GIntBig>(iso.facility));
    feature.SetField(name, iso.name.c_str());
    feature.SetField(role, set.role.c_str());
    feature.SetField(minutes, round_decimals(iso.minutes, kMinutesDecimals));
    feature.SetField(road_km, round_decimals(iso.road_km, kRoadKmDecimals));
    feature.SetField(area_km2, round_decimals(iso.area_km2, kAreaKm2Decimals));
    if (std::isnan(iso.access_m))
      feature.SetFieldNull(access_m);
    else
      feature.SetField(access_m, round_decimals(iso.access_m, kAccessDecimals));
    const PolygonView g(set.polygons, i);
    if (g.ring_count() > 0) {
      auto geometry = polygons_in_wgs84(g, *transform);
      if (!geometry) out.fail("cannot transform " + what(set, iso) + " to EPSG:4326");
      feature.SetGeometryDirectly(geometry.release());
    }
    out.write(layer, feature, what(set, iso));
  }
  out.commit();
}

}  // namespace

std::string isochrones_geojson(const IsochroneSet& set) {
  if (set.polygons.feature_count() != set.isochrones.size())
    throw std::logic_error("isochrones: a polygon per isochrone expected");
  const TransformPtr transform = to_wgs84(set);
  std::string s = "{\"type\":\"FeatureCollection\",\"name\":\"isochrones\",\"features\":[";
  std::vector<OutputRing> rings;
  for (std::size_t i = 0; i < set.isochrones.size(); ++i) {
    const Isochrone& iso = set.isochrones[i];
    s += i ? ",\n" : "\n";
    s += "{\"type\":\"Feature\",\"properties\":{\"facility\":" + std::to_string(iso.facility);
    s += ",\"name\":\"" + json_escape(iso.name) + "\",\"role\":\"" + json_escape(set.role) + "\"";
    append_json_number(s, "minutes", iso.minutes, kMinutesDecimals);
    append_json_number(s, "road_km", iso.road_km, kRoadKmDecimals);
    append_json_number(s, "area_km2", iso.area_km2, kAreaKm2Decimals);
    append_json_number(s, "access_m", iso.access_m, kAccessDecimals);
    s += "},\"geometry\":";
    const PolygonView g(set.polygons, i);
    if (g.ring_count() == 0) {
      s += "null";
    } else {
      if (!output_rings(g, *transform, rings))
        throw OutputError("cannot transform " + what(set, iso) + " to EPSG:4326");
      append_geojson_geometry(s, rings, kLonLatDecimals);
    }
    s += "}";
  }
  return s + "\n]}\n";
}

std::string isochrone_formats() { return "gpkg, geojson"; }

void check_isochrones_target(const std::string& target) {
  format_of(target);
  check_target(target);
}

void write_isochrones(const IsochroneSet& set, const std::string& target) {
  if (format_of(target) == "gpkg") {
    write_gpkg(set, target);
    return;
  }
  const std::string text = isochrones_geojson(set);
  AtomicFile file(target);
  file.stream() << text;
  file.commit();
}

}  // namespace siterank
