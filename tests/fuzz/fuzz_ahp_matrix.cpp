// The AHP pairwise-comparison matrix as `siterank weights --ahp FILE` reads
// it: read_json_file, then solve_ahp_json (parse_ahp_json and ahp(): fractions,
// reciprocity, the random-index table, the power method). Refusals:
// InputError from the JSON reader, std::invalid_argument from the matrix
// (the CLI turns it into InputError). An accepted matrix must give one
// finite weight per criterion, >= 0, summing to 1, and a finite CR.
#include <siterank/host/errors.hpp>
#include <stdexcept>

#include "fuzz_support.hpp"
#include "mcda/ahp_json.hpp"
#include "util/json_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr const char* harness = "fuzz_ahp_matrix";
  const std::string path = siterank::fuzz::write_input("matrix.json", data, size);
  siterank::mcda::AhpSolution s;
  if (!siterank::fuzz::accepted<siterank::InputError, std::invalid_argument>(harness, [&] {
        s = siterank::mcda::solve_ahp_json(siterank::read_json_file(path), "$");
      }))
    return 0;
  const auto& w = s.result.weights;
  siterank::fuzz::check(w.size() == s.input.criteria.size(), harness, "weights != criteria");
  double sum = 0.0;
  for (double x : w) {
    siterank::fuzz::check(std::isfinite(x) && x >= 0.0, harness, "weight " + std::to_string(x));
    sum += x;
  }
  siterank::fuzz::check(std::fabs(sum - 1.0) < 1e-9, harness,
                        "weights sum to " + std::to_string(sum));
  siterank::fuzz::check(std::isfinite(s.result.cr) && std::isfinite(s.result.lambda_max), harness,
                        "CR " + std::to_string(s.result.cr));
  return 0;
}
