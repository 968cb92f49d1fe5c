#include "land_use_matrix.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace siterank::plugins {

// GB 50137-2011 (with Zhejiang's M0 innovative industrial land): M industrial
// (M1 little nuisance, M2 some, M3 heavy), W logistics and warehousing (W3
// hazardous goods), A35 research, B2 business (B29 other business), B1
// commercial. National classification (2023): 1001 industrial, 100101..100103
// classes one to three, 1101 logistics and warehousing, 110101..110103
// classes, 0802 research, 0902 business and finance.
const std::vector<LandUseRow>& land_use_matrix() {
  static const std::vector<LandUseRow> matrix = {
      {"factory", {"M", "M1", "M2", "1001", "100101", "100102"}, {"M0", "M3", "100103"}},
      {"rd_pilot_line", {"M0", "M1", "100101"}, {"M", "M2", "1001", "100102", "A35", "0802"}},
      {"rd_center", {"M0", "A35", "0802"}, {"M", "M1", "1001", "100101", "B29"}},
      {"headquarters", {"B2", "B29", "0902"}, {"M0"}},
      {"logistics", {"W", "W1", "W2", "1101", "110101", "110102"}, {"W3", "110103"}},
      {"data_center", {"M", "M1", "1001", "100101"}, {"M0", "M2", "100102"}},
  };
  return matrix;
}

namespace {

std::string join(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
  return out;
}

// "a factory", "an R&D centre": the project type as a planner reads it.
std::string project_noun(std::string_view type) {
  if (type == "factory") return "a factory";
  if (type == "rd_pilot_line") return "an R&D pilot line";
  if (type == "rd_center") return "an R&D centre";
  if (type == "headquarters") return "a headquarters";
  if (type == "logistics") return "a logistics project";
  if (type == "data_center") return "a data centre";
  return std::string(type);
}

bool contains(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

LandUsePolicy LandUsePolicy::for_project_type(std::string_view project_type) {
  for (const auto& row : land_use_matrix()) {
    if (row.project_type != project_type) continue;
    LandUsePolicy p;
    for (auto c : row.allowed) p.allowed_.emplace_back(c);
    for (auto c : row.partial) p.partial_.emplace_back(c);
    p.rejected_suffix_ = "for " + project_noun(project_type);
    p.source_ = "the land-use matrix row for " + project_noun(project_type);
    return p;
  }
  throw std::invalid_argument("unknown project type '" + std::string(project_type) +
                              "' (known: factory, rd_center, headquarters, rd_pilot_line, "
                              "logistics, data_center)");
}

LandUsePolicy LandUsePolicy::required_codes(const std::vector<std::string>& codes) {
  LandUsePolicy p;
  for (const auto& c : codes) p.allowed_.push_back(land_use_code(c));
  p.rejected_suffix_ = "(required: " + join(p.allowed_) + ")";
  p.source_ = "requirements.land_use (" + join(p.allowed_) + ")";
  return p;
}

LandUseFit LandUsePolicy::classify(std::string_view code) const {
  const std::string c = land_use_code(code);
  if (contains(allowed_, c)) return LandUseFit::allowed;
  if (contains(partial_, c)) return LandUseFit::partial;
  return LandUseFit::not_allowed;
}

std::string LandUsePolicy::not_allowed_reason(std::string_view code) const {
  return "land use " + land_use_code(code) + " not allowed " + rejected_suffix_;
}

}  // namespace siterank::plugins
