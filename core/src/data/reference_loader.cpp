#include "data/reference_loader.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "data/category_appender.hpp"
#include "data/geometry_repair.hpp"
#include "data/layer_fields.hpp"
#include "data/ogr_layer.hpp"
#include "data/polygon_flattening.hpp"
#include "data/representative_point.hpp"

namespace siterank::data_detail {

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
  std::size_t read = 0;
  while (std::unique_ptr<OGRFeature> f = next_feature(l, read)) {
    ++read;
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

}  // namespace siterank::data_detail
