#include "data/road_loader.hpp"

#include <cmath>
#include <memory>
#include <optional>
#include <siterank/columns.hpp>
#include <siterank/host/errors.hpp>
#include <stdexcept>
#include <string>

#include "data/layer_fields.hpp"
#include "data/ogr_layer.hpp"
#include "data/road_attributes.hpp"
#include "data/road_geometry.hpp"
#include "data/value_tally.hpp"
#include "network/road_classes.hpp"

namespace siterank::data_detail {

namespace {

std::string count_of(std::size_t n, const char* thing) {
  return std::to_string(n) + " " + thing + (n == 1 ? "" : "s");
}

// "'CN:urban' 12, 'none' 2": the most frequent values, at most `limit`.
std::string value_list(const ValueTally& t, std::size_t limit = 5) {
  std::string out;
  const auto entries = t.by_count();
  for (std::size_t i = 0; i < entries.size() && i < limit; ++i)
    out += (i ? ", '" : "'") + entries[i].value + "' " + std::to_string(entries[i].count);
  if (entries.size() > limit) out += ", ...";
  return out;
}

void refuse_layer_type(const OpenedLayer& l, const LayerSource& s, const DatasetManifest& m) {
  const OGRwkbGeometryType type = wkbFlatten(l.layer->GetGeomType());
  // wkbUnknown: a mixed or undeclared layer (CSV, some GeoJSON); its
  // features are checked one by one.
  if (type == wkbUnknown || is_line_type(type)) return;
  const std::string what =
      type == wkbNone ? "no geometry" : std::string(OGRGeometryTypeToName(type)) + " geometry";
  throw InputError(l.label + ": a roads layer needs LineString or MultiLineString geometry, " +
                   "this one has " + what + " (" + s.json_path + " in " + m.path + ")");
}

// A feature's travel time shared among its parts by length, so that a
// MultiLineString's parts together take the feature's time.
void share_seconds(std::vector<network::RoadLine>& lines, std::size_t first, double seconds) {
  if (lines.size() - first == 1) {
    lines[first].seconds = seconds;
    return;
  }
  double total = 0;
  for (std::size_t i = first; i < lines.size(); ++i) total += line_length(lines[i]);
  for (std::size_t i = first; i < lines.size(); ++i)
    lines[i].seconds = seconds * line_length(lines[i]) / total;
}

struct Skips {
  std::size_t no_geometry = 0;
  std::size_t untransformable = 0;
  std::size_t short_parts = 0;
  ValueTally no_speed;    // by class ("" for none): left out
  ValueTally own_speed;   // by class unknown to the table ("" for none): kept at their own speed
  ValueTally bad_oneway;  // by value: refused after the pass
};

// The report's notes on the features left out or read differently, without
// the layer label.
std::vector<std::string> notes_of(const Skips& k, RoadAttributes& a, const LayerSource& s) {
  std::vector<std::string> out;
  if (k.no_geometry)
    out.push_back(count_of(k.no_geometry, "feature") + " without geometry skipped");
  for (const auto& e : k.no_speed.by_count())
    out.push_back(e.value.empty()
                      ? count_of(e.count, "feature") + " without a class (field " +
                            a.source("class") + ") skipped"
                      : count_of(e.count, "feature") + " of class '" + e.value +
                            "' skipped (no speed; add it to " + s.json_path + ".speeds to use it)");
  for (const auto& e : k.own_speed.by_count())
    out.push_back(count_of(e.count, "feature") +
                  (e.value.empty() ? " without a class" : " of class '" + e.value + "'") +
                  " (not in the speed table) kept for their own speed or travel time");
  if (!a.unusable_speeds.empty())
    out.push_back(count_of(a.unusable_speeds.total(), "feature") + " with a speed_kmh (field " +
                  a.source("speed_kmh") +
                  ") that is not a speed: " + value_list(a.unusable_speeds) +
                  "; the class speed is used instead (a speed is a positive number of km/h, "
                  "optionally followed by km/h or mph)");
  if (!a.unusable_times.empty())
    out.push_back(count_of(a.unusable_times.total(), "feature") + " with a travel_time_s (field " +
                  a.source("travel_time_s") + ") that is not a positive number of seconds: " +
                  value_list(a.unusable_times) + "; the speed is used instead");
  if (k.short_parts)
    out.push_back(count_of(k.short_parts, "line part") +
                  " with fewer than 2 distinct points skipped");
  if (k.untransformable)
    out.push_back(count_of(k.untransformable, "feature") +
                  " that cannot be transformed to the working CRS skipped");
  return out;
}

[[noreturn]] void refuse_oneway(const ValueTally& bad, RoadAttributes& a, const OpenedLayer& l,
                                const LayerSource& s, const DatasetManifest& m) {
  std::string values;
  for (const auto& e : bad.by_count())
    values += (values.empty() ? "'" : ", '") + e.value + "' (" + count_of(e.count, "feature") +
              ", first feature " + std::to_string(e.first_feature) + ")";
  throw InputError(l.label + ": oneway values (field " + a.source("oneway") +
                   ") that are not yes, no or -1 (nor true, false, 1, 0): " + values +
                   "; map them in " + s.json_path + ".values.oneway of " + m.path);
}

}  // namespace

std::vector<network::RoadLine> load_roads(const LayerSource& s, const DatasetManifest& m,
                                          const OGRSpatialReference& working, LoadReport& report) {
  OpenedLayer l = open_layer(s, m, working, report);
  QuietGdal quiet;
  refuse_layer_type(l, s, m);
  RoadAttributes attributes(s, l, m);
  read_only_fields(l, attributes.used());  // an OSM extract carries many more
  std::optional<network::RoadClassSpeeds> speeds;
  try {
    speeds.emplace(s.speeds);
  } catch (const std::invalid_argument& e) {  // the schema lets none through; a caller might
    throw InputError(m.path + ": " + s.json_path + ".speeds: " + e.what());
  }

  std::vector<network::RoadLine> out;
  // Cheap for GeoPackage and FlatGeobuf (a header field); -1 when unknown.
  if (const GIntBig expected = l.layer->GetFeatureCount(FALSE); expected > 0)
    out.reserve(static_cast<std::size_t>(expected));
  Skips skips;
  LineScratch scratch;
  std::string oneway_value;
  std::size_t read = 0;
  l.layer->ResetReading();
  while (std::unique_ptr<OGRFeature> f = next_feature(l, read)) {
    ++read;
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g || g->IsEmpty()) {
      ++skips.no_geometry;
      continue;
    }
    if (!is_line_type(g->getGeometryType()))
      throw InputError(l.label + ": feature " + std::to_string(f->GetFID()) + ": " +
                       OGRGeometryTypeToName(g->getGeometryType()) +
                       " geometry in a roads layer (roads are LineString or MultiLineString; " +
                       s.json_path + " in " + m.path + ")");

    // A feature's own travel time wins over its own speed, which wins over
    // its class speed; with none of the three no car uses it.
    const std::string road_class = attributes.road_class(*f);
    const double seconds = attributes.seconds(*f);
    double speed = attributes.speed_kmh(*f);
    const std::optional<double> class_speed =
        road_class.empty() ? std::nullopt : speeds->speed_kmh(road_class);
    if (std::isnan(speed) && class_speed) speed = *class_speed;
    if (std::isnan(speed) && std::isnan(seconds)) {
      skips.no_speed.add(road_class, f->GetFID());
      continue;
    }
    if (!class_speed) skips.own_speed.add(road_class, f->GetFID());

    const std::optional<network::Direction> direction = attributes.direction(*f, oneway_value);
    if (!direction) {
      skips.bad_oneway.add(oneway_value, f->GetFID());
      continue;
    }

    const std::size_t first = out.size();
    const LineParts parts = append_line_parts(*g, l, scratch, out);
    if (!parts.transformed) {
      ++skips.untransformable;
      continue;
    }
    skips.short_parts += parts.short_parts;
    if (parts.added == 0) continue;
    for (std::size_t i = first; i < out.size(); ++i) {
      // With a travel time the graph ignores the speed: 0 when the feature
      // has a time but neither its own speed nor a class speed.
      out[i].speed_kmh = std::isnan(speed) ? 0.0 : speed;
      out[i].direction = *direction;
    }
    if (!std::isnan(seconds)) share_seconds(out, first, seconds);
  }
  if (!skips.bad_oneway.empty()) refuse_oneway(skips.bad_oneway, attributes, l, s, m);

  const std::vector<std::string> notes = notes_of(skips, attributes, s);
  if (out.empty()) {
    std::string why;
    for (const auto& n : notes) why += "; " + n;
    throw InputError(l.label + ": no usable roads in " + count_of(read, "feature") + why);
  }
  for (const auto& n : notes) report.notes.push_back(l.label + ": " + n);
  out.shrink_to_fit();
  return out;
}

}  // namespace siterank::data_detail
