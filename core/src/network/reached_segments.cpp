#include "network/reached_segments.hpp"

#include <algorithm>
#include <cmath>
#include <siterank/number_text.hpp>
#include <stdexcept>
#include <utility>

namespace siterank::network {

namespace {

// Time to the facility c + slope·x for x in [lo, hi]: appends the stretch
// where it is within the limit, if any.
void add_stretch(std::uint32_t segment, double c, double slope, double lo, double hi,
                 double limit_s, std::vector<ReachedStretch>& out) {
  if (!std::isfinite(c)) return;  // the node cannot reach the facility
  auto time = [&](double x) { return c + slope * x; };
  // Where the time equals the limit; the stretch keeps the side below it.
  if (slope < 0) lo = std::max(lo, (c - limit_s) / -slope);
  if (slope > 0) hi = std::min(hi, (limit_s - c) / slope);
  if (lo > hi) return;
  if (slope == 0 && time(lo) > limit_s) return;
  // Rounding may leave the cut end a hair over the limit: no negative spare.
  out.push_back(
      {segment, lo, hi, std::max(0.0, limit_s - time(lo)), std::max(0.0, limit_s - time(hi))});
}

// The length of the union of the stretches of one segment, as fractions.
double covered_fraction(std::vector<std::pair<double, double>>& spans) {
  std::sort(spans.begin(), spans.end());
  double total = 0.0, start = 0.0, end = -1.0;
  for (const auto& [a, b] : spans) {
    if (a > end) {
      if (end > start) total += end - start;
      start = a;
      end = b;
    } else {
      end = std::max(end, b);
    }
  }
  if (end > start) total += end - start;
  return total;
}

}  // namespace

Reach reached_segments(const RoadGraph& graph, const NearestFacility& times, double limit_s) {
  if (times.seconds.size() != graph.node_count())
    throw std::invalid_argument("the travel times were computed on another road graph");
  if (!(limit_s >= 0 && std::isfinite(limit_s)))
    throw std::invalid_argument("time limit must be finite seconds >= 0, got " +
                                format_general(limit_s));
  Reach out;
  std::vector<std::pair<double, double>> spans;
  auto facility = times.attached.begin();  // sorted by segment
  for (std::uint32_t s = 0; s < graph.segment_count(); ++s) {
    const Segment& seg = graph.segment(s);
    const std::size_t first = out.stretches.size();
    const double T = seg.seconds;
    if (seg.drivable_forward())
      add_stretch(s, T + times.seconds[seg.to], -T, 0.0, 1.0, limit_s, out.stretches);
    if (seg.drivable_backward())
      add_stretch(s, times.seconds[seg.from], T, 0.0, 1.0, limit_s, out.stretches);
    while (facility != times.attached.end() && facility->segment < s) ++facility;
    for (auto f = facility; f != times.attached.end() && f->segment == s; ++f) {
      if (seg.drivable_forward())  // from x <= f, driving towards `to`
        add_stretch(s, f->fraction * T + f->access_s, -T, 0.0, f->fraction, limit_s, out.stretches);
      if (seg.drivable_backward())  // from x >= f, driving towards `from`
        add_stretch(s, f->access_s - f->fraction * T, T, f->fraction, 1.0, limit_s, out.stretches);
    }
    spans.clear();
    for (std::size_t i = first; i < out.stretches.size(); ++i)
      spans.emplace_back(out.stretches[i].from, out.stretches[i].to);
    out.road_m += covered_fraction(spans) * seg.length_m;
  }
  return out;
}

}  // namespace siterank::network
