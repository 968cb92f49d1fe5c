#include "network/road_network.hpp"

#include <chrono>
#include <cmath>
#include <siterank/number_text.hpp>
#include <stdexcept>

#include "network/content_hash.hpp"
#include "network/timings.hpp"

namespace siterank::network {

namespace {

// A (layer, filter) key for a timing line: its unit separators as " | ".
std::string printable(const std::string& key) {
  std::string out;
  for (const char c : key) out += c == '\x1f' ? std::string(" | ") : std::string(1, c);
  return out;
}

void check(const RoadNetworkSettings& s) {
  if (!(s.snap_tolerance_m >= 0.0 && std::isfinite(s.snap_tolerance_m)))
    throw std::invalid_argument("snap_tolerance_m must be a finite distance >= 0 m, got " +
                                format_general(s.snap_tolerance_m));
  if (!(s.max_access_m >= 0.0 && std::isfinite(s.max_access_m)))
    throw std::invalid_argument("max_access_m must be a finite distance >= 0 m, got " +
                                format_general(s.max_access_m));
  access_seconds(0.0, s.access_speed_kmh);  // throws for a bad speed
}

std::atomic<std::uint64_t> next_network_id{1};

RoadGraph timed_build(std::span<const RoadLine> lines, double tolerance) {
  ScopedTiming t("roads: graph build (snap " + std::to_string(lines.size()) + " lines, CSR)");
  return RoadGraph::build(lines, tolerance);
}

// Every thread's last batch: whose network, the points, their attachments.
struct AttachMemo {
  std::uint64_t network = 0;
  std::vector<Point> from;
  std::vector<std::optional<Attachment>> at;
};
thread_local AttachMemo memo;

bool same_points(std::span<const Point> a, const std::vector<Point>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].x != b[i].x || a[i].y != b[i].y) return false;
  return true;
}

std::int64_t ns_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0)
      .count();
}

}  // namespace

RoadNetwork::RoadNetwork(std::string layer_name, std::span<const RoadLine> lines,
                         const RoadNetworkSettings& settings)
    : RoadNetwork(std::move(layer_name),
                  timed_build(lines, (check(settings), settings.snap_tolerance_m)), settings) {}

RoadNetwork::RoadNetwork(std::string layer_name, RoadGraph graph,
                         const RoadNetworkSettings& settings)
    : layer_name_(std::move(layer_name)),
      settings_((check(settings), settings)),
      graph_(std::move(graph)),
      // The timing's temporary lives until the index is built (the end of
      // this member's initialisation, its full-expression).
      segments_((ScopedTiming("roads: segment index (R-tree of " +
                              std::to_string(graph_.segment_count()) + " segments)"),
                 graph_)),
      id_(next_network_id++) {}

RoadNetwork::~RoadNetwork() {
  if (!timings_enabled()) return;
  report_timing(
      "roads: attach " + std::to_string(attached_points_.load()) + " points (sum over threads)",
      static_cast<double>(attach_ns_.load()) * 1e-9);
  report_timing("roads: trips from attachments (sum over threads)",
                static_cast<double>(trip_ns_.load()) * 1e-9);
}

void RoadNetwork::use_cache(const RoadCache* cache, std::uint64_t graph_key) {
  disk_ = cache;
  graph_key_ = graph_key;
}

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
  ScopedTiming timing("roads: travel times to " + printable(key));
  Facilities f = facilities();
  auto t = std::make_shared<TimesTo>();
  // On disk under everything the times depend on: the graph, the access
  // settings, and the facilities as positions and feature indexes (so two
  // filters choosing the same features share an entry).
  std::uint64_t disk_key = 0;
  if (disk_ && disk_->enabled()) {
    KeyBuilder k;
    k.add("siterank road travel times").add(std::uint64_t{kRoadCacheFormat}).add(graph_key_);
    k.add(settings_.access_speed_kmh).add(settings_.max_access_m);
    k.add_bytes(f.points.data(), f.points.size() * sizeof(Point));
    for (const std::size_t i : f.features) k.add(static_cast<std::uint64_t>(i));
    disk_key = k.digest();
    if (auto cached = disk_->load_times(disk_key, graph_);
        cached && cached->features == f.features) {
      t->features = std::move(cached->features);
      t->nearest = std::move(cached->nearest);
      cache_.emplace(key, t);
      return t;
    }
  }
  std::vector<std::optional<Attachment>> attached;
  attached.reserve(f.points.size());
  for (const Point& p : f.points) attached.push_back(segments_.attach(p, settings_.max_access_m));
  t->features = std::move(f.features);
  t->nearest = nearest_facilities(graph_, attached, settings_.access_speed_kmh);
  if (disk_ && disk_->enabled()) disk_->store_times(disk_key, {t->nearest, t->features});
  cache_.emplace(key, t);
  return t;
}

const std::vector<std::optional<Attachment>>& RoadNetwork::attachments(
    std::span<const Point> from) const {
  if (memo.network == id_ && same_points(from, memo.from)) return memo.at;
  const auto t0 = std::chrono::steady_clock::now();
  memo.network = 0;  // invalid until filled
  memo.from.assign(from.begin(), from.end());
  memo.at.resize(from.size());
  for (std::size_t i = 0; i < from.size(); ++i)
    memo.at[i] = segments_.attach(from[i], settings_.max_access_m);
  memo.network = id_;
  attach_ns_ += ns_since(t0);
  attached_points_ += from.size();
  return memo.at;
}

void RoadNetwork::trips(const std::string& key, const std::function<Facilities()>& facilities,
                        std::span<const Point> from, std::vector<RoadTrip>& out) const {
  const std::shared_ptr<const TimesTo> t = times_to(key, facilities);
  const std::vector<std::optional<Attachment>>& at = attachments(from);
  const auto t0 = std::chrono::steady_clock::now();
  out.assign(from.size(), RoadTrip{});
  for (std::size_t i = 0; i < from.size(); ++i) {
    RoadTrip& trip = out[i];
    const std::optional<Attachment>& a = at[i];
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
  trip_ns_ += ns_since(t0);
}

std::shared_ptr<const RoadNetwork::ReachOf> RoadNetwork::reach_of(
    const std::string& key, const std::function<Facilities()>& facilities,
    double max_seconds) const {
  if (!(std::isfinite(max_seconds) && max_seconds >= 0))
    throw std::invalid_argument("road_reach: the time limit must be finite and at least 0 s, not " +
                                format_general(max_seconds));
  const std::lock_guard<std::mutex> lock(mutex_);  // as times_to: computed once
  const auto id = std::pair{key, max_seconds};
  if (const auto it = reaches_.find(id); it != reaches_.end()) return it->second;
  ScopedTiming timing("roads: reach within " + format_general(max_seconds) + " s of " +
                      printable(key));
  Facilities f = facilities();
  std::vector<std::optional<Attachment>> attached;
  attached.reserve(f.points.size());
  for (const Point& p : f.points) attached.push_back(segments_.attach(p, settings_.max_access_m));
  auto r = std::make_shared<ReachOf>();
  r->features = std::move(f.features);
  r->reach = facility_reach(graph_, attached, max_seconds, settings_.access_speed_kmh);
  reaches_.emplace(id, r);
  return r;
}

void RoadNetwork::reach(const std::string& key, const std::function<Facilities()>& facilities,
                        double max_seconds, std::span<const Point> from,
                        std::vector<RoadReach>& out) const {
  const std::shared_ptr<const ReachOf> r = reach_of(key, facilities, max_seconds);
  const std::vector<std::optional<Attachment>>& at = attachments(from);
  const auto t0 = std::chrono::steady_clock::now();
  out.resize(from.size());
  std::vector<ReachedFacility> reached;
  for (std::size_t i = 0; i < from.size(); ++i) {
    RoadReach& o = out[i];
    o.features.clear();
    const std::optional<Attachment>& a = at[i];
    o.on_network = a.has_value();
    o.access_m = a ? a->access_m : std::numeric_limits<double>::quiet_NaN();
    if (!a) continue;
    reach_from(graph_, *a, r->reach, settings_.access_speed_kmh, reached);
    for (const ReachedFacility& x : reached)
      o.features.push_back({r->features[x.facility], x.seconds});
  }
  trip_ns_ += ns_since(t0);
}

}  // namespace siterank::network
