// Column types shared by parcels and reference layers. Strings are stored
// packed (TextColumn) or dictionary-encoded (CategoryColumn) so a million
// parcels cost a few bytes of bookkeeping each. Standard library only.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace siterank {

inline constexpr double missing = std::numeric_limits<double>::quiet_NaN();
inline bool is_missing(double v) { return std::isnan(v); }

// Unique strings (parcel ids, names), packed end to end.
struct TextColumn {
  std::string chars;
  std::vector<std::size_t> offsets{0};

  std::size_t size() const { return offsets.size() - 1; }
  std::string_view at(std::size_t i) const {
    return std::string_view(chars).substr(offsets[i], offsets[i + 1] - offsets[i]);
  }
  void push_back(std::string_view s) {
    chars.append(s);
    offsets.push_back(chars.size());
  }
};

// Repeated strings (platform, land-use code, status): a code per row and a
// dictionary of distinct values. The empty string means missing.
struct CategoryColumn {
  std::vector<std::uint32_t> codes;
  std::vector<std::string> values;

  std::size_t size() const { return codes.size(); }
  std::string_view at(std::size_t i) const { return values[codes[i]]; }
  // Code of a value, or -1 if no row has it.
  long find(std::string_view v) const {
    for (std::size_t c = 0; c < values.size(); ++c)
      if (values[c] == v) return static_cast<long>(c);
    return -1;
  }
};

// An attribute column that is either numeric or text.
struct AttributeColumn {
  enum class Kind : std::uint8_t { number, text };
  std::string name;  // canonical name, as the manifest maps it
  Kind kind = Kind::text;
  std::vector<double> numbers;  // kind == number; NaN = missing
  CategoryColumn texts;         // kind == text

  double number(std::size_t i) const { return kind == Kind::number ? numbers[i] : missing; }
  std::string_view text(std::size_t i) const {
    return kind == Kind::text ? texts.at(i) : std::string_view{};
  }
};

}  // namespace siterank
