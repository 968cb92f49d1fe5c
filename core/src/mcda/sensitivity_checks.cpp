// Checks and messages shared by the sensitivity analyses (see
// sensitivity_checks.hpp).
#include "mcda/sensitivity_checks.hpp"

#include <charconv>
#include <cmath>
#include <siterank/number_text.hpp>
#include <stdexcept>

namespace siterank::mcda::detail {

std::string num(double x) {
  std::string text;
  for (int precision = 1; precision <= 17; ++precision) {
    text = format_general(x, precision);
    double back = 0.0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    if (back == x || std::isnan(x)) break;
  }
  return text;
}

void fail(const std::string& message) { throw std::invalid_argument("sensitivity: " + message); }

void check_weight(std::size_t criterion, double weight) {
  if (!std::isfinite(weight) || weight < 0.0)
    fail("weight of criterion " + std::to_string(criterion) + " is " + num(weight) +
         ", not finite and >= 0");
}

void check_weights(const std::vector<double>& weights) {
  if (weights.empty()) fail("no weights");
  double sum = 0.0;
  for (std::size_t j = 0; j < weights.size(); ++j) {
    check_weight(j, weights[j]);
    sum += weights[j];
  }
  if (!(std::abs(sum - 1.0) <= 1e-9)) fail("weights sum to " + num(sum) + ", not 1");
}

void check_tie_order(const std::vector<std::size_t>& tie_order, std::size_t n) {
  if (!tie_order.empty() && tie_order.size() != n)
    fail("tie_order has " + std::to_string(tie_order.size()) + " entries for " + std::to_string(n) +
         " alternatives");
}

void check_bounded(std::size_t value, std::size_t limit, const char* what) {
  if (value > limit) fail(std::string(what) + " too large");
}

void score(const Scorer& scorer, const std::vector<double>& weights, std::vector<double>& totals,
           std::size_t n) {
  scorer(weights, totals);
  if (totals.size() != n)
    fail("the scorer returned " + std::to_string(totals.size()) + " totals, expected " +
         std::to_string(n));
}

}  // namespace siterank::mcda::detail
