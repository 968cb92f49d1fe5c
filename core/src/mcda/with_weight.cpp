// One weight changed, the others rescaled (see with_weight.hpp).
#include "mcda/with_weight.hpp"

#include <string>

#include "mcda/sensitivity_checks.hpp"

namespace siterank::mcda {

std::vector<double> with_weight(const std::vector<double>& weights, std::size_t k, double x) {
  using detail::fail;
  if (k >= weights.size())
    fail("criterion " + std::to_string(k) + " out of range (" + std::to_string(weights.size()) +
         " criteria)");
  if (!(x >= 0.0 && x <= 1.0)) fail("weight " + detail::num(x) + " is not in [0, 1]");
  const std::size_t n = weights.size();
  std::vector<double> out(n);
  double rest = 0.0;
  for (std::size_t j = 0; j < n; ++j)
    if (j != k) rest += weights[j];
  for (std::size_t j = 0; j < n; ++j) {
    if (j == k)
      out[j] = x;
    else if (rest > 0.0)
      out[j] = weights[j] * (1.0 - x) / rest;
    else
      out[j] = (1.0 - x) / double(n - 1);
  }
  return out;
}

}  // namespace siterank::mcda
