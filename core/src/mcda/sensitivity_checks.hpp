// The argument checks and error messages the sensitivity analyses share, so
// that every one rejects the same inputs with the same words: each message
// is a std::invalid_argument starting "sensitivity: ", and numbers in it
// are in their shortest round-trip form. Internal to core/src/mcda.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "mcda/scorer.hpp"

namespace siterank::mcda::detail {

// A number for a message: shortest round-trip form, e.g. 0.3 or 1e-200.
std::string num(double x);

// Throws std::invalid_argument("sensitivity: " + message).
[[noreturn]] void fail(const std::string& message);

// The weight of one criterion: finite and >= 0.
void check_weight(std::size_t criterion, double weight);
// Non-empty, each finite and >= 0, summing to 1 within 1e-9.
void check_weights(const std::vector<double>& weights);
// Empty or one per alternative (n).
void check_tie_order(const std::vector<std::size_t>& tie_order, std::size_t n);
// value <= limit, else "<what> too large".
void check_bounded(std::size_t value, std::size_t limit, const char* what);
// scorer(weights, totals), then totals must hold n values.
void score(const Scorer& scorer, const std::vector<double>& weights, std::vector<double>& totals,
           std::size_t n);

}  // namespace siterank::mcda::detail
