// The one order of alternatives that every analysis and every output uses:
// higher total first, then lower tie_order, then lower index, NaN after
// every number. It is a strict total order, so the top K, the ranks and the
// leader are unique whatever the algorithm or the input order, and the
// same wherever they are computed.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace siterank::mcda {

// Alternatives by total, best first; equal totals by tie_order (per
// alternative, lower first: e.g. the position of its id in id order), then
// by index. NaN totals rank last. An empty tie_order means the index; any
// other size than totals' throws std::invalid_argument. The same order
// decides the top K, ranks and leaders everywhere.
std::vector<std::size_t> ranking(const std::vector<double>& totals,
                                 const std::vector<std::size_t>& tie_order);

namespace detail {

// The order as a comparator, for the analyses that need the top K, one
// rank or the leader without sorting everything: (i, j) is true when i is
// ahead of j. Refers to the totals and tie order, does not copy them.
struct Ahead {
  const double* total;
  const std::size_t* tie;  // null: the index alone

  bool tie_less(std::size_t i, std::size_t j) const {
    if (tie && tie[i] != tie[j]) return tie[i] < tie[j];
    return i < j;
  }
  bool operator()(std::size_t i, std::size_t j) const {
    const double a = total[i], b = total[j];
    if (a > b) return true;
    if (a < b) return false;
    const bool a_nan = std::isnan(a), b_nan = std::isnan(b);
    if (a_nan != b_nan) return b_nan;
    return tie_less(i, j);
  }
};

// The order of totals (an empty tie_order: the index alone); unchecked.
inline Ahead make_order(const std::vector<double>& totals,
                        const std::vector<std::size_t>& tie_order) {
  return Ahead{totals.data(), tie_order.empty() ? nullptr : tie_order.data()};
}

// Number of the n alternatives ahead of t: one pass, O(n).
std::size_t count_ahead(const Ahead& order, std::size_t n, std::size_t t);

// The first of n alternatives (n > 0): one pass, O(n).
std::size_t leader_of(const Ahead& order, std::size_t n);

}  // namespace detail

}  // namespace siterank::mcda
