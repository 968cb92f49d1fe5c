// The road network cache (docs/architecture.md, "Road network cache"): the
// built graph of a dataset's roads layer and the travel times to each set
// of facilities, kept on disk so the next run with the same inputs reads
// them instead of rebuilding them.
//
// Entries are files DIR/roads/KEY.graph and DIR/roads/KEY.times, KEY the
// 16 hex digits of a 64-bit XXH64 key over everything the entry depends on
// (data/road_cache_key.hpp for the graph; the graph's key, the network
// settings and the facilities' positions and feature indexes for times).
// Each file is a 48-byte header (magic, format version, kind, byte order,
// key, payload size, payload XXH64) and the payload; it is written to a
// temporary file beside it and renamed into place, so a reader sees a whole
// entry or none, and checked in full on reading: an entry that fails any
// check is reported in one warning and rebuilt. Cache trouble (a folder
// that cannot be made, a full disk) is one warning, and the run goes on
// without it: results never depend on the cache.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "network/road_graph.hpp"
#include "network/travel_times.hpp"

namespace siterank::network {

// Bumped whenever what an entry holds, or how the graph or the times are
// computed, changes: old entries then no longer match any key.
inline constexpr std::uint32_t kRoadCacheFormat = 1;

class RoadCache {
 public:
  using Warn = std::function<void(const std::string&)>;

  // The cache in `dir` ("" disables it); `warn` gets the one-line warnings.
  RoadCache(std::string dir, Warn warn);

  // $SITERANK_CACHE_DIR when set (empty: no cache), else
  // $XDG_CACHE_HOME/siterank (when absolute), else $HOME/.cache/siterank,
  // else "" (no cache).
  static std::string default_dir();

  bool enabled() const { return !dir_.empty() && !broken_.load(); }
  const std::string& dir() const { return dir_; }

  struct Graph {
    RoadGraph graph;
    std::vector<std::string> notes;  // the load report's notes on the roads layer
  };
  std::optional<Graph> load_graph(std::uint64_t key) const;
  void store_graph(std::uint64_t key, const RoadGraph& graph,
                   const std::vector<std::string>& notes) const;

  struct Times {
    NearestFacility nearest;
    std::vector<std::size_t> features;  // the layer's feature index of each facility
  };
  // Entries that do not fit `graph` (node or segment counts, indexes) are
  // refused like damaged ones.
  std::optional<Times> load_times(std::uint64_t key, const RoadGraph& graph) const;
  void store_times(std::uint64_t key, const Times& times) const;

  // The entry's file name (for messages and tests).
  std::string path(std::uint64_t key, const char* kind) const;

 private:
  std::optional<std::string> read_entry(std::uint64_t key, std::uint32_t kind,
                                        const char* ext) const;
  void write_entry(std::uint64_t key, std::uint32_t kind, const char* ext,
                   const std::string& payload) const;
  void disable(const std::string& why) const;

  std::string dir_;
  Warn warn_;
  mutable std::atomic<bool> broken_{false};
};

}  // namespace siterank::network
