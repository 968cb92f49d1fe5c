#include "data/parcel_loader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <memory>
#include <optional>
#include <siterank/host/errors.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "crs/crs.hpp"
#include "data/category_appender.hpp"
#include "data/geometry_repair.hpp"
#include "data/layer_fields.hpp"
#include "data/ogr_layer.hpp"
#include "data/polygon_flattening.hpp"
#include "data/representative_point.hpp"

namespace siterank::data_detail {

namespace {

// The working CRS's area of use (PROJ's, in degrees) widened by
// `margin_deg`, as a box in working coordinates; nullopt when PROJ gives
// none or it crosses the antimeridian.
std::optional<OGREnvelope> area_of_use_box(const OGRSpatialReference& working, double margin_deg,
                                           std::string& label) {
  double w = 0, s = 0, e = 0, n = 0;
  const char* name = nullptr;
  if (!working.GetAreaOfUse(&w, &s, &e, &n, &name) || e < w) return std::nullopt;
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  try {
    const TransformPtr t = make_transform(wgs84, working);
    OGREnvelope box;
    if (!t->TransformBounds(std::max(w - margin_deg, -180.0), std::max(s - margin_deg, -90.0),
                            std::min(e + margin_deg, 180.0), std::min(n + margin_deg, 90.0),
                            &box.MinX, &box.MinY, &box.MaxX, &box.MaxY, 21))
      return std::nullopt;
    char buf[160];
    std::snprintf(buf, sizeof buf, "%.1f..%.1f°E, %.1f..%.1f°N", w, e, s, n);
    label = crs_label(working) + (name ? std::string(" (") + name + ")" : "") + ", " + buf;
    return box;
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

// Parcels far outside where the working CRS is meant for are in the wrong
// CRS (degrees of London read into a Chinese Gauss-Krüger zone) or in the
// wrong dataset: all of them is an error, some a warning.
void check_area_of_use(const OpenedLayer& l, const OGRSpatialReference& working,
                       const ParcelTable& t, LoadReport& report) {
  std::string label;
  const std::optional<OGREnvelope> box = area_of_use_box(working, 1.0, label);
  if (!box) return;
  std::size_t outside = 0, first = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const Point& p = t.rep_point[i];
    if (p.x < box->MinX || p.x > box->MaxX || p.y < box->MinY || p.y > box->MaxY)
      if (outside++ == 0) first = i;
  }
  if (outside == 0) return;
  const std::string what = "outside the area of use of the working CRS " + label +
                           ", more than 1° beyond it (the first: parcel '" +
                           std::string(t.id.at(first)) + "')";
  if (outside == t.size())
    throw InputError(l.label + ": " +
                     (outside == 1 ? "the one parcel lies "
                                   : "all " + std::to_string(outside) + " parcels lie ") +
                     what + "; check the parcels' CRS, or choose a working CRS for their region");
  report.warnings.push_back(l.label + ": " + std::to_string(outside) + " of " +
                            std::to_string(t.size()) + " parcels lie " + what +
                            "; distances there are distorted");
}

std::string shortest_number(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace

namespace {

std::string feature_label(const std::string& id, GIntBig fid) {
  return id.empty() ? "feature " + std::to_string(fid) : "parcel '" + id + "'";
}

}  // namespace

void load_parcels(const DatasetManifest& m, const OGRSpatialReference& working, Dataset& out,
                  bool header_only) {
  const LayerSource& s = m.parcels;
  LoadReport& report = out.report;
  OpenedLayer l = open_layer(s, m, working, report);
  QuietGdal quiet;

  struct Mapped {
    std::string canonical;
    int idx;
    bool numeric;
  };
  auto field = [&](const std::string& canonical) -> int {
    const auto it = s.fields.find(canonical);
    return it == s.fields.end()
               ? -1
               : source_field(l, it->second, s.json_path + ".fields." + canonical, m);
  };
  const int id_idx = field("id");
  const int name_idx = field("name"), platform_idx = field("platform"),
            district_idx = field("district"), land_use_idx = field("land_use"),
            status_idx = field("status");
  const char* number_names[] = {"price_wan_per_mu", "plot_ratio_min", "plot_ratio_max",
                                "height_limit_m",   "power_kva",      "water_m3_per_day"};
  ParcelTable& t = out.parcels;
  std::vector<double>* number_columns[] = {&t.price_wan_per_mu, &t.plot_ratio_min,
                                           &t.plot_ratio_max,   &t.height_limit_m,
                                           &t.power_kva,        &t.water_m3_per_day};
  std::vector<Mapped> numbers;
  for (const char* n : number_names) {
    const int idx = field(n);
    numbers.push_back({n, idx, idx >= 0 && is_numeric(l, idx)});
  }
  std::vector<Mapped> extras;
  for (const auto& [name, src] : s.extra_fields) {
    const int idx = source_field(l, src, s.json_path + ".extra_fields." + name, m);
    extras.push_back({name, idx, is_numeric(l, idx)});
    AttributeColumn c;
    c.name = name;
    c.kind = is_numeric(l, idx) ? AttributeColumn::Kind::number : AttributeColumn::Kind::text;
    t.extra.push_back(std::move(c));
  }
  for (const auto& [canonical, src] : s.fields) t.mapped_fields.push_back(canonical);
  for (const auto& [name, src] : s.extra_fields) t.mapped_fields.push_back(name);
  if (header_only) return;

  // Read only the mapped fields.
  {
    std::vector<int> used{id_idx, name_idx, platform_idx, district_idx, land_use_idx, status_idx};
    for (const auto& n : numbers) used.push_back(n.idx);
    for (const auto& e : extras) used.push_back(e.idx);
    read_only_fields(l, used);
  }

  std::unordered_set<std::string> seen_ids;
  // Cheap for GeoPackage and FlatGeobuf (a header field); -1 when unknown.
  const GIntBig expected = l.layer->GetFeatureCount(FALSE);
  if (expected > 0) seen_ids.reserve(static_cast<std::size_t>(expected));
  std::vector<Point> scratch;
  CategoryAppender platforms(t.platform), districts(t.district), land_uses(t.land_use),
      statuses(t.status);
  std::vector<CategoryAppender> extra_texts;
  for (auto& c : t.extra) extra_texts.emplace_back(c.texts);
  l.layer->ResetReading();
  while (std::unique_ptr<OGRFeature> f = next_feature(l, report.parcels_read)) {
    ++report.parcels_read;
    const std::string id = text_value(l, *f, id_idx);
    const auto label = [&] { return feature_label(id, f->GetFID()); };
    if (id.empty()) {
      report.skipped.push_back({id, label() + ": empty id (" + s.fields.at("id") + ")"});
      continue;
    }
    const PreparedGeometry prepared = prepared_geometry(*f, l, scratch);
    const OGRGeometry* g = prepared.geometry;
    if (!g) {
      report.skipped.push_back({id, label() + ": " + prepared.why});
      continue;
    }
    const std::size_t ring_mark = t.geometry.ring_offsets.size(),
                      point_mark = t.geometry.points.size();
    const double area = append_polygons(g, t.geometry);
    if (!(area > 0)) {
      drop_last_feature(t.geometry, ring_mark, point_mark);  // a line or point in the parcels layer
      report.skipped.push_back({id, label() + ": geometry has no area (" +
                                        OGRGeometryTypeToName(g->getGeometryType()) + ")"});
      continue;
    }
    if (!seen_ids.insert(id).second)
      throw InputError(l.label + ": parcel id '" + id + "' occurs twice (" + s.fields.at("id") +
                       " must be unique)");
    if (prepared.repaired)
      report.repaired.push_back(label() + ": invalid geometry repaired with MakeValid");

    t.id.push_back(id);
    t.name.push_back(name_idx >= 0 ? text_value(l, *f, name_idx) : "");
    platforms.push(platform_idx >= 0 ? map_value(s, "platform", text_value(l, *f, platform_idx))
                                     : "");
    districts.push(district_idx >= 0 ? map_value(s, "district", text_value(l, *f, district_idx))
                                     : "");
    land_uses.push(land_use_idx >= 0 ? map_value(s, "land_use", text_value(l, *f, land_use_idx))
                                     : "");
    std::string status =
        status_idx >= 0 ? map_value(s, "status", text_value(l, *f, status_idx)) : "";
    if (!status.empty() && std::none_of(std::begin(parcel_statuses), std::end(parcel_statuses),
                                        [&](const char* c) { return status == c; }))
      throw InputError(
          l.label + ": " + label() + ": status '" + status +
          "' is not canonical (ready, available, reserved, clearance, occupied); map it in " +
          s.json_path + ".values.status of " + m.path);
    statuses.push(status);
    for (std::size_t n = 0; n < numbers.size(); ++n) {
      const auto what = [&] {
        return l.label + ": " + label() + ": field '" + s.fields.at(numbers[n].canonical) + "' (" +
               numbers[n].canonical + ")";
      };
      const double v = numbers[n].idx < 0
                           ? missing
                           : number_value(l, *f, numbers[n].idx, numbers[n].numeric, what);
      // Prices, capacities, ratios and heights are never negative: such a
      // value is a data error, not an unknown to score as one.
      if (!std::isnan(v) && !(v >= 0 && std::isfinite(v)))
        throw InputError(what() + ": " + shortest_number(v) +
                         " is not a valid value (a finite number >= 0; leave it empty when "
                         "unknown)");
      number_columns[n]->push_back(v);
    }
    for (std::size_t e = 0; e < extras.size(); ++e) {
      AttributeColumn& c = t.extra[e];
      if (c.kind == AttributeColumn::Kind::number)
        c.numbers.push_back(number_value(l, *f, extras[e].idx, true, [] { return std::string(); }));
      else
        extra_texts[e].push(text_value(l, *f, extras[e].idx));
    }
    t.area_m2.push_back(area);
    const std::size_t index = t.area_m2.size() - 1;
    t.rep_point.push_back(representative_point(PolygonView(t.geometry, index), *g));
  }
  report.parcels_loaded = t.size();
  if (t.size() > 0) check_area_of_use(l, working, t, report);
  if (t.size() == 0)
    throw InputError(
        l.label + ": no usable parcels (" + std::to_string(report.parcels_read) + " read, " +
        std::to_string(report.skipped.size()) + " skipped" +
        (report.skipped.empty() ? "" : "; the first: " + report.skipped.front().message) + ")");
}

}  // namespace siterank::data_detail
