#include "network/vertex_snapper.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <siterank/number_text.hpp>
#include <stdexcept>
#include <vector>

namespace siterank::network {

// Nodes by grid cell (side max(2 x tolerance, 1 m)), each cell a chain
// through `next`: a vertex's candidates are the nodes of the cells its
// tolerance box touches, so a lookup costs a few hash probes where an
// R-tree built by insertion cost a fifth of a 1M-edge build. The grid only
// finds candidates; the choice among them (distance <= tolerance, then
// distance, then index) is the documented one, so the nodes are those an
// exhaustive search would give.
namespace {
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
}  // namespace

struct VertexSnapper::Index {
  double cell = 1.0;
  // Open addressing, linear probing, a power-of-two capacity at most half
  // full: cell key -> its newest node (kNone: an empty slot).
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> heads;
  std::size_t used = 0;
  std::vector<std::uint32_t> next;  // node -> older node of its cell

  static std::uint64_t mix(std::uint64_t k) {  // splitmix64's finaliser
    k = (k ^ (k >> 30)) * 0xBF58476D1CE4E5B9ULL;
    k = (k ^ (k >> 27)) * 0x94D049BB133111EBULL;
    return k ^ (k >> 31);
  }
  std::size_t slot(std::uint64_t key) const {
    const std::size_t mask = keys.size() - 1;
    std::size_t i = mix(key) & mask;
    while (heads[i] != kNone && keys[i] != key) i = (i + 1) & mask;
    return i;
  }
  std::uint32_t find(std::uint64_t key) const { return heads[slot(key)]; }
  void add(std::uint64_t key, std::uint32_t node) {
    if (2 * (used + 1) > keys.size()) grow();
    const std::size_t i = slot(key);
    if (heads[i] == kNone) {
      keys[i] = key;
      ++used;
    }
    next.push_back(heads[i]);
    heads[i] = node;
  }
  void grow() {
    std::vector<std::uint64_t> old_keys(std::max<std::size_t>(1024, 2 * keys.size()));
    std::vector<std::uint32_t> old_heads(old_keys.size(), kNone);
    old_keys.swap(keys);
    old_heads.swap(heads);
    for (std::size_t i = 0; i < old_keys.size(); ++i)
      if (old_heads[i] != kNone) {
        const std::size_t j = slot(old_keys[i]);
        keys[j] = old_keys[i];
        heads[j] = old_heads[i];
      }
  }
};

namespace {

std::int64_t cell_of(double v) { return static_cast<std::int64_t>(std::floor(v)); }

// Cells (ix, iy) as one 64-bit key: exact for |ix|, |iy| < 2^31 cells
// (2,000,000 km at 1 m cells), beyond that cells share keys, which costs
// time, not correctness.
std::uint64_t cell_key(std::int64_t ix, std::int64_t iy) {
  return (static_cast<std::uint64_t>(ix) << 32) ^ static_cast<std::uint32_t>(iy);
}

}  // namespace

VertexSnapper::VertexSnapper(double tolerance_m)
    : tolerance_m_(tolerance_m), index_(std::make_unique<Index>()) {
  if (!(tolerance_m >= 0) || !std::isfinite(tolerance_m))
    throw std::invalid_argument("snapping tolerance must be a finite distance >= 0 m, got " +
                                format_general(tolerance_m));
  index_->cell = std::max(2 * tolerance_m, 1.0);
}

VertexSnapper::~VertexSnapper() = default;

std::uint32_t VertexSnapper::snap(Point p) {
  Index& idx = *index_;
  if (idx.keys.empty()) idx.grow();
  // The cells of the tolerance box in cell units, widened by a millionth
  // of a cell against rounding at cell borders.
  const double c = idx.cell, t = tolerance_m_ / c, slack = 1e-6;
  const double u = p.x / c, v = p.y / c;
  const std::int64_t x0 = cell_of(u - t - slack), x1 = cell_of(u + t + slack);
  const std::int64_t y0 = cell_of(v - t - slack), y1 = cell_of(v + t + slack);
  std::uint32_t best = kNone;
  double best_d = std::numeric_limits<double>::infinity();
  for (std::int64_t ix = x0; ix <= x1; ++ix)
    for (std::int64_t iy = y0; iy <= y1; ++iy)
      for (std::uint32_t n = idx.find(cell_key(ix, iy)); n != kNone; n = idx.next[n]) {
        const double d = distance(p, nodes_[n]);
        if (d <= tolerance_m_ && (d < best_d || (d == best_d && n < best))) {
          best = n;
          best_d = d;
        }
      }
  if (best != kNone) return best;
  if (nodes_.size() >= kNone - 1) throw std::length_error("road network: more than 2^32 - 2 nodes");
  const auto id = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back(p);
  idx.add(cell_key(cell_of(u), cell_of(v)), id);
  return id;
}

}  // namespace siterank::network
