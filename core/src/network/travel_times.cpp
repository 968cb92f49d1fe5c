#include "network/travel_times.hpp"

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>
#include <stdexcept>
#include <string>

namespace siterank::network {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A Dijkstra distance: seconds, then the facility it leads to. Compared in
// that order, so of equally near facilities the lowest index wins, wherever
// the search reaches them from.
struct Label {
  double seconds;
  std::uint32_t facility;
};

struct LabelLess {
  bool operator()(const Label& a, const Label& b) const {
    return a.seconds != b.seconds ? a.seconds < b.seconds : a.facility < b.facility;
  }
};

struct AddSeconds {
  Label operator()(const Label& l, double edge_seconds) const {
    return {l.seconds + edge_seconds, l.facility};
  }
};

void check_attachment(const RoadGraph& graph, const Attachment& at, const std::string& what) {
  if (at.segment >= graph.segment_count() || !(at.fraction >= 0 && at.fraction <= 1))
    throw std::invalid_argument(what + " is not attached to this road graph");
}

}  // namespace

// Direction. Facility F is attached to segment s (nodes a = s.from, b =
// s.to, drive time T) at fraction f, so along s it lies f·T from a and
// (1 - f)·T from b. We want times from nodes *to* F, so a node's seed is
// the time to drive from it to F without leaving s:
//   a reaches F driving a -> b, after f·T, only if s is drivable forward;
//   b reaches F driving b -> a, after (1 - f)·T, only if s is drivable backward.
// On a one-way segment the node past F gets no seed: it must go round.
// Except at f = 0 or 1: F is then on the node itself, 0 s away, whichever
// way s may be driven.
// Each seed also carries F's access leg. The search then runs over the
// reversed graph, where an edge u -> v is the road v -> u, so relaxing it
// sets label(v) = (road time v -> u) + label(u): the time from v to F.
NearestFacility nearest_facilities(const RoadGraph& graph,
                                   std::span<const std::optional<Attachment>> facilities,
                                   double access_speed_kmh) {
  if (facilities.size() >= kNoFacility) throw std::length_error("more than 2^32 - 2 facilities");
  access_seconds(0, access_speed_kmh);  // refuses a bad speed even with no facility attached
  std::vector<Label> labels(graph.node_count(), Label{kInf, kNoFacility});
  NearestFacility out;
  auto seed = [&](std::uint32_t node, Label l) {
    if (LabelLess{}(l, labels[node])) labels[node] = l;
  };
  for (std::uint32_t k = 0; k < facilities.size(); ++k) {
    if (!facilities[k]) continue;
    const Attachment& at = *facilities[k];
    check_attachment(graph, at, "facility " + std::to_string(k));
    const Segment& s = graph.segment(at.segment);
    const double access_s = access_seconds(at.access_m, access_speed_kmh);
    if (s.drivable_forward() || at.fraction == 0)
      seed(s.from, {access_s + at.fraction * s.seconds, k});
    if (s.drivable_backward() || at.fraction == 1)
      seed(s.to, {access_s + (1 - at.fraction) * s.seconds, k});
    out.attached.push_back({at.segment, k, at.fraction, access_s});
  }
  std::sort(out.attached.begin(), out.attached.end(), [](const auto& x, const auto& y) {
    return x.segment != y.segment ? x.segment < y.segment : x.facility < y.facility;
  });

  // dijkstra_shortest_paths_no_init keeps the distances it is given (it
  // pushes the sources onto its heap as they are, boost/graph/
  // dijkstra_shortest_paths.hpp), so seeds may start above zero. Each
  // source must appear once: the heap holds a vertex at most once.
  std::vector<std::uint32_t> sources;
  for (std::uint32_t n = 0; n < labels.size(); ++n)
    if (labels[n].seconds < kInf) sources.push_back(n);
  const Csr& g = graph.reverse();
  const auto index = get(boost::vertex_index, g);
  boost::dijkstra_shortest_paths_no_init(
      g, sources.begin(), sources.end(), boost::dummy_property_map(),
      boost::make_iterator_property_map(labels.begin(), index), get(&EdgeData::seconds, g), index,
      LabelLess{}, AddSeconds{}, Label{0.0, 0}, boost::default_dijkstra_visitor());

  out.seconds.reserve(labels.size());
  out.facility.reserve(labels.size());
  for (const Label& l : labels) {
    out.seconds.push_back(l.seconds);
    out.facility.push_back(l.facility);
  }
  return out;
}

// The parcel P is attached to segment s at fraction g, so it lies g·T from
// s.from and (1 - g)·T from s.to. It leaves s driving towards s.to when s
// is drivable forward and towards s.from when drivable backward, then
// continues with that node's time (at g = 0 or 1 P is on the node, so
// either way). A facility on s itself at fraction f is reached without a
// node: forward when f >= g, backward when f <= g (every segment is open
// one way or the other, so f = g is always 0 s).
FacilityTime time_from(const RoadGraph& graph, const Attachment& parcel,
                       const NearestFacility& nearest, double access_speed_kmh) {
  if (nearest.seconds.size() != graph.node_count())
    throw std::invalid_argument("the travel times were computed on another road graph");
  check_attachment(graph, parcel, "the parcel");
  const double access_s = access_seconds(parcel.access_m, access_speed_kmh);
  const Segment& s = graph.segment(parcel.segment);
  const double g = parcel.fraction;
  Label best{kInf, kNoFacility};
  auto offer = [&](double seconds, std::uint32_t facility) {
    if (LabelLess{}({seconds, facility}, best)) best = {seconds, facility};
  };
  if (s.drivable_forward() || g == 1)
    offer((1 - g) * s.seconds + nearest.seconds[s.to], nearest.facility[s.to]);
  if (s.drivable_backward() || g == 0)
    offer(g * s.seconds + nearest.seconds[s.from], nearest.facility[s.from]);
  // `attached` is sorted by segment first.
  for (const AttachedFacility& f :
       std::ranges::equal_range(nearest.attached, parcel.segment, {}, &AttachedFacility::segment)) {
    if (s.drivable_forward() && f.fraction >= g)
      offer((f.fraction - g) * s.seconds + f.access_s, f.facility);
    if (s.drivable_backward() && f.fraction <= g)
      offer((g - f.fraction) * s.seconds + f.access_s, f.facility);
  }
  if (!(best.seconds < kInf)) return {};
  return {access_s + best.seconds, best.facility};
}

}  // namespace siterank::network
