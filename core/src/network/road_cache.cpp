#include "network/road_cache.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <type_traits>

#include "network/content_hash.hpp"
#include "util/atomic_file.hpp"

namespace siterank::network {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'S', 'R', 'R', 'O', 'A', 'D', 'C', '\0'};
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::uint32_t kGraph = 1, kTimes = 2;
constexpr std::size_t kHeaderSize = 48;

struct Header {
  char magic[8];
  std::uint32_t format;
  std::uint32_t kind;
  std::uint32_t byte_order;
  std::uint32_t reserved;
  std::uint64_t key;
  std::uint64_t payload_size;
  std::uint64_t payload_hash;
};
static_assert(sizeof(Header) == kHeaderSize && std::is_trivially_copyable_v<Header>);

// The payload: counts as u64, arrays as the host's little-endian bytes
// (the header's byte-order mark refuses a file from a big-endian host).
class Writer {
 public:
  template <class T>
  void put(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void count(std::size_t n) { put(static_cast<std::uint64_t>(n)); }
  void text(const std::string& s) {
    count(s.size());
    out.append(s);
  }
  // One field of every element: structure-of-arrays, no padding bytes.
  template <class T, class F>
  void column(const std::vector<T>& v, F field) {
    for (const T& e : v) put(field(e));
  }
  std::string out;
};

struct Corrupt : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Reader {
 public:
  explicit Reader(const std::string& s) : p_(s.data()), end_(s.data() + s.size()) {}
  template <class T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    if (static_cast<std::size_t>(end_ - p_) < sizeof(T)) throw Corrupt("truncated payload");
    T v;
    std::memcpy(&v, p_, sizeof v);
    p_ += sizeof v;
    return v;
  }
  // A count of elements of `size` bytes each, refused when the rest of the
  // payload cannot hold them (so a damaged count allocates nothing).
  std::size_t count(std::size_t size) {
    const auto n = get<std::uint64_t>();
    if (size && n > static_cast<std::uint64_t>(end_ - p_) / size) throw Corrupt("bad count");
    return static_cast<std::size_t>(n);
  }
  std::string text() {
    const std::size_t n = count(1);
    std::string s(p_, n);
    p_ += n;
    return s;
  }
  bool done() const { return p_ == end_; }

 private:
  const char* p_;
  const char* end_;
};

}  // namespace

RoadCache::RoadCache(std::string dir, Warn warn) : dir_(std::move(dir)), warn_(std::move(warn)) {}

std::string RoadCache::default_dir() {
  if (const char* d = std::getenv("SITERANK_CACHE_DIR")) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && x[0] == '/')
    return std::string(x) + "/siterank";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/siterank";
  return "";
}

std::string RoadCache::path(std::uint64_t key, const char* kind) const {
  return dir_ + "/roads/" + hex64(key) + "." + kind;
}

void RoadCache::disable(const std::string& why) const {
  // One warning, then the run goes on without the cache.
  if (!broken_.exchange(true) && warn_)
    warn_("road network cache " + dir_ + ": " + why + "; going on without it");
}

std::optional<std::string> RoadCache::read_entry(std::uint64_t key, std::uint32_t kind,
                                                 const char* ext) const {
  if (!enabled()) return std::nullopt;
  const std::string file = path(key, ext);
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"),
                                                          &std::fclose);
  if (!f) return std::nullopt;  // a miss
  const auto bad = [&](const std::string& why) -> std::optional<std::string> {
    if (warn_) warn_("road network cache entry " + file + " " + why + "; rebuilding it");
    return std::nullopt;
  };
  Header h;
  if (std::fread(&h, 1, sizeof h, f.get()) != sizeof h) return bad("is truncated");
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return bad("is not a cache entry");
  if (h.byte_order != kByteOrder) return bad("was written on another byte order");
  if (h.format != kRoadCacheFormat)
    return bad("has format " + std::to_string(h.format) + ", not " +
               std::to_string(kRoadCacheFormat));
  if (h.kind != kind || h.key != key) return bad("is not the entry its name says");
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec || size != kHeaderSize + h.payload_size)
    return bad("has the wrong size (" + std::to_string(size) + " bytes, header says " +
               std::to_string(kHeaderSize + h.payload_size) + ")");
  std::string payload(static_cast<std::size_t>(h.payload_size), '\0');
  if (std::fread(payload.data(), 1, payload.size(), f.get()) != payload.size())
    return bad("is truncated");
  if (xxh64(payload.data(), payload.size()) != h.payload_hash)
    return bad("fails its checksum (damaged)");
  return payload;
}

void RoadCache::write_entry(std::uint64_t key, std::uint32_t kind, const char* ext,
                            const std::string& payload) const {
  if (!enabled()) return;
  std::error_code ec;
  fs::create_directories(dir_ + "/roads", ec);
  if (ec) {
    disable("cannot create " + dir_ + "/roads: " + ec.message());
    return;
  }
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.format = kRoadCacheFormat;
  h.kind = kind;
  h.byte_order = kByteOrder;
  h.key = key;
  h.payload_size = payload.size();
  h.payload_hash = xxh64(payload.data(), payload.size());
  try {
    // A temporary beside the entry, renamed over it: concurrent runs and
    // crashes leave a whole entry or none.
    AtomicFile out(path(key, ext));
    out.stream().write(reinterpret_cast<const char*>(&h), sizeof h);
    out.stream().write(payload.data(), static_cast<std::streamsize>(payload.size()));
    out.commit();
  } catch (const std::exception& e) {
    disable(std::string("cannot write an entry: ") + e.what());
  }
}

std::optional<RoadCache::Graph> RoadCache::load_graph(std::uint64_t key) const {
  const std::optional<std::string> payload = read_entry(key, kGraph, "graph");
  if (!payload) return std::nullopt;
  try {
    Reader r(*payload);
    std::vector<std::string> notes(r.count(8));
    for (auto& n : notes) n = r.text();
    std::vector<Point> nodes(r.count(16));
    for (auto& p : nodes) {
      p.x = r.get<double>();
      p.y = r.get<double>();
    }
    std::vector<Segment> segments(r.count(29));
    for (auto& s : segments) s.from = r.get<std::uint32_t>();
    for (auto& s : segments) s.to = r.get<std::uint32_t>();
    for (auto& s : segments) s.line = r.get<std::uint32_t>();
    for (auto& s : segments) s.direction = static_cast<Direction>(r.get<std::uint8_t>());
    for (auto& s : segments) s.length_m = r.get<double>();
    for (auto& s : segments) s.seconds = r.get<double>();
    if (!r.done()) throw Corrupt("trailing bytes");
    return Graph{RoadGraph::from_parts(std::move(nodes), std::move(segments)), std::move(notes)};
  } catch (const std::exception& e) {  // Corrupt, or from_parts' invalid_argument
    if (warn_)
      warn_("road network cache entry " + path(key, "graph") + " does not hold a graph (" +
            e.what() + "); rebuilding it");
    return std::nullopt;
  }
}

void RoadCache::store_graph(std::uint64_t key, const RoadGraph& graph,
                            const std::vector<std::string>& notes) const {
  if (!enabled()) return;
  Writer w;
  w.count(notes.size());
  for (const auto& n : notes) w.text(n);
  w.count(graph.node_count());
  for (const Point& p : graph.nodes()) {
    w.put(p.x);
    w.put(p.y);
  }
  const auto& segs = graph.segments();
  w.count(segs.size());
  w.column(segs, [](const Segment& s) { return s.from; });
  w.column(segs, [](const Segment& s) { return s.to; });
  w.column(segs, [](const Segment& s) { return s.line; });
  w.column(segs, [](const Segment& s) { return static_cast<std::uint8_t>(s.direction); });
  w.column(segs, [](const Segment& s) { return s.length_m; });
  w.column(segs, [](const Segment& s) { return s.seconds; });
  write_entry(key, kGraph, "graph", w.out);
}

std::optional<RoadCache::Times> RoadCache::load_times(std::uint64_t key,
                                                      const RoadGraph& graph) const {
  const std::optional<std::string> payload = read_entry(key, kTimes, "times");
  if (!payload) return std::nullopt;
  try {
    Reader r(*payload);
    Times t;
    const std::size_t features = r.count(8);
    t.features.resize(features);
    for (auto& f : t.features) f = static_cast<std::size_t>(r.get<std::uint64_t>());
    const std::size_t nodes = r.count(12);
    if (nodes != graph.node_count()) throw Corrupt("another graph's node count");
    t.nearest.seconds.resize(nodes);
    t.nearest.facility.resize(nodes);
    for (auto& s : t.nearest.seconds) s = r.get<double>();
    for (auto& f : t.nearest.facility) {
      f = r.get<std::uint32_t>();
      if (f != kNoFacility && f >= features) throw Corrupt("a facility index out of range");
    }
    t.nearest.attached.resize(r.count(24));
    for (auto& a : t.nearest.attached) {
      a.segment = r.get<std::uint32_t>();
      a.facility = r.get<std::uint32_t>();
      a.fraction = r.get<double>();
      a.access_s = r.get<double>();
      if (a.segment >= graph.segment_count() || a.facility >= features)
        throw Corrupt("an attached facility out of range");
    }
    if (!r.done()) throw Corrupt("trailing bytes");
    return t;
  } catch (const std::exception& e) {
    if (warn_)
      warn_("road network cache entry " + path(key, "times") + " does not hold travel times (" +
            e.what() + "); rebuilding it");
    return std::nullopt;
  }
}

void RoadCache::store_times(std::uint64_t key, const Times& t) const {
  if (!enabled()) return;
  Writer w;
  w.count(t.features.size());
  for (const std::size_t f : t.features) w.put(static_cast<std::uint64_t>(f));
  w.count(t.nearest.seconds.size());
  for (const double s : t.nearest.seconds) w.put(s);
  for (const std::uint32_t f : t.nearest.facility) w.put(f);
  w.count(t.nearest.attached.size());
  for (const auto& a : t.nearest.attached) {
    w.put(a.segment);
    w.put(a.facility);
    w.put(a.fraction);
    w.put(a.access_s);
  }
  write_entry(key, kTimes, "times", w.out);
}

}  // namespace siterank::network
