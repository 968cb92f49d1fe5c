#include "scoring/access_limits.hpp"

#include <algorithm>
#include <siterank/host/errors.hpp>
#include <siterank/number_text.hpp>

#include "util/parallel_chunks.hpp"

namespace siterank {

namespace {

constexpr std::size_t piece_size = 4096;

std::string feature_name(const ReferenceLayer& layer, std::size_t i) {
  const std::string_view label = layer.label(i);
  return label.empty() ? layer.name + " #" + std::to_string(i) : std::string(label);
}

std::string limit_text(const AccessLimit& l) {
  return format_fixed(l.limit, 2) +
         (l.measure == AccessLimit::Measure::road_minutes ? " min limit by road" : " km limit");
}

// The reason parcel i breaks the limit, or "" when it meets it.
std::string road_reason(const AccessLimit& l, const ReferenceLayer& layer, const RoadTrip& t) {
  switch (t.status) {
    case RoadTrip::Status::ok: {
      const double minutes = t.seconds / 60.0;
      if (minutes <= l.limit) return {};
      return format_fixed(minutes, 1) + " min by road to the nearest, " +
             feature_name(layer, t.feature) + ", over the " + limit_text(l);
    }
    case RoadTrip::Status::off_network:
      return "no road within reach of the parcel, so the " + limit_text(l) + " cannot be met";
    case RoadTrip::Status::unreachable:
      return "none can be reached by road from the parcel's nearest road, " +
             format_fixed(t.access_m, 0) + " m away, so the " + limit_text(l) + " cannot be met";
  }
  return {};
}

std::vector<VetoEntry> vetoes_for(const AccessLimit& l, const ReferenceLayer& layer,
                                  const ParcelTable& parcels, const ReferenceData& reference,
                                  unsigned threads) {
  const std::size_t n = parcels.size();
  const std::size_t pieces = (n + piece_size - 1) / piece_size;
  std::vector<std::vector<VetoEntry>> found(pieces);
  parallel_pieces(pieces, threads, [&](std::size_t piece, unsigned) {
    const std::size_t first = piece * piece_size, last = std::min(n, first + piece_size);
    auto veto = [&](std::size_t i, std::string reason) {
      if (!reason.empty())
        found[piece].push_back(
            {i, requirements_source, layer.role + ": " + reason + " (" + l.path + ")"});
    };
    if (l.measure == AccessLimit::Measure::road_minutes) {
      std::vector<Point> from(parcels.rep_point.begin() + first, parcels.rep_point.begin() + last);
      std::vector<RoadTrip> trips;
      reference.road_trips(layer, nullptr, from, trips);
      for (std::size_t k = 0; k < trips.size(); ++k)
        veto(first + k, road_reason(l, layer, trips[k]));
      return;
    }
    std::vector<Hit> hits;
    for (std::size_t i = first; i < last; ++i) {
      reference.nearest(layer, parcels.rep_point[i], 1, nullptr, hits);
      const double km = hits.front().distance_m / 1000.0;
      if (km > l.limit)
        veto(i, format_fixed(km, 1) + " km in a straight line to the nearest, " +
                    feature_name(layer, hits.front().feature) + ", over the " + limit_text(l));
    }
  });
  std::vector<VetoEntry> out;
  for (auto& f : found) std::move(f.begin(), f.end(), std::back_inserter(out));
  return out;
}

}  // namespace

std::vector<VetoEntry> access_limit_vetoes(const std::vector<AccessLimit>& limits,
                                           const ParcelTable& parcels,
                                           const ReferenceData& reference, unsigned threads) {
  std::vector<VetoEntry> out;
  for (const AccessLimit& l : limits) {
    const ReferenceLayer* layer = reference.layer(l.role);
    if (!layer) throw InputError(l.path + ": the dataset has no layer with role '" + l.role + "'");
    if (layer->size() == 0)
      throw InputError(l.path + ": layer '" + layer->name + "' (role " + l.role +
                       ") has no features, so no parcel can meet the limit");
    if (l.measure == AccessLimit::Measure::road_minutes && !reference.has_road_network())
      throw InputError(l.path +
                       ": minutes by road need a road network, and the dataset has no layer "
                       "with role 'roads' (use $.requirements.max_km for straight-line limits)");
    std::vector<VetoEntry> v = vetoes_for(l, *layer, parcels, reference, threads);
    std::move(v.begin(), v.end(), std::back_inserter(out));
  }
  // Stable: within a parcel the limits stay in the given order.
  std::stable_sort(out.begin(), out.end(),
                   [](const VetoEntry& a, const VetoEntry& b) { return a.parcel < b.parcel; });
  return out;
}

}  // namespace siterank
