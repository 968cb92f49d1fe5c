// The project profile (profile.json) through load_profile, as `siterank
// rank --profile` reads it: the strict JSON reader (size, depth, duplicate
// keys), the schema, then the rules of profile_loader and the weighting
// methods. Refusal: InputError only; anything else reaches the CLI as exit 1
// "internal error". An accepted profile's weights must be usable: finite,
// >= 0 and summing to 1.
#include <siterank/host/errors.hpp>

#include "config/profile_loader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr const char* harness = "fuzz_profile";
  const std::string path = siterank::fuzz::write_input("profile.json", data, size);
  siterank::ProfileDocument doc;
  if (!siterank::fuzz::accepted<siterank::InputError>(harness,
                                                      [&] { doc = siterank::load_profile(path); }))
    return 0;
  double sum = 0.0;
  for (const auto& [criterion, w] : doc.profile.weights) {
    siterank::fuzz::check(std::isfinite(w) && w >= 0.0, harness,
                          "weight of '" + criterion + "' is " + std::to_string(w));
    sum += w;
  }
  siterank::fuzz::check(doc.profile.weights.empty() || std::fabs(sum - 1.0) < 1e-9, harness,
                        "normalised weights sum to " + std::to_string(sum));
  return 0;
}
