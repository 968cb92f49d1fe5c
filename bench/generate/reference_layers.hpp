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

// Grows every layer to `copies` times its size at the same density: the
// points again, copies - 1 times, each copy shifted to its own tile of a
// square grid whose spacing leaves every tile beyond the widest distance a
// criterion reads (the other cities of a province-wide register). Each
// parcel's nearest features and the features within its radii stay the
// same; only the layers, and their indexes, grow.
void replicate_far(std::vector<RefLayer>& layers, int copies);

}  // namespace bench
