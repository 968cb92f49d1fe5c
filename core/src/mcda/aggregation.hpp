// Combining criterion values into one score per alternative: weighted sum,
// weighted geometric mean, ordered weighted averaging (OWA) and TOPSIS.
// Works on a plain decision table (`siterank mcda`) and on parcels' criterion
// scores (the engine: every criterion a benefit on 0..100, normalisation
// none, TOPSIS with vector normalisation). Pure functions, no I/O; formulas,
// degenerate cases and sources in docs/methods.md.
#pragma once

#include <cstddef>
#include <siterank/host/methods.hpp>
#include <string_view>
#include <vector>

namespace siterank::mcda {

// "wsum", "wgm", "owa", "topsis".
std::string_view name(Method m);
// "none", "linear_max", "min_max", "vector".
std::string_view name(Normalisation n);
// Throw std::invalid_argument naming the known values.
Method method_from_name(std::string_view name);
Normalisation normalisation_from_name(std::string_view name);

// vector for topsis, none for the others.
Normalisation default_normalisation(Method m);

struct DecisionMatrix {
  std::size_t rows = 0;                      // alternatives
  std::vector<std::vector<double>> columns;  // per criterion: `rows` values
  std::vector<bool> benefit;                 // per criterion; false = cost (lower is better)
};

// Checks the spec, the weights (one per criterion, >= 0, summing to 1
// within 1e-9; they are not rescaled) and the matrix (at least one
// criterion, any number of rows including 0, every value finite; what the
// method and normalisation need, e.g. wgm positive or zero values,
// linear_max values >= 0 and a cost column without zeros, cost criteria not
// with normalisation none for wsum and owa, vector only for topsis).
// Throws std::invalid_argument with a one-line message naming the
// criterion (by 0-based column) or row at fault.
void validate(const DecisionMatrix& m, const std::vector<double>& weights,
              const AggregationSpec& spec);

// One score per row in `out` (resized), higher is better: wsum, wgm and owa
// on the scale of the normalised values; topsis the relative closeness to
// the ideal in [0, 1]. Calls validate() first. Deterministic: the same
// inputs give the same bits.
void aggregate(const DecisionMatrix& m, const std::vector<double>& weights,
               const AggregationSpec& spec, std::vector<double>& out);

// The normalised matrix the methods work on (exposed for output and tests).
// linear_max and min_max turn cost criteria into benefit ones (the result's
// flags are all benefit); none and vector keep the flags, so TOPSIS takes
// the direction from its ideal. Throws like validate() on a malformed matrix.
DecisionMatrix normalised(const DecisionMatrix& m, Normalisation n);

}  // namespace siterank::mcda
