#include "data/dataset.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "crs/crs.hpp"
#include "crs/user_crs.hpp"
#include "data/simple_ring.hpp"
#include "util/errors.hpp"

namespace siterank {

namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};
struct GeometryDeleter {
  void operator()(OGRGeometry* g) const { OGRGeometryFactory::destroyGeometry(g); }
};
using GeometryPtr = std::unique_ptr<OGRGeometry, GeometryDeleter>;

// GDAL reports through CPLError; keep it off stderr and quote it in our own
// one-line messages instead.
struct QuietGdal {
  QuietGdal() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietGdal() { CPLPopErrorHandler(); }
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
};

std::string gdal_reason() {
  const std::string msg = CPLGetLastErrorMsg();
  return msg.empty() ? "" : ": " + msg;
}

struct OpenedLayer {
  std::unique_ptr<GDALDataset, DatasetCloser> ds;
  OGRLayer* layer = nullptr;
  std::string label;        // "parcels.gpkg (layer parcels)"
  std::string recode_from;  // encoding to convert from, when the driver does not
  TransformPtr to_working;
  bool identity = false;  // source CRS is the working CRS
};

std::string short_name(const std::string& source) {
  const auto slash = source.find_last_of('/');
  return slash == std::string::npos ? source : source.substr(slash + 1);
}

OpenedLayer open_layer(const LayerSource& s, const DatasetManifest& m,
                       const OGRSpatialReference& working, LoadReport& report) {
  OpenedLayer out;
  const std::string where = m.path + ": " + s.json_path;
  GDALAllRegister();
  QuietGdal quiet;
  out.ds.reset(static_cast<GDALDataset*>(
      GDALOpenEx(s.source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!out.ds) throw InputError(where + ".source: cannot open '" + s.source + "'" + gdal_reason());
  const std::string driver = out.ds->GetDriver() ? out.ds->GetDriver()->GetDescription() : "";
  if (!s.encoding.empty()) {
    if (driver == "ESRI Shapefile") {
      // The Shapefile driver recodes itself (field names too) when told.
      const std::string opt = "ENCODING=" + s.encoding;
      const char* options[] = {opt.c_str(), nullptr};
      out.ds.reset(static_cast<GDALDataset*>(GDALOpenEx(
          s.source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr)));
      if (!out.ds)
        throw InputError(where + ".source: cannot open '" + s.source + "'" + gdal_reason());
    } else {
      out.recode_from = s.encoding;
    }
  }
  if (s.layer.empty()) {
    if (out.ds->GetLayerCount() != 1) {
      std::string names;
      for (int i = 0; i < out.ds->GetLayerCount(); ++i)
        names += (i ? ", " : "") + std::string(out.ds->GetLayer(i)->GetName());
      throw InputError(where + ".layer: '" + short_name(s.source) + "' has " +
                       std::to_string(out.ds->GetLayerCount()) + " layers (" + names +
                       "); name one");
    }
    out.layer = out.ds->GetLayer(0);
  } else {
    out.layer = out.ds->GetLayerByName(s.layer.c_str());
    if (!out.layer)
      throw InputError(where + ".layer: no layer '" + s.layer + "' in '" + short_name(s.source) +
                       "'");
  }
  out.label = short_name(s.source) + " (layer " + out.layer->GetName() + ")";

  // Sources never declare GCJ-02 or BD-09 (they have no EPSG code): only the
  // manifest can, and the layer is then read as EPSG:4326 lon/lat and
  // shifted back to WGS 84 on the way to the working CRS.
  const OGRSpatialReference* native = out.layer->GetSpatialRef();
  UserCrs source_crs;
  if (!s.crs.empty()) {
    try {
      source_crs = user_crs(s.crs);
    } catch (const std::invalid_argument& e) {
      throw InputError(where + ".crs: " + e.what());
    }
    if (native && !native->IsSame(&source_crs.srs))
      report.notes.push_back(out.label + ": manifest CRS " + user_crs_label(source_crs) +
                             " overrides the source's " + crs_label(*native));
  } else if (native) {
    source_crs.srs = *native;
  } else {
    throw InputError(out.label + ": the source has no CRS; state it with \"crs\" at " +
                     s.json_path + ".crs in " + m.path);
  }
  source_crs.srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  out.identity = !source_crs.datum && source_crs.srs.IsSame(&working);
  if (!out.identity) {
    try {
      out.to_working = make_transform(source_crs, working);
    } catch (const std::invalid_argument& e) {
      throw InputError(out.label + ": " + e.what());
    }
  }
  return out;
}

int source_field(const OpenedLayer& l, const std::string& src, const std::string& json_path,
                 const DatasetManifest& m) {
  OGRFeatureDefn* defn = l.layer->GetLayerDefn();
  const int idx = defn->GetFieldIndex(src.c_str());
  if (idx >= 0) return idx;
  std::string names;
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    names += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
  throw InputError(m.path + ": " + json_path + ": no field '" + src + "' in " + l.label +
                   " (fields: " + names + ")");
}

bool is_numeric(const OpenedLayer& l, int idx) {
  const OGRFieldType t = l.layer->GetLayerDefn()->GetFieldDefn(idx)->GetType();
  return t == OFTInteger || t == OFTInteger64 || t == OFTReal;
}

std::string text_value(const OpenedLayer& l, OGRFeature& f, int idx) {
  if (!f.IsFieldSetAndNotNull(idx)) return {};
  const char* raw = f.GetFieldAsString(idx);
  if (l.recode_from.empty()) return raw;
  char* utf8 = CPLRecode(raw, l.recode_from.c_str(), CPL_ENC_UTF8);
  std::string out = utf8;
  CPLFree(utf8);
  return out;
}

// A number from a numeric field, or parsed from a text field; NaN when empty.
// `what()` names the field for the error message; it is only called then, so
// the common case builds no strings.
template <class What>
double number_value(const OpenedLayer& l, OGRFeature& f, int idx, bool numeric, What&& what) {
  if (!f.IsFieldSetAndNotNull(idx)) return missing;
  if (numeric) return f.GetFieldAsDouble(idx);
  std::string s = text_value(l, f, idx);
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  if (s.empty()) return missing;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size())
    throw InputError(what() + ": '" + s + "' is not a number");
  return v;
}

// Appends values to a category column, finding each value's code through a
// hash index: a province-wide dataset has thousands of platforms.
class CategoryAppender {
 public:
  explicit CategoryAppender(CategoryColumn& column) : column_(column) {
    for (std::size_t i = 0; i < column_.values.size(); ++i)
      index_.emplace(column_.values[i], static_cast<std::uint32_t>(i));
  }
  void push(std::string_view v) {
    auto it = index_.find(std::string(v));
    if (it == index_.end()) {
      column_.values.emplace_back(v);
      it =
          index_
              .emplace(column_.values.back(), static_cast<std::uint32_t>(column_.values.size() - 1))
              .first;
    }
    column_.codes.push_back(it->second);
  }

 private:
  CategoryColumn& column_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

std::string map_value(const LayerSource& s, const std::string& field, std::string v) {
  const auto f = s.values.find(field);
  if (f == s.values.end()) return v;
  const auto it = f->second.find(v);
  return it == f->second.end() ? v : it->second;
}

// Appends the polygons of g (already in the working CRS) to store as one
// feature, exterior rings counter-clockwise and holes clockwise. Returns the
// area in m², 0 when g holds no polygon.
double append_polygons(const OGRGeometry* g, PolygonStore& store) {
  std::vector<const OGRPolygon*> polys;
  GeometryPtr linear;
  if (g->hasCurveGeometry()) {
    linear.reset(g->getLinearGeometry());
    g = linear.get();
  }
  const auto collect = [&](const OGRGeometry* part, auto&& self) -> void {
    switch (wkbFlatten(part->getGeometryType())) {
      case wkbPolygon:
        polys.push_back(part->toPolygon());
        break;
      case wkbMultiPolygon:
      case wkbGeometryCollection:
        for (const OGRGeometry* sub : *part->toGeometryCollection()) self(sub, self);
        break;
      default:
        break;  // lines and points left over by MakeValid carry no area
    }
  };
  collect(g, collect);
  double area = 0.0;
  for (const OGRPolygon* poly : polys) {
    for (int r = 0; r <= poly->getNumInteriorRings(); ++r) {
      const OGRLinearRing* ring = r == 0 ? poly->getExteriorRing() : poly->getInteriorRing(r - 1);
      if (!ring || ring->getNumPoints() < 4) continue;
      const std::size_t begin = store.points.size();
      for (int i = 0; i < ring->getNumPoints(); ++i)
        store.points.push_back({ring->getX(i), ring->getY(i)});
      if (store.points[begin].x != store.points.back().x ||
          store.points[begin].y != store.points.back().y)
        store.points.push_back(store.points[begin]);
      std::span<Point> pts(store.points.data() + begin, store.points.size() - begin);
      double a = signed_ring_area(pts);
      if ((r == 0 && a < 0) || (r > 0 && a > 0)) {
        std::reverse(pts.begin(), pts.end());
        a = -a;
      }
      area += a;
      store.ring_offsets.push_back(store.points.size());
      store.ring_is_exterior.push_back(r == 0 ? 1 : 0);
    }
  }
  store.feature_ring_offsets.push_back(store.ring_offsets.size() - 1);
  return area;
}

// Undoes append_polygons for a feature that turned out to have no area.
void drop_last_feature(PolygonStore& store, std::size_t ring_mark, std::size_t point_mark) {
  store.feature_ring_offsets.pop_back();
  store.ring_offsets.resize(ring_mark);
  store.ring_is_exterior.resize(ring_mark - 1);
  store.points.resize(point_mark);
}

bool point_in_feature(const PolygonView& v, Point p) {
  // Even-odd rule over all rings: holes flip the answer back.
  bool inside = false;
  for (std::size_t r = 0; r < v.ring_count(); ++r) {
    const auto ring = v.ring(r);
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      if (((ring[i].y > p.y) != (ring[j].y > p.y)) &&
          (p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x))
        inside = !inside;
    }
  }
  return inside;
}

// A point inside the feature: the centroid of its largest exterior ring
// when that lies inside (the common case, cheap), else GEOS PointOnSurface.
Point representative_point(const PolygonView& v, const OGRGeometry& g) {
  std::size_t best = 0;
  double best_area = -1;
  for (std::size_t r = 0; r < v.ring_count(); ++r)
    if (v.is_exterior(r) && signed_ring_area(v.ring(r)) > best_area) {
      best_area = signed_ring_area(v.ring(r));
      best = r;
    }
  const auto ring = v.ring(best);
  // Centroid relative to the first vertex keeps precision with 7-digit eastings.
  const Point o = ring[0];
  double cx = 0, cy = 0, twice = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const double x0 = ring[i].x - o.x, y0 = ring[i].y - o.y, x1 = ring[i + 1].x - o.x,
                 y1 = ring[i + 1].y - o.y;
    const double c = x0 * y1 - x1 * y0;
    twice += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  if (twice != 0) {
    const Point c{o.x + cx / (3 * twice), o.y + cy / (3 * twice)};
    if (point_in_feature(v, c)) return c;
  }
  OGRGeometryH pos = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
  Point p = ring[0];
  if (pos) {
    p = {OGR_G_GetX(pos, 0), OGR_G_GetY(pos, 0)};
    OGR_G_DestroyGeometry(pos);
  }
  return p;
}

// True when g is one polygon without holes whose ring is certainly valid:
// the common parcel, which then needs no GEOS validity test.
bool plain_valid_polygon(const OGRGeometry& g, std::vector<Point>& scratch) {
  if (wkbFlatten(g.getGeometryType()) != wkbPolygon) return false;
  const OGRPolygon* poly = g.toPolygon();
  const OGRLinearRing* ring = poly->getExteriorRing();
  if (poly->getNumInteriorRings() != 0 || !ring) return false;
  scratch.resize(static_cast<std::size_t>(ring->getNumPoints()));
  for (int i = 0; i < ring->getNumPoints(); ++i)
    scratch[static_cast<std::size_t>(i)] = {ring->getX(i), ring->getY(i)};
  return certainly_valid_ring(scratch);
}

// A feature's geometry, checked (and repaired) in the source CRS and then
// transformed to the working CRS: the feature's own geometry when it is
// valid and already in the working CRS, else a transformed or repaired copy.
struct PreparedGeometry {
  GeometryPtr owned;
  const OGRGeometry* geometry = nullptr;
  bool repaired = false;
  std::string why;  // set when the feature must be skipped
};

PreparedGeometry prepared_geometry(OGRFeature& f, const OpenedLayer& l,
                                   std::vector<Point>& scratch) {
  PreparedGeometry out;
  const OGRGeometry* raw = f.GetGeometryRef();
  if (!raw || raw->IsEmpty()) {
    out.why = "no geometry";
    return out;
  }
  const bool valid = plain_valid_polygon(*raw, scratch) || raw->IsValid();
  if (valid && l.identity) {
    out.geometry = raw;
    return out;
  }
  if (valid) {
    out.owned.reset(raw->clone());
  } else {
    out.owned.reset(raw->MakeValid());
    if (!out.owned || out.owned->IsEmpty()) {
      out.why = "invalid geometry that MakeValid cannot repair" + gdal_reason();
      return out;
    }
    out.repaired = true;
  }
  if (!l.identity && out.owned->transform(l.to_working.get()) != OGRERR_NONE) {
    out.why = "cannot transform to the working CRS" + gdal_reason();
    out.owned.reset();
    return out;
  }
  out.geometry = out.owned.get();
  return out;
}

std::string feature_label(const std::string& id, GIntBig fid) {
  return id.empty() ? "feature " + std::to_string(fid) : "parcel '" + id + "'";
}

void load_parcels(const DatasetManifest& m, const OGRSpatialReference& working, Dataset& out) {
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

  // Read only the mapped fields.
  {
    std::vector<int> used{id_idx, name_idx, platform_idx, district_idx, land_use_idx, status_idx};
    for (const auto& n : numbers) used.push_back(n.idx);
    for (const auto& e : extras) used.push_back(e.idx);
    OGRFeatureDefn* defn = l.layer->GetLayerDefn();
    CPLStringList ignored;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      if (std::find(used.begin(), used.end(), i) == used.end())
        ignored.AddString(defn->GetFieldDefn(i)->GetNameRef());
    l.layer->SetIgnoredFields(const_cast<const char**>(ignored.List()));
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
  while (std::unique_ptr<OGRFeature> f{l.layer->GetNextFeature()}) {
    ++report.parcels_read;
    const std::string id = text_value(l, *f, id_idx);
    const auto label = [&] { return feature_label(id, f->GetFID()); };
    if (id.empty()) {
      report.skipped.push_back(label() + ": empty id (" + s.fields.at("id") + ")");
      continue;
    }
    const PreparedGeometry prepared = prepared_geometry(*f, l, scratch);
    const OGRGeometry* g = prepared.geometry;
    if (!g) {
      report.skipped.push_back(label() + ": " + prepared.why);
      continue;
    }
    const std::size_t ring_mark = t.geometry.ring_offsets.size(),
                      point_mark = t.geometry.points.size();
    const double area = append_polygons(g, t.geometry);
    if (!(area > 0)) {
      drop_last_feature(t.geometry, ring_mark, point_mark);  // a line or point in the parcels layer
      report.skipped.push_back(label() + ": geometry has no area (" +
                               OGRGeometryTypeToName(g->getGeometryType()) + ")");
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
    for (std::size_t n = 0; n < numbers.size(); ++n)
      number_columns[n]->push_back(
          numbers[n].idx < 0 ? missing
                             : number_value(l, *f, numbers[n].idx, numbers[n].numeric, [&] {
                                 return l.label + ": " + label() + ": field '" +
                                        s.fields.at(numbers[n].canonical) + "' (" +
                                        numbers[n].canonical + ")";
                               }));
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
  if (t.size() == 0)
    throw InputError(l.label + ": no usable parcels (" + std::to_string(report.parcels_read) +
                     " read, " + std::to_string(report.skipped.size()) + " skipped)");
}

ReferenceLayer load_reference(const LayerSource& s, const DatasetManifest& m,
                              const OGRSpatialReference& working, LoadReport& report) {
  OpenedLayer l = open_layer(s, m, working, report);
  QuietGdal quiet;
  ReferenceLayer out;
  out.name = s.name;
  out.role = s.role;
  const OGRwkbGeometryType type = wkbFlatten(l.layer->GetGeomType());
  const bool polygons = type == wkbPolygon || type == wkbMultiPolygon || type == wkbCurvePolygon ||
                        type == wkbMultiSurface;
  out.kind = polygons ? GeometryKind::polygon : GeometryKind::point;

  std::vector<std::pair<int, bool>> attr_idx;
  for (const auto& [canonical, src] : s.fields) {
    const int idx = source_field(l, src, s.json_path + ".fields." + canonical, m);
    AttributeColumn c;
    c.name = canonical;
    c.kind = is_numeric(l, idx) ? AttributeColumn::Kind::number : AttributeColumn::Kind::text;
    attr_idx.emplace_back(idx, is_numeric(l, idx));
    out.attributes.push_back(std::move(c));
  }
  std::vector<CategoryAppender> texts;  // after `attributes` is complete: they hold references
  for (auto& c : out.attributes) texts.emplace_back(c.texts);
  std::size_t dropped = 0;
  std::vector<Point> scratch;
  l.layer->ResetReading();
  while (std::unique_ptr<OGRFeature> f{l.layer->GetNextFeature()}) {
    const PreparedGeometry prepared = prepared_geometry(*f, l, scratch);
    const OGRGeometry* g = prepared.geometry;
    if (!g) {
      ++dropped;
      continue;
    }
    const OGRwkbGeometryType gt = wkbFlatten(g->getGeometryType());
    if (out.kind == GeometryKind::point) {
      if (gt == wkbPoint) {
        out.points.push_back({g->toPoint()->getX(), g->toPoint()->getY()});
      } else {
        OGRPoint c;
        if (g->Centroid(&c) != OGRERR_NONE) {
          ++dropped;
          continue;
        }
        out.points.push_back({c.getX(), c.getY()});
      }
    } else {
      const std::size_t ring_mark = out.polygons.ring_offsets.size(),
                        point_mark = out.polygons.points.size();
      const double area = append_polygons(g, out.polygons);
      if (!(area > 0)) {
        drop_last_feature(out.polygons, ring_mark, point_mark);
        ++dropped;
        continue;
      }
      out.points.push_back(representative_point(PolygonView(out.polygons, out.points.size()), *g));
    }
    for (std::size_t a = 0; a < attr_idx.size(); ++a) {
      AttributeColumn& c = out.attributes[a];
      const auto& [idx, numeric] = attr_idx[a];
      const auto what = [&] {
        return l.label + ": feature " + std::to_string(f->GetFID()) + ": field '" +
               s.fields.at(c.name) + "'";
      };
      if (c.kind == AttributeColumn::Kind::number)
        c.numbers.push_back(number_value(l, *f, idx, numeric, what));
      else
        texts[a].push(map_value(s, c.name, text_value(l, *f, idx)));
    }
  }
  if (dropped)
    report.notes.push_back(l.label + ": " + std::to_string(dropped) +
                           " features without usable geometry skipped");
  return out;
}

}  // namespace

Dataset load_dataset(const DatasetManifest& manifest, const std::set<std::string>* roles,
                     bool with_parcels) {
  Dataset out;
  out.manifest = manifest;
  try {
    out.working_crs = crs_from_user_string(manifest.working_crs);
  } catch (const std::invalid_argument& e) {
    throw InputError(manifest.path + ": $.working_crs: " + e.what());
  }
  if (!is_metric(out.working_crs))
    throw InputError(
        manifest.path + ": $.working_crs: " + manifest.working_crs +
        " is not a projected CRS in metres; areas and distances need one (e.g. EPSG:4549)");
  if (with_parcels) load_parcels(manifest, out.working_crs, out);
  for (const auto& s : manifest.layers)
    if (!roles || roles->count(s.role))
      out.layers.push_back(load_reference(s, manifest, out.working_crs, out.report));
  return out;
}

}  // namespace siterank
