#include "export/output_geometry.hpp"

#include <algorithm>

#include "util/text_format.hpp"

namespace siterank {

namespace {

std::size_t exterior_count(const std::vector<OutputRing>& rings) {
  std::size_t n = 0;
  for (const auto& r : rings) n += r.exterior ? 1 : 0;
  return n;
}

// Writes each part (exterior + holes) as `open` rings `close`, rings as
// `ring_open` points `ring_close`: the shared shape of GeoJSON and WKT.
struct Syntax {
  const char* part_open;
  const char* part_close;
  const char* ring_open;
  const char* ring_close;
  const char* point_open;
  const char* between_xy;
  const char* point_close;
  const char* separator;
};

void append_parts(std::string& s, const std::vector<OutputRing>& rings, int decimals,
                  const Syntax& syn) {
  for (std::size_t i = 0; i < rings.size(); ++i) {
    const OutputRing& r = rings[i];
    if (r.exterior) {
      if (i > 0) s += std::string(syn.part_close) + syn.separator;
      s += syn.part_open;
    } else {
      s += syn.separator;
    }
    s += syn.ring_open;
    for (std::size_t k = 0; k < r.x.size(); ++k) {
      if (k) s += syn.separator;
      s += syn.point_open;
      append_fixed(s, r.x[k], decimals);
      s += syn.between_xy;
      append_fixed(s, r.y[k], decimals);
      s += syn.point_close;
    }
    s += syn.ring_close;
  }
  if (!rings.empty()) s += syn.part_close;
}

}  // namespace

bool output_rings(const PolygonView& g, OGRCoordinateTransformation& to_out,
                  std::vector<OutputRing>& rings) {
  rings.resize(g.ring_count());
  for (std::size_t i = 0; i < g.ring_count(); ++i) {
    const auto ring = g.ring(i);
    OutputRing& r = rings[i];
    r.exterior = g.is_exterior(i);
    r.x.resize(ring.size());
    r.y.resize(ring.size());
    for (std::size_t k = 0; k < ring.size(); ++k) {
      r.x[k] = ring[k].x;
      r.y[k] = ring[k].y;
    }
    if (!to_out.Transform(r.x.size(), r.x.data(), r.y.data())) return false;
    double twice = 0.0;
    for (std::size_t k = 0; k + 1 < r.x.size(); ++k)
      twice += r.x[k] * r.y[k + 1] - r.x[k + 1] * r.y[k];
    if (r.exterior ? twice < 0 : twice > 0) {
      std::reverse(r.x.begin(), r.x.end());
      std::reverse(r.y.begin(), r.y.end());
    }
  }
  return true;
}

void append_geojson_geometry(std::string& s, const std::vector<OutputRing>& rings, int decimals) {
  const bool multi = exterior_count(rings) > 1;
  s += multi ? "{\"type\":\"MultiPolygon\",\"coordinates\":["
             : "{\"type\":\"Polygon\",\"coordinates\":";
  append_parts(s, rings, decimals, {"[", "]", "[", "]", "[", ",", "]", ","});
  s += multi ? "]}" : "}";
}

void append_wkt(std::string& s, const std::vector<OutputRing>& rings, int decimals) {
  const bool multi = exterior_count(rings) > 1;
  s += multi ? "MULTIPOLYGON (" : "POLYGON ";
  append_parts(s, rings, decimals, {"(", ")", "(", ")", "", " ", "", ", "});
  if (multi) s += ")";
}

}  // namespace siterank
