// Which land-use codes a project may be built on: the documented matrix
// from project type to allowed and partially compatible codes (GB 50137-2011
// and the national land-use classification), or the profile's own list.
#pragma once

#include <siterank/parcels.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace siterank::plugins {

enum class LandUseFit { allowed, partial, not_allowed };

// One row of the matrix in docs/plugins/land.md.
struct LandUseRow {
  std::string_view project_type;
  std::vector<std::string_view> allowed;
  std::vector<std::string_view> partial;  // permitted with conditions or a use adjustment
};

const std::vector<LandUseRow>& land_use_matrix();

// Codes are compared as the SDK's land_use_code() gives them: trimmed and
// upper-cased, so "m1 " matches "M1".

class LandUsePolicy {
 public:
  // The matrix row; throws std::invalid_argument for an unknown project type.
  static LandUsePolicy for_project_type(std::string_view project_type);
  // profile.requirements.land_use: exactly these codes are allowed.
  static LandUsePolicy required_codes(const std::vector<std::string>& codes);

  LandUseFit classify(std::string_view code) const;
  // The one-line veto reason for a code classify() rejects.
  std::string not_allowed_reason(std::string_view code) const;
  // Where the codes come from, for the factor description.
  const std::string& source() const { return source_; }

 private:
  std::vector<std::string> allowed_;
  std::vector<std::string> partial_;
  std::string rejected_suffix_;  // "for a factory", "(required: M1, M2)"
  std::string source_;
};

}  // namespace siterank::plugins
