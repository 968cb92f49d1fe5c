// Parcels of the benchmark dataset: platform after platform, each an oblique
// road grid of blocks cut into parcels, packed in shelves around Hangzhou in
// EPSG:4549 metres so the covered area grows with the number of parcels.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "archetypes.hpp"

namespace bench {

struct Pt {
  double x, y;
};

struct Parcel {
  std::vector<Pt> ring;  // open (first vertex not repeated), counter-clockwise, 5-12 vertices
  double area_m2;
  std::string id, name, platform, district, land_use, status_zh;
  double price, plot_ratio_min, plot_ratio_max;
  int height_m, power_kva, dual_circuit, water_m3_per_day, flood_risk;
};

struct Platform {
  int number;  // 1-based
  const Archetype* archetype;
  std::string name, code;
  std::vector<Pt> boundary;  // open ring, counter-clockwise
  Pt centre;
  double half_w, half_h;  // half the axis-aligned extent of the boundary
  // The block grid's frame, for the local streets of the road network
  // (road_network.hpp): world = origin + u * (cos_a, sin_a) + v * (-sin_a, cos_a).
  Pt origin;
  double cos_a, sin_a;
  // Street centrelines of the used blocks in that frame: the middle of each
  // gap between block columns (u) and rows (v), and the boundary streets in
  // the margin, ascending.
  std::vector<double> street_u, street_v;
};

class Layout {
 public:
  // Platforms are packed in rows about as wide as the square that `parcels`
  // parcels need, centred on Hangzhou.
  Layout(std::uint64_t seed, std::uint64_t parcels);

  // Lays out the next platform and hands each of its parcels (at most
  // `max_parcels`, at least one) to `sink`, in block order.
  Platform next_platform(std::uint64_t max_parcels, const std::function<void(const Parcel&)>& sink);

 private:
  std::uint64_t seed_;
  int count_ = 0;
  double row_width_, left_, cursor_x_, cursor_y_, row_height_ = 0;
};

}  // namespace bench
