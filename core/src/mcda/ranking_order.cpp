// The order of alternatives (see ranking_order.hpp).
#include "mcda/ranking_order.hpp"

#include <algorithm>
#include <numeric>

#include "mcda/sensitivity_checks.hpp"

namespace siterank::mcda {

std::vector<std::size_t> ranking(const std::vector<double>& totals,
                                 const std::vector<std::size_t>& tie_order) {
  detail::check_tie_order(tie_order, totals.size());
  std::vector<std::size_t> order(totals.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), detail::make_order(totals, tie_order));
  return order;
}

namespace detail {

std::size_t count_ahead(const Ahead& order, std::size_t n, std::size_t t) {
  const double v = order.total[t];
  std::size_t ahead = 0;
  if (std::isnan(v)) {
    for (std::size_t i = 0; i < n; ++i)
      if (!std::isnan(order.total[i]) || (i != t && order.tie_less(i, t))) ++ahead;
    return ahead;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double x = order.total[i];
    if (x > v)
      ++ahead;
    else if (x == v && i != t && order.tie_less(i, t))
      ++ahead;
  }
  return ahead;
}

std::size_t leader_of(const Ahead& order, std::size_t n) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < n; ++i)
    if (order(i, best)) best = i;
  return best;
}

}  // namespace detail

}  // namespace siterank::mcda
