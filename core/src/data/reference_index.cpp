#include "data/reference_index.hpp"

#include <algorithm>
#include <bit>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <cstdint>
#include <limits>
#include <siterank/number_text.hpp>
#include <stdexcept>

#include "data/filter_test.hpp"
#include "network/road_network.hpp"

namespace siterank {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using BgPoint = bg::model::d2::point_xy<double>;
using BgBox = bg::model::box<BgPoint>;
using BgRing = bg::model::ring<BgPoint, false /*ccw*/, true /*closed*/>;
using BgPolygon = bg::model::polygon<BgPoint, false, true>;
using BgMultiPolygon = bg::model::multi_polygon<BgPolygon>;
using PointEntry = std::pair<BgPoint, std::size_t>;
using BoxEntry = std::pair<BgBox, std::size_t>;

struct ReferenceIndex::LayerIndex {
  const ReferenceLayer* layer = nullptr;
  bgi::rtree<PointEntry, bgi::rstar<16>> points;  // point layers
  bgi::rtree<BoxEntry, bgi::rstar<16>> boxes;     // polygon layers: envelopes
  std::vector<BgMultiPolygon> shapes;             // polygon layers: exact shapes

  double exact_distance(std::size_t i, const BgPoint& p) const {
    return layer->kind == GeometryKind::point
               ? bg::distance(p, BgPoint(layer->points[i].x, layer->points[i].y))
               : bg::distance(p, shapes[i]);
  }
};

namespace {

// By distance, ties by feature: the order the SDK promises. Distances are
// finite and >= 0, and the bits of such doubles order as unsigned integers,
// so one 128-bit key (distance bits, feature) compares in one step; with
// thousands of hits per query (dense layers, wide radii) the sort is most of
// a query's time.
void sort_hits(std::vector<Hit>& out) {
  if (out.size() < 64) {
    std::sort(out.begin(), out.end(), [](const Hit& a, const Hit& b) {
      return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.feature < b.feature;
    });
    return;
  }
  thread_local std::vector<unsigned __int128> keys;
  keys.resize(out.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    keys[i] = (static_cast<unsigned __int128>(std::bit_cast<std::uint64_t>(out[i].distance_m + 0.0))
               << 64) |
              out[i].feature;
  std::sort(keys.begin(), keys.end());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = {static_cast<std::size_t>(static_cast<std::uint64_t>(keys[i])),
              std::bit_cast<double>(static_cast<std::uint64_t>(keys[i] >> 64))};
}

BgMultiPolygon to_bg(const PolygonView& v) {
  BgMultiPolygon mp;
  for (std::size_t r = 0; r < v.ring_count(); ++r) {
    BgRing ring;
    for (const Point& p : v.ring(r)) ring.push_back(BgPoint(p.x, p.y));
    if (v.is_exterior(r)) {
      mp.emplace_back();
      mp.back().outer() = std::move(ring);
    } else if (!mp.empty()) {
      mp.back().inners().push_back(std::move(ring));
    }
  }
  return mp;
}

}  // namespace

ReferenceIndex::ReferenceIndex(const std::vector<ReferenceLayer>& layers,
                               const network::RoadNetwork* roads)
    : roads_(roads) {
  for (const auto& l : layers) {
    auto idx = std::make_unique<LayerIndex>();
    idx->layer = &l;
    if (l.kind == GeometryKind::point) {
      std::vector<PointEntry> entries;
      entries.reserve(l.size());
      for (std::size_t i = 0; i < l.size(); ++i)
        entries.emplace_back(BgPoint(l.points[i].x, l.points[i].y), i);
      idx->points = decltype(idx->points)(entries.begin(), entries.end());  // packing (bulk) load
    } else {
      std::vector<BoxEntry> entries;
      for (std::size_t i = 0; i < l.size(); ++i) {
        idx->shapes.push_back(to_bg(PolygonView(l.polygons, i)));
        entries.emplace_back(bg::return_envelope<BgBox>(idx->shapes.back()), i);
      }
      idx->boxes = decltype(idx->boxes)(entries.begin(), entries.end());
    }
    indexes_.push_back(std::move(idx));
  }
}

ReferenceIndex::~ReferenceIndex() = default;

const ReferenceLayer* ReferenceIndex::layer(std::string_view role) const {
  for (const auto& idx : indexes_)
    if (idx->layer->role == role) return idx->layer;
  return nullptr;
}

const ReferenceIndex::LayerIndex& ReferenceIndex::index_of(const ReferenceLayer& layer) const {
  for (const auto& idx : indexes_)
    if (idx->layer == &layer) return *idx;
  throw std::invalid_argument("reference layer '" + layer.name +
                              "' is not one of this dataset's layers");
}

void ReferenceIndex::nearest(const ReferenceLayer& layer, Point p, std::size_t k,
                             const AttributeFilter* filter, std::vector<Hit>& out) const {
  out.clear();
  if (k == 0) return;
  const LayerIndex& idx = index_of(layer);
  const FilterTest keep(layer, filter);
  const BgPoint q(p.x, p.y);
  if (layer.kind == GeometryKind::point) {
    const auto pred = bgi::satisfies([&](const PointEntry& e) { return keep(e.second); });
    for (auto it = idx.points.qbegin(bgi::nearest(q, static_cast<unsigned>(k)) && pred);
         it != idx.points.qend(); ++it)
      out.push_back({it->second, bg::distance(q, it->first)});
  } else {
    // Envelopes come out nearest first; the exact distance is at least the
    // envelope's, so stop once the envelope is farther than the k-th best.
    const auto pred = bgi::satisfies([&](const BoxEntry& e) { return keep(e.second); });
    for (auto it =
             idx.boxes.qbegin(bgi::nearest(q, static_cast<unsigned>(idx.boxes.size())) && pred);
         it != idx.boxes.qend(); ++it) {
      if (out.size() >= k) {
        sort_hits(out);
        out.resize(k);
        if (bg::distance(q, it->first) > out.back().distance_m) break;
      }
      out.push_back({it->second, idx.exact_distance(it->second, q)});
    }
  }
  sort_hits(out);
  if (out.size() > k) out.resize(k);
}

void ReferenceIndex::within(const ReferenceLayer& layer, Point p, double radius_m,
                            const AttributeFilter* filter, std::vector<Hit>& out) const {
  out.clear();
  if (!(radius_m >= 0)) return;
  const LayerIndex& idx = index_of(layer);
  const FilterTest keep(layer, filter);
  const BgPoint q(p.x, p.y);
  const BgBox box(BgPoint(p.x - radius_m, p.y - radius_m), BgPoint(p.x + radius_m, p.y + radius_m));
  // query() with an output iterator, not qbegin(): the type-erased query
  // iterator costs more than the tree walk once thousands of features lie
  // within the radius (bench/run with BENCH_REF_SCALE=100).
  if (layer.kind == GeometryKind::point) {
    const auto pred = bgi::satisfies([&](const PointEntry& e) { return keep(e.second); });
    idx.points.query(bgi::intersects(box) && pred,
                     boost::make_function_output_iterator([&](const PointEntry& e) {
                       const double d = bg::distance(q, e.first);
                       if (d <= radius_m) out.push_back({e.second, d});
                     }));
  } else {
    const auto pred = bgi::satisfies([&](const BoxEntry& e) { return keep(e.second); });
    idx.boxes.query(bgi::intersects(box) && pred,
                    boost::make_function_output_iterator([&](const BoxEntry& e) {
                      const double d = idx.exact_distance(e.second, q);
                      if (d <= radius_m) out.push_back({e.second, d});
                    }));
  }
  sort_hits(out);
}

std::string ReferenceIndex::road_network_description() const {
  return roads_ ? roads_->description() : std::string();
}

namespace {

// The filter as text: one set of times per layer and filter.
std::string facility_key(const ReferenceLayer& layer, const AttributeFilter* filter) {
  std::string key = layer.name;
  if (filter) {
    key += "\x1f" + filter->field + "\x1f" + format_general(filter->min, 17) + "\x1f" +
           format_general(filter->max, 17);
    for (const auto& v : filter->any_of) key += "\x1f" + v;
  }
  return key;
}

network::RoadNetwork::Facilities facilities_of(const ReferenceLayer& layer,
                                               const AttributeFilter* filter) {
  network::RoadNetwork::Facilities f;
  const FilterTest keep(layer, filter);
  for (std::size_t i = 0; i < layer.size(); ++i)
    if (keep(i)) {
      f.points.push_back(layer.points[i]);
      f.features.push_back(i);
    }
  return f;
}

}  // namespace

void ReferenceIndex::road_trips(const ReferenceLayer& layer, const AttributeFilter* filter,
                                std::span<const Point> from, std::vector<RoadTrip>& out) const {
  if (!roads_) ReferenceData::road_trips(layer, filter, from, out);  // throws
  index_of(layer);  // one of this dataset's layers, or throw
  roads_->trips(
      facility_key(layer, filter), [&] { return facilities_of(layer, filter); }, from, out);
}

void ReferenceIndex::road_reach(const ReferenceLayer& layer, const AttributeFilter* filter,
                                double max_seconds, std::span<const Point> from,
                                std::vector<RoadReach>& out) const {
  if (!roads_) ReferenceData::road_reach(layer, filter, max_seconds, from, out);  // throws
  index_of(layer);
  roads_->reach(
      facility_key(layer, filter), [&] { return facilities_of(layer, filter); }, max_seconds, from,
      out);
}

}  // namespace siterank
