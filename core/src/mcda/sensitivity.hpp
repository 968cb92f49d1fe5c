// How robust a ranking is to its weights: Monte Carlo over weights drawn
// from a Dirichlet distribution around the given ones, one-at-a-time sweeps
// of each weight, and the smallest change of a single weight that reverses
// two alternatives. Works on any aggregation through a Scorer, so it
// re-scores from cached criterion values, never from the data. Seeded and
// portable: the same seed gives the same numbers on every platform and for
// any thread count. Formulas in docs/methods.md.
//
// One header for all of it, for callers that use several analyses; each
// piece has its own header, included here:
#pragma once

#include "mcda/monte_carlo.hpp"    // MonteCarloOptions, MonteCarloResult, monte_carlo
#include "mcda/portable_math.hpp"  // detail::portable_log, detail::portable_exp
#include "mcda/ranking_order.hpp"  // ranking: the order of alternatives
#include "mcda/reversal.hpp"       // WeightChange, reversal_changes, smallest_change
#include "mcda/rng.hpp"            // Rng, dirichlet, dirichlet_alpha
#include "mcda/scorer.hpp"         // Scorer: weights to totals
#include "mcda/sweeps.hpp"         // Sweep, one_at_a_time
#include "mcda/with_weight.hpp"    // with_weight: one weight changed, the others rescaled
