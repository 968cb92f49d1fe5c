// Point reference layers of the benchmark dataset (every role the four
// built-in criteria read besides `platforms`), with the sample's counts
// times the reference scale, spread over the platforms so that every
// platform's neighbourhood looks alike whatever N is.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout.hpp"

namespace bench {

struct RefField {
  std::string name;
  char type;  // 's' text, 'i' integer
};

struct RefPoint {
  Pt at;
  std::vector<std::string> values;  // one per field, integers in decimal
};

struct RefLayer {
  std::string name;
  std::vector<RefField> fields;
  std::vector<RefPoint> points;
};

std::vector<RefLayer> reference_points(const std::vector<Platform>& platforms, double ref_scale,
                                       std::uint64_t seed);

}  // namespace bench
