// Value functions: how a criterion maps a measure (distance, area, price)
// to a score on 0..100, as suitability tools offer them. Profiles give them
// as JSON objects, e.g. {"type": "exp_decay", "half_life": 3000}; the host
// validates and parses them into this struct. Standard library only.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <siterank/number_text.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace siterank {

struct ValueFunction {
  enum class Kind { linear, logistic, gaussian, stepped, exp_decay, per_unit };

  Kind kind = Kind::linear;
  // linear: a = measure scoring 0, b = measure scoring 100 (a > b: decreasing)
  // logistic: a = midpoint (score 50), b = steepness per unit (< 0: decreasing)
  // gaussian: a = target (score 100), b = standard deviation
  // exp_decay: a = half-life (score halves every a units from 0)
  // per_unit: a = points per unit of the measure, b = units counted at most
  //   ("4 points per firm, at most 20 firms": per_unit(4, 20) scores 80 from
  //   20 firms on); b = infinity counts every unit, the score still capped at 100
  double a = 0.0;
  double b = 1.0;
  // stepped: measure < breaks[0] scores scores[0]; breaks[i-1] <= measure <
  // breaks[i] scores scores[i]; measure >= breaks.back() scores scores.back().
  std::vector<double> breaks;
  std::vector<double> scores;

  static ValueFunction linear(double zero_at, double full_at) {
    return {Kind::linear, zero_at, full_at, {}, {}};
  }
  static ValueFunction logistic(double midpoint, double steepness) {
    return {Kind::logistic, midpoint, steepness, {}, {}};
  }
  static ValueFunction gaussian(double target, double sd) {
    return {Kind::gaussian, target, sd, {}, {}};
  }
  static ValueFunction exp_decay(double half_life) {
    return {Kind::exp_decay, half_life, 0.0, {}, {}};
  }
  static ValueFunction per_unit(double points,
                                double max_units = std::numeric_limits<double>::infinity()) {
    return {Kind::per_unit, points, max_units, {}, {}};
  }
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
      case Kind::per_unit:
        return std::clamp(a * std::min(x, b), 0.0, 100.0);
      case Kind::stepped: {
        const auto it = std::upper_bound(breaks.begin(), breaks.end(), x);
        return scores[static_cast<std::size_t>(it - breaks.begin())];
      }
    }
    return 0.0;
  }

  // Whether the score never rises (never_rises) or never falls (never_falls)
  // as the measure grows from lo to hi. Criteria check this before trusting
  // a configured function: a distance decay that rose with distance would
  // let moving a parcel closer lower its score.
  bool never_rises(double lo, double hi) const { return monotone(lo, hi, -1); }
  bool never_falls(double lo, double hi) const { return monotone(lo, hi, +1); }

  // The same as checks a plugin's configure() can make in one line: throws
  // std::invalid_argument "option 'NAME': <function> must not rise between
  // LO and HI", which the host reports against the profile's JSON path.
  // A malformed function (see malformation()) is refused first.
  void require_never_rises(const std::string& option, double lo, double hi) const {
    require_well_formed(option);
    if (!never_rises(lo, hi)) refuse_direction(option, "rise", lo, hi);
  }
  void require_never_falls(const std::string& option, double lo, double hi) const {
    require_well_formed(option);
    if (!never_falls(lo, hi)) refuse_direction(option, "fall", lo, hi);
  }

  // What is wrong with the parameters, or "" when the function is usable:
  // sd and half-life positive, steepness not 0, stepped breaks strictly
  // increasing with one score more than breaks, each in [0, 100].
  std::string malformation() const {
    switch (kind) {
      case Kind::linear:
        return std::isfinite(a) && std::isfinite(b) ? "" : "needs finite thresholds";
      case Kind::logistic:
        return b != 0.0 && std::isfinite(b) ? "" : "needs a non-zero steepness";
      case Kind::gaussian:
        return b > 0.0 ? "" : "needs sd > 0";
      case Kind::exp_decay:
        return a > 0.0 ? "" : "needs half_life > 0";
      case Kind::per_unit:
        if (!(a > 0.0 && std::isfinite(a))) return "needs finite points > 0";
        return b > 0.0 ? "" : "needs max_units > 0";
      case Kind::stepped:
        if (breaks.empty() || scores.size() != breaks.size() + 1)
          return "needs one score more than breaks";
        for (std::size_t i = 1; i < breaks.size(); ++i)
          if (!(breaks[i] > breaks[i - 1])) return "needs strictly increasing breaks";
        for (double v : scores)
          if (!(v >= 0.0 && v <= 100.0)) return "needs scores in [0, 100]";
        return "";
    }
    return "unknown kind";
  }
  void require_well_formed(const std::string& option) const {
    const std::string why = malformation();
    if (!why.empty())
      throw std::invalid_argument("option '" + option + "': " + std::string(type_name()) + " " +
                                  why);
  }

  const char* type_name() const {
    switch (kind) {
      case Kind::linear:
        return "linear";
      case Kind::logistic:
        return "logistic";
      case Kind::gaussian:
        return "gaussian";
      case Kind::exp_decay:
        return "exp_decay";
      case Kind::stepped:
        return "stepped";
      case Kind::per_unit:
        return "per_unit";
    }
    return "?";
  }

  [[noreturn]] void refuse_direction(const std::string& option, const char* verb, double lo,
                                     double hi) const {
    throw std::invalid_argument("option '" + option + "': " + describe() + " must not " + verb +
                                " between " + format_general(lo) + " and " + format_general(hi));
  }

  // direction -1: never rises on [lo, hi]; +1: never falls.
  bool monotone(double lo, double hi, int direction) const {
    if (!(lo < hi)) return true;
    const bool down = direction < 0;
    switch (kind) {
      case Kind::linear:
        if (a == b) return down ? !(lo < b && b <= hi) : true;  // a step up at b
        if ((a > b) == down) return true;
        // The sloped part [min(a,b), max(a,b)] must miss (lo, hi).
        return hi <= std::min(a, b) || lo >= std::max(a, b);
      case Kind::logistic:
        return down ? b < 0 : b > 0;
      case Kind::gaussian:
        return down ? lo >= a : hi <= a;
      case Kind::exp_decay:
        return down ? true : hi <= 0.0;
      case Kind::per_unit:  // 0 up to 0, rising to min(b, 100/a), flat after
        return down ? hi <= 0.0 || lo >= std::min(b, 100.0 / a) : true;
      case Kind::stepped: {
        const auto first = static_cast<std::size_t>(
            std::upper_bound(breaks.begin(), breaks.end(), lo) - breaks.begin());
        const auto last = static_cast<std::size_t>(
            std::upper_bound(breaks.begin(), breaks.end(), hi) - breaks.begin());
        for (std::size_t i = first; i < last && i + 1 < scores.size(); ++i)
          if (down ? scores[i + 1] > scores[i] : scores[i + 1] < scores[i]) return false;
        return true;
      }
    }
    return false;
  }

  // For explanations, e.g. "exp_decay(half_life=3000)".
  std::string describe() const {
    std::string s = type_name();
    s += '(';
    switch (kind) {
      case Kind::linear:
        s += "zero_at=" + format_general(a) + ", full_at=" + format_general(b);
        break;
      case Kind::logistic:
        s += "midpoint=" + format_general(a) + ", steepness=" + format_general(b);
        break;
      case Kind::gaussian:
        s += "target=" + format_general(a) + ", sd=" + format_general(b);
        break;
      case Kind::exp_decay:
        s += "half_life=" + format_general(a);
        break;
      case Kind::per_unit:
        s += "points=" + format_general(a);
        if (std::isfinite(b)) s += ", max_units=" + format_general(b);
        break;
      case Kind::stepped:
        s += "breaks=[";
        for (std::size_t i = 0; i < breaks.size(); ++i)
          s += (i ? "," : "") + format_general(breaks[i]);
        s += "], scores=[";
        for (std::size_t i = 0; i < scores.size(); ++i)
          s += (i ? "," : "") + format_general(scores[i]);
        s += ']';
        break;
    }
    s += ')';
    return s;
  }
};

}  // namespace siterank
