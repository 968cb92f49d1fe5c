// The decision-table CSV of `siterank mcda` through read_decision_table:
// BOM, RFC 4180 quoting, #type and #weight rows, numbers. Refusal:
// std::invalid_argument only (the CLI turns it into InputError). An
// accepted table must be rectangular and consistent with its header.
#include <sstream>
#include <stdexcept>

#include "fuzz_support.hpp"
#include "mcda/decision_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr const char* harness = "fuzz_decision_table";
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  siterank::mcda::DecisionTable t;
  if (!siterank::fuzz::accepted<std::invalid_argument>(
          harness, [&] { t = siterank::mcda::read_decision_table(in, "fuzz.csv"); }))
    return 0;
  const auto& m = t.matrix;
  const std::size_t n = t.criteria.size();
  siterank::fuzz::check(m.rows == t.alternatives.size(), harness, "rows != alternatives");
  siterank::fuzz::check(m.columns.size() == n && m.benefit.size() == n && t.weights.size() == n,
                        harness, "columns, types or weights != criteria");
  for (const auto& c : m.columns)
    siterank::fuzz::check(c.size() == m.rows, harness, "a column of another length");
  return 0;
}
