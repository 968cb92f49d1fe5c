#include "data/road_geometry.hpp"

#include <cmath>

#include "data/ogr_geometry_ptr.hpp"

namespace siterank::data_detail {

namespace {

// One part into out.points; false when a point cannot be transformed.
bool read_part(const OGRSimpleCurve& c, const OpenedLayer& l, LineScratch& s,
               network::RoadLine& out) {
  const int n = c.getNumPoints();
  const auto size = static_cast<std::size_t>(n);
  out.points.resize(size);
  if (l.identity) {
    c.getPoints(&out.points[0].x, sizeof(Point), &out.points[0].y, sizeof(Point));
    for (const Point& p : out.points)
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
    return true;
  }
  s.x.resize(size);
  s.y.resize(size);
  s.ok.resize(size);
  c.getPoints(s.x.data(), sizeof(double), s.y.data(), sizeof(double));
  // The result is false when any point fails; `ok` says which, and PROJ
  // may also return inf for a point outside its domain.
  if (!l.to_working->Transform(n, s.x.data(), s.y.data(), nullptr, s.ok.data())) return false;
  for (std::size_t i = 0; i < size; ++i) {
    if (!s.ok[i] || !std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) return false;
    out.points[i] = {s.x[i], s.y[i]};
  }
  return true;
}

}  // namespace

bool is_line_type(OGRwkbGeometryType type) {
  switch (wkbFlatten(type)) {
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
      return true;
    default:
      return false;
  }
}

LineParts append_line_parts(const OGRGeometry& g, const OpenedLayer& l, LineScratch& scratch,
                            std::vector<network::RoadLine>& out) {
  const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
  if (type != wkbLineString && type != wkbMultiLineString) {
    // Curves are rare in road data: a linear copy is cheap enough.
    const GeometryPtr linear(g.getLinearGeometry());
    return linear ? append_line_parts(*linear, l, scratch, out) : LineParts{0, 0, false};
  }
  LineParts result;
  const std::size_t mark = out.size();
  const auto add = [&](const OGRSimpleCurve& c) {
    if (c.getNumPoints() < 2) {
      ++result.short_parts;
      return true;
    }
    network::RoadLine& line = out.emplace_back();
    if (!read_part(c, l, scratch, line)) return false;
    // All points in one place: no segment the graph would keep, and no
    // length to share a travel time by.
    if (line_length(line) == 0) {
      out.pop_back();
      ++result.short_parts;
    }
    return true;
  };
  bool ok = true;
  if (type == wkbLineString) {
    ok = add(*g.toLineString());
  } else {
    for (const OGRLineString* part : *g.toMultiLineString())
      if (!(ok = add(*part))) break;
  }
  if (!ok) {
    out.resize(mark);
    return {0, 0, false};
  }
  result.added = out.size() - mark;
  return result;
}

double line_length(const network::RoadLine& line) {
  double sum = 0;
  for (std::size_t i = 1; i < line.points.size(); ++i)
    sum += distance(line.points[i - 1], line.points[i]);
  return sum;
}

}  // namespace siterank::data_detail
