// Value functions: how a criterion maps a measure (distance, area, price)
// to a score on 0..100, as suitability tools offer them. Profiles give them
// as JSON objects, e.g. {"type": "exp_decay", "half_life": 3000}; the host
// validates and parses them into this struct. Standard library only.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

namespace siterank {

struct ValueFunction {
  enum class Kind { linear, logistic, gaussian, stepped, exp_decay };

  Kind kind = Kind::linear;
  // linear: a = measure scoring 0, b = measure scoring 100 (a > b: decreasing)
  // logistic: a = midpoint (score 50), b = steepness per unit (< 0: decreasing)
  // gaussian: a = target (score 100), b = standard deviation
  // exp_decay: a = half-life (score halves every a units from 0)
  double a = 0.0;
  double b = 1.0;
  // stepped: measure < breaks[0] scores scores[0]; breaks[i-1] <= measure <
  // breaks[i] scores scores[i]; measure >= breaks.back() scores scores.back().
  std::vector<double> breaks;
  std::vector<double> scores;

  static ValueFunction linear(double zero_at, double full_at) { return {Kind::linear, zero_at, full_at, {}, {}}; }
  static ValueFunction logistic(double midpoint, double steepness) { return {Kind::logistic, midpoint, steepness, {}, {}}; }
  static ValueFunction gaussian(double target, double sd) { return {Kind::gaussian, target, sd, {}, {}}; }
  static ValueFunction exp_decay(double half_life) { return {Kind::exp_decay, half_life, 0.0, {}, {}}; }
  static ValueFunction stepped(std::vector<double> breaks, std::vector<double> scores) {
    return {Kind::stepped, 0.0, 0.0, std::move(breaks), std::move(scores)};
  }

  // Score in [0, 100] for a measure x.
  double operator()(double x) const {
    switch (kind) {
      case Kind::linear: {
        if (a == b) return x >= b ? 100.0 : 0.0;
        return std::clamp(100.0 * (x - a) / (b - a), 0.0, 100.0);
      }
      case Kind::logistic:
        return 100.0 / (1.0 + std::exp(-b * (x - a)));
      case Kind::gaussian: {
        const double z = (x - a) / b;
        return 100.0 * std::exp(-0.5 * z * z);
      }
      case Kind::exp_decay:
        return x <= 0.0 ? 100.0 : 100.0 * std::exp2(-x / a);
      case Kind::stepped: {
        const auto it = std::upper_bound(breaks.begin(), breaks.end(), x);
        return scores[static_cast<std::size_t>(it - breaks.begin())];
      }
    }
    return 0.0;
  }

  const char* type_name() const {
    switch (kind) {
      case Kind::linear: return "linear";
      case Kind::logistic: return "logistic";
      case Kind::gaussian: return "gaussian";
      case Kind::exp_decay: return "exp_decay";
      case Kind::stepped: return "stepped";
    }
    return "?";
  }

  // For explanations, e.g. "exp_decay(half_life=3000)".
  std::string describe() const {
    std::ostringstream s;
    s << type_name() << '(';
    switch (kind) {
      case Kind::linear: s << "zero_at=" << a << ", full_at=" << b; break;
      case Kind::logistic: s << "midpoint=" << a << ", steepness=" << b; break;
      case Kind::gaussian: s << "target=" << a << ", sd=" << b; break;
      case Kind::exp_decay: s << "half_life=" << a; break;
      case Kind::stepped:
        s << "breaks=[";
        for (std::size_t i = 0; i < breaks.size(); ++i) s << (i ? "," : "") << breaks[i];
        s << "], scores=[";
        for (std::size_t i = 0; i < scores.size(); ++i) s << (i ? "," : "") << scores[i];
        s << ']';
        break;
    }
    s << ')';
    return s.str();
  }
};

}  // namespace siterank
