// How a run's weights were obtained and how its criterion scores combine:
// the decision methods as a result records them (docs/methods.md has the
// formulas). Standard library only; the host's mcda/ computes with them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace siterank::mcda {

enum class Method { weighted_sum, weighted_geometric_mean, owa, topsis };
enum class Normalisation { none, linear_max, min_max, vector };

struct AggregationSpec {
  Method method = Method::weighted_sum;
  Normalisation normalisation = Normalisation::none;
  // OWA only (empty for the other methods): one per criterion, for the
  // largest .. the smallest value of an alternative; non-negative, summing
  // to 1. Equal order weights make OWA the weighted sum. Criteria of weight
  // 0 are ordered after all others, so they never shift the others' order
  // weights (a weight-0 criterion has no effect in any method).
  std::vector<double> order_weights;
};

struct AhpResult {
  std::vector<double> weights;  // principal right eigenvector, normalised to sum 1
  double lambda_max = 0.0;
  double ci = 0.0;  // (lambda_max - n) / (n - 1); 0 for n = 1
  double ri = 0.0;  // from the table; 0 for n <= 2
  double cr = 0.0;  // ci / ri; 0 when ri is 0 (matrices of order 1 and 2 are always consistent)
  std::string ri_table;  // the table's name
  int iterations = 0;    // of the power method (to 1e-12 per component, at most 10000)
};

// Monte Carlo weights around the profile's (docs/methods.md).
struct MonteCarloOptions {
  std::size_t samples = 1000;
  double spread = 0.1;     // see mcda::dirichlet_alpha
  std::size_t top_k = 10;  // "stays in the top K"
  std::uint64_t seed = 1;  // sample s draws from Rng(seed, s): independent of threads
  unsigned threads = 0;    // 0 = all cores
};

}  // namespace siterank::mcda

namespace siterank {

struct WeightingRecord {
  std::string method = "direct";     // direct, rank_sum, rank_reciprocal, rank_order_centroid, ahp
  std::map<std::string, int> ranks;  // rank methods: as written
  std::vector<std::string> ahp_criteria;  // ahp: in matrix order
  std::vector<std::vector<double>> ahp_matrix;
  mcda::AhpResult ahp;  // ahp: weights in ahp_criteria order, lambda_max, CI, RI, CR
};

}  // namespace siterank
