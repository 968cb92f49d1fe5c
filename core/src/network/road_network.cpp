#include "network/road_network.hpp"

#include <cmath>
#include <siterank/number_text.hpp>
#include <stdexcept>

namespace siterank::network {

namespace {

void check(const RoadNetworkSettings& s) {
  if (!(s.snap_tolerance_m >= 0.0 && std::isfinite(s.snap_tolerance_m)))
    throw std::invalid_argument("snap_tolerance_m must be a finite distance >= 0 m, got " +
                                format_general(s.snap_tolerance_m));
  if (!(s.max_access_m >= 0.0 && std::isfinite(s.max_access_m)))
    throw std::invalid_argument("max_access_m must be a finite distance >= 0 m, got " +
                                format_general(s.max_access_m));
  access_seconds(0.0, s.access_speed_kmh);  // throws for a bad speed
}

}  // namespace

RoadNetwork::RoadNetwork(std::string layer_name, std::span<const RoadLine> lines,
                         const RoadNetworkSettings& settings)
    : layer_name_(std::move(layer_name)),
      settings_((check(settings), settings)),
      graph_(RoadGraph::build(lines, settings.snap_tolerance_m)),
      segments_(graph_) {}

RoadNetwork::~RoadNetwork() = default;

std::string RoadNetwork::description() const {
  return "road network '" + layer_name_ + "' (" + std::to_string(graph_.segment_count()) +
         " segments), access legs at " + format_general(settings_.access_speed_kmh) +
         " km/h within " + format_general(settings_.max_access_m) + " m";
}

std::shared_ptr<const RoadNetwork::TimesTo> RoadNetwork::times_to(
    const std::string& key, const std::function<Facilities()>& facilities) const {
  // Held while computing: the first batch to ask computes, the others wait
  // for the same answer rather than computing it again.
  const std::lock_guard<std::mutex> lock(mutex_);
  if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
  Facilities f = facilities();
  std::vector<std::optional<Attachment>> attached;
  attached.reserve(f.points.size());
  for (const Point& p : f.points) attached.push_back(segments_.attach(p, settings_.max_access_m));
  auto t = std::make_shared<TimesTo>();
  t->features = std::move(f.features);
  t->nearest = nearest_facilities(graph_, attached, settings_.access_speed_kmh);
  cache_.emplace(key, t);
  return t;
}

void RoadNetwork::trips(const std::string& key, const std::function<Facilities()>& facilities,
                        std::span<const Point> from, std::vector<RoadTrip>& out) const {
  const std::shared_ptr<const TimesTo> t = times_to(key, facilities);
  out.assign(from.size(), RoadTrip{});
  for (std::size_t i = 0; i < from.size(); ++i) {
    RoadTrip& trip = out[i];
    const std::optional<Attachment> a = segments_.attach(from[i], settings_.max_access_m);
    if (!a) {
      trip.status = RoadTrip::Status::off_network;
      continue;
    }
    trip.access_m = a->access_m;
    const FacilityTime ft = time_from(graph_, *a, t->nearest, settings_.access_speed_kmh);
    if (ft.facility == kNoFacility || !std::isfinite(ft.seconds)) continue;  // unreachable
    trip.status = RoadTrip::Status::ok;
    trip.seconds = ft.seconds;
    trip.feature = t->features[ft.facility];
  }
}

}  // namespace siterank::network
