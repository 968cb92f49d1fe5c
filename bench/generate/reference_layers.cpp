#include "reference_layers.hpp"

#include <algorithm>
#include <cmath>

#include "rng.hpp"

namespace bench {

namespace {

// The sample's feature counts per layer (geodata/hangzhou/README.md).
constexpr int sample_talent = 42, sample_metro = 259, sample_rail = 6, sample_airports = 1,
              sample_interchanges = 26, sample_firms = 316, sample_workforce = 31;

int scaled(int sample, double ref_scale) {
  return std::max(1, static_cast<int>(std::lround(sample * ref_scale)));
}

// A point in a random platform's box widened by `spread` metres.
Pt near_platform(const std::vector<Platform>& platforms, double spread, Rng& rng) {
  const Platform& p = platforms[rng.below(platforms.size())];
  return {p.centre.x + rng.uniform(-1, 1) * (p.half_w + spread),
          p.centre.y + rng.uniform(-1, 1) * (p.half_h + spread)};
}

// Appending rather than `prefix + std::to_string(...)`, which trips a false
// -Wrestrict of GCC 12 at -O3.
std::string numbered(const char* prefix, int i) {
  std::string s = prefix;
  s += std::to_string(i + 1);
  return s;
}

}  // namespace

std::vector<RefLayer> reference_points(const std::vector<Platform>& platforms, double ref_scale,
                                       std::uint64_t seed) {
  std::vector<RefLayer> out;
  // One stream per layer: growing one layer leaves the others in place.
  std::uint64_t stream = 1;
  auto layer = [&](std::string name, std::vector<RefField> fields) -> std::pair<RefLayer&, Rng> {
    out.push_back({std::move(name), std::move(fields), {}});
    return {out.back(), Rng(seed, stream++)};
  };

  {
    auto [l, rng] =
        layer("talent_sources", {{"name", 's'}, {"kind", 's'}, {"industries", 's'}, {"tier", 'i'}});
    const auto& styles = talent_styles();
    for (int i = 0, n = scaled(sample_talent, ref_scale); i < n; ++i) {
      const TalentStyle& t = styles[i % styles.size()];
      l.points.push_back({near_platform(platforms, 3000, rng),
                          {numbered("院校", i), t.kind, t.industries, std::to_string(t.tier)}});
    }
  }
  {
    auto [l, rng] = layer("metro_stations", {{"站名", 's'}, {"线路", 's'}});
    for (int i = 0, n = scaled(sample_metro, ref_scale); i < n; ++i)
      l.points.push_back({near_platform(platforms, 500, rng),
                          {numbered("站点", i), std::to_string(1 + rng.below(20))}});
  }
  {
    auto [l, rng] = layer("rail_hubs", {{"名称", 's'}, {"类型", 's'}});
    for (int i = 0, n = scaled(sample_rail, ref_scale); i < n; ++i)
      l.points.push_back({near_platform(platforms, 5000, rng),
                          {numbered("火车站", i), rail_kinds()[i % rail_kinds().size()]}});
  }
  {
    auto [l, rng] = layer("airports", {{"name", 's'}, {"cargo", 'i'}});
    for (int i = 0, n = scaled(sample_airports, ref_scale); i < n; ++i)
      l.points.push_back(
          {near_platform(platforms, 10000, rng), {numbered("机场", i), i % 2 == 0 ? "1" : "0"}});
  }
  {
    auto [l, rng] = layer("interchanges", {{"name", 's'}, {"expressway", 's'}});
    for (int i = 0, n = scaled(sample_interchanges, ref_scale); i < n; ++i)
      l.points.push_back({near_platform(platforms, 4000, rng),
                          {numbered("互通", i), numbered("G", static_cast<int>(rng.below(99)))}});
  }
  {
    auto [l, rng] =
        layer("firms", {{"企业名称", 's'}, {"产业", 's'}, {"链位", 's'}, {"链主", 'i'}});
    const std::vector<std::pair<std::string, double>> positions = {
        {"upstream", 0.42}, {"midstream", 0.36}, {"downstream", 0.22}};
    for (int i = 0, n = scaled(sample_firms, ref_scale); i < n; ++i) {
      // Firms sit inside a platform and work in its industries, leading one first.
      const Platform& p = platforms[rng.below(platforms.size())];
      std::vector<std::pair<std::string, double>> inds;
      for (std::size_t k = 0; k < p.archetype->industries.size(); ++k)
        inds.emplace_back(p.archetype->industries[k], 1.0 / (1 + 0.6 * k));
      const Pt at{p.centre.x + rng.uniform(-1, 1) * p.half_w * 0.8,
                  p.centre.y + rng.uniform(-1, 1) * p.half_h * 0.8};
      const std::string industry = rng.weighted(inds);
      const std::string position = rng.weighted(positions);
      l.points.push_back(
          {at, {numbered("企业", i), industry, position, rng.chance(0.12) ? "1" : "0"}});
    }
  }
  {
    auto [l, rng] = layer("workforce", {{"名称", 's'}, {"从业人数", 'i'}});
    const auto& sizes = workforce_sizes();
    for (int i = 0, n = scaled(sample_workforce, ref_scale); i < n; ++i)
      l.points.push_back({near_platform(platforms, 3000, rng),
                          {numbered("就业中心", i), std::to_string(sizes[i % sizes.size()])}});
  }
  return out;
}

void replicate_far(std::vector<RefLayer>& layers, int copies) {
  if (copies <= 1) return;
  double min_x = 1e300, max_x = -1e300, min_y = 1e300, max_y = -1e300;
  for (const auto& l : layers)
    for (const auto& p : l.points) {
      min_x = std::min(min_x, p.at.x), max_x = std::max(max_x, p.at.x);
      min_y = std::min(min_y, p.at.y), max_y = std::max(max_y, p.at.y);
    }
  // Beyond the widest distance function of bench/profile.json and of the
  // plugins' defaults (cargo airports: 60 km), with room to spare.
  constexpr double clearance = 200000;
  const double step = std::max(max_x - min_x, max_y - min_y) + clearance;
  const int side = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(copies))));
  for (auto& l : layers) {
    const std::size_t n = l.points.size();
    l.points.reserve(n * static_cast<std::size_t>(copies));
    for (int c = 1; c < copies; ++c) {
      const double dx = step * (c % side), dy = step * (c / side);
      for (std::size_t i = 0; i < n; ++i) {
        RefPoint p = l.points[i];
        p.at.x += dx;
        p.at.y += dy;
        l.points.push_back(std::move(p));
      }
    }
  }
}

}  // namespace bench
