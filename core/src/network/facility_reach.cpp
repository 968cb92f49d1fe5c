#include "network/facility_reach.hpp"

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace siterank::network {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Thrown by the visitor to end a search at the time limit: Boost.Graph's
// documented way to stop a Dijkstra early.
struct LimitReached {};

// Records every vertex a search touches (so only those are reset for the
// next facility) and stops when the next vertex to settle is past the limit:
// vertices settle in time order, so everything within the limit is final.
class BoundedVisitor : public boost::default_dijkstra_visitor {
 public:
  BoundedVisitor(const std::vector<double>& seconds, double max_seconds,
                 std::vector<std::uint32_t>& touched)
      : seconds_(&seconds), max_seconds_(max_seconds), touched_(&touched) {}
  template <class Vertex, class Graph>
  void discover_vertex(Vertex v, const Graph&) {
    touched_->push_back(static_cast<std::uint32_t>(v));
  }
  template <class Vertex, class Graph>
  void examine_vertex(Vertex v, const Graph&) {
    if ((*seconds_)[v] > max_seconds_) throw LimitReached{};
  }

 private:
  const std::vector<double>* seconds_;
  double max_seconds_;
  std::vector<std::uint32_t>* touched_;
};

struct NodeEntry {
  std::uint32_t node;
  ReachedFacility reached;
};

}  // namespace

// Seeds as in nearest_facilities (travel_times.cpp): a facility on segment
// s at fraction f is f·T after s.from when s is drivable forward, (1 - f)·T
// after s.to when drivable backward, its access leg added; over the reversed
// graph each settled node's label is its time *to* the facility.
FacilityReach facility_reach(const RoadGraph& graph,
                             std::span<const std::optional<Attachment>> facilities,
                             double max_seconds, double access_speed_kmh) {
  if (facilities.size() >= kNoFacility) throw std::length_error("more than 2^32 - 2 facilities");
  if (!(std::isfinite(max_seconds) && max_seconds >= 0))
    throw std::invalid_argument("a time limit must be finite and at least 0 s");
  access_seconds(0, access_speed_kmh);  // refuses a bad speed even with no facility attached
  const Csr& g = graph.reverse();
  const auto index = get(boost::vertex_index, g);
  std::vector<double> seconds(graph.node_count(), kInf);
  std::vector<boost::default_color_type> colour(graph.node_count(), boost::white_color);
  std::vector<std::uint32_t> touched, sources;
  std::vector<NodeEntry> found;
  FacilityReach out;
  out.max_seconds = max_seconds;
  for (std::uint32_t k = 0; k < facilities.size(); ++k) {
    if (!facilities[k]) continue;
    const Attachment& at = *facilities[k];
    if (at.segment >= graph.segment_count() || !(at.fraction >= 0 && at.fraction <= 1))
      throw std::invalid_argument("facility " + std::to_string(k) +
                                  " is not attached to this road graph");
    const Segment& s = graph.segment(at.segment);
    const double access_s = access_seconds(at.access_m, access_speed_kmh);
    out.attached.push_back({at.segment, k, at.fraction, access_s});
    sources.clear();
    auto seed = [&](std::uint32_t node, double t) {
      if (t > max_seconds || !(t < seconds[node])) return;
      if (seconds[node] == kInf) sources.push_back(node);
      seconds[node] = t;
    };
    if (s.drivable_forward() || at.fraction == 0) seed(s.from, access_s + at.fraction * s.seconds);
    if (s.drivable_backward() || at.fraction == 1)
      seed(s.to, access_s + (1 - at.fraction) * s.seconds);
    touched.clear();
    try {
      boost::dijkstra_shortest_paths_no_init(
          g, sources.begin(), sources.end(), boost::dummy_property_map(),
          boost::make_iterator_property_map(seconds.begin(), index), get(&EdgeData::seconds, g),
          index, std::less<double>(), std::plus<double>(), 0.0,
          BoundedVisitor(seconds, max_seconds, touched),
          boost::make_iterator_property_map(colour.begin(), index));
    } catch (const LimitReached&) {
    }
    // `touched` may name a source twice (discovered as a source, and again
    // by the search when two seeds are the same node: seed() prevents that).
    for (const std::uint32_t n : touched) {
      if (seconds[n] <= max_seconds) found.push_back({n, {k, seconds[n]}});
      seconds[n] = kInf;
      colour[n] = boost::white_color;
    }
    for (const std::uint32_t n : sources) {  // a source the search never got to
      seconds[n] = kInf;
      colour[n] = boost::white_color;
    }
  }
  std::sort(out.attached.begin(), out.attached.end(), [](const auto& x, const auto& y) {
    return x.segment != y.segment ? x.segment < y.segment : x.facility < y.facility;
  });
  // Facilities were searched in index order, so a stable sort by node keeps
  // each node's entries by facility.
  std::stable_sort(found.begin(), found.end(),
                   [](const NodeEntry& a, const NodeEntry& b) { return a.node < b.node; });
  out.offsets.assign(graph.node_count() + 1, 0);
  out.entries.reserve(found.size());
  for (const NodeEntry& e : found) {
    ++out.offsets[e.node + 1];
    out.entries.push_back(e.reached);
  }
  for (std::size_t n = 0; n < graph.node_count(); ++n) out.offsets[n + 1] += out.offsets[n];
  return out;
}

// As time_from (travel_times.cpp), for every facility within the limit
// rather than the nearest one.
void reach_from(const RoadGraph& graph, const Attachment& parcel, const FacilityReach& reach,
                double access_speed_kmh, std::vector<ReachedFacility>& out) {
  out.clear();
  if (reach.offsets.size() != graph.node_count() + 1)
    throw std::invalid_argument("the reach was computed on another road graph");
  if (parcel.segment >= graph.segment_count() || !(parcel.fraction >= 0 && parcel.fraction <= 1))
    throw std::invalid_argument("the parcel is not attached to this road graph");
  const double access_s = access_seconds(parcel.access_m, access_speed_kmh);
  if (access_s > reach.max_seconds) return;
  const Segment& s = graph.segment(parcel.segment);
  const double g = parcel.fraction;
  auto offer = [&](std::uint32_t facility, double t) {
    if (access_s + t <= reach.max_seconds) out.push_back({facility, access_s + t});
  };
  if (s.drivable_forward() || g == 1)
    for (const ReachedFacility& r : reach.from_node(s.to))
      offer(r.facility, (1 - g) * s.seconds + r.seconds);
  if (s.drivable_backward() || g == 0)
    for (const ReachedFacility& r : reach.from_node(s.from))
      offer(r.facility, g * s.seconds + r.seconds);
  for (const AttachedFacility& f :
       std::ranges::equal_range(reach.attached, parcel.segment, {}, &AttachedFacility::segment)) {
    if (s.drivable_forward() && f.fraction >= g)
      offer(f.facility, (f.fraction - g) * s.seconds + f.access_s);
    if (s.drivable_backward() && f.fraction <= g)
      offer(f.facility, (g - f.fraction) * s.seconds + f.access_s);
  }
  // Each facility once, at its best time; then by time.
  std::sort(out.begin(), out.end(), [](const ReachedFacility& a, const ReachedFacility& b) {
    return a.facility != b.facility ? a.facility < b.facility : a.seconds < b.seconds;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const ReachedFacility& a, const ReachedFacility& b) {
                          return a.facility == b.facility;
                        }),
            out.end());
  std::sort(out.begin(), out.end(), [](const ReachedFacility& a, const ReachedFacility& b) {
    return a.seconds != b.seconds ? a.seconds < b.seconds : a.facility < b.facility;
  });
}

}  // namespace siterank::network
