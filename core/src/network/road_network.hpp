// A dataset's road network as plugins query it (ReferenceData::road_trips):
// the graph and its segment index built once per run, and per (layer,
// filter) the multi-source times to the nearest matching feature, computed
// on first use and kept for the rest of the run.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <siterank/reference.hpp>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "network/facility_reach.hpp"
#include "network/network_attachment.hpp"
#include "network/road_cache.hpp"
#include "network/road_graph.hpp"
#include "network/travel_times.hpp"

namespace siterank::network {

class RoadNetwork {
 public:
  // Throws std::invalid_argument for bad lines or settings (naming the line).
  RoadNetwork(std::string layer_name, std::span<const RoadLine> lines,
              const RoadNetworkSettings& settings);
  // Over a graph built before (read from the road cache).
  RoadNetwork(std::string layer_name, RoadGraph graph, const RoadNetworkSettings& settings);
  ~RoadNetwork();
  RoadNetwork(const RoadNetwork&) = delete;
  RoadNetwork& operator=(const RoadNetwork&) = delete;

  std::string description() const;
  const RoadGraph& graph() const { return graph_; }
  const SegmentIndex& segments() const { return segments_; }
  const RoadNetworkSettings& settings() const { return settings_; }

  // For each point, the trip to the nearest of the facilities `key` names.
  // On the first call with a key, `facilities` gives their positions and
  // feature indexes and the times are computed (once, whatever the number
  // of threads asking); later calls reuse them. Thread-safe.
  struct Facilities {
    std::vector<Point> points;
    std::vector<std::size_t> features;  // the layer's feature index of each point
  };
  void trips(const std::string& key, const std::function<Facilities()>& facilities,
             std::span<const Point> from, std::vector<RoadTrip>& out) const;
  // For each point, every facility `key` names reached within max_seconds
  // (network/facility_reach.hpp), computed once per key and limit like the
  // trips; kept for the run, not in the road cache. Throws
  // std::invalid_argument for a limit that is not finite and >= 0.
  void reach(const std::string& key, const std::function<Facilities()>& facilities,
             double max_seconds, std::span<const Point> from, std::vector<RoadReach>& out) const;

  // Travel times are then read from `cache` (which must outlive the
  // network) when it has them for these facilities on the graph of
  // `graph_key` (data/road_cache_key.hpp), and written to it otherwise.
  void use_cache(const RoadCache* cache, std::uint64_t graph_key);

 private:
  struct TimesTo {
    std::vector<std::size_t> features;
    NearestFacility nearest;
  };
  std::shared_ptr<const TimesTo> times_to(const std::string& key,
                                          const std::function<Facilities()>& facilities) const;
  struct ReachOf {
    std::vector<std::size_t> features;
    FacilityReach reach;
  };
  std::shared_ptr<const ReachOf> reach_of(const std::string& key,
                                          const std::function<Facilities()>& facilities,
                                          double max_seconds) const;

  // The points' attachments, reused while a thread asks about the same
  // points again (a criterion asks once per facility set for one batch).
  const std::vector<std::optional<Attachment>>& attachments(std::span<const Point> from) const;

  std::string layer_name_;
  RoadNetworkSettings settings_;
  RoadGraph graph_;
  SegmentIndex segments_;
  std::uint64_t id_;  // tells this network's attachments from another's
  const RoadCache* disk_ = nullptr;
  std::uint64_t graph_key_ = 0;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::shared_ptr<const TimesTo>> cache_;
  mutable std::map<std::pair<std::string, double>, std::shared_ptr<const ReachOf>> reaches_;
  // Summed over threads, for SITERANK_TIMINGS (network/timings.hpp).
  mutable std::atomic<std::int64_t> attach_ns_{0}, trip_ns_{0};
  mutable std::atomic<std::uint64_t> attached_points_{0};
};

}  // namespace siterank::network
