// Numbers as text, the same in every locale and on every machine: what the
// host and plugins write into reasons, messages and factor descriptions.
// Built on std::to_chars, which never reads the C or C++ locale (unlike
// printf, std::to_string and std::ostringstream, which print "0,5" once a
// program sets a German locale). Standard library only, header-only.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace siterank {

namespace detail {

// Appends std::to_chars(v, format, precision). A short buffer on the stack
// covers everything but very long fixed numbers (up to 309 integer digits)
// and large precisions.
inline void append_chars(std::string& out, double v, std::chars_format format, int precision) {
  char small[64];
  auto r = std::to_chars(small, small + sizeof small, v, format, precision);
  if (r.ec == std::errc()) {
    out.append(small, r.ptr);
    return;
  }
  std::string large(336 + static_cast<std::size_t>(precision > 0 ? precision : 0), '\0');
  r = std::to_chars(large.data(), large.data() + large.size(), v, format, precision);
  if (r.ec == std::errc()) out.append(large.data(), r.ptr);
}

}  // namespace detail

// Appends v with at most `decimals` decimals, trailing zeros and a trailing
// '.' removed: (120.5000000, 7) -> "120.5", (120.0, 2) -> "120",
// (18.75, 1) -> "18.8" (the exact binary value rounded half to even).
// Never "-0": (-0.0, 1) and (-0.0001, 2) -> "0". NaN appends nothing (a
// missing value); infinities append "inf" and "-inf".
inline void append_fixed(std::string& out, double v, int decimals) {
  if (std::isnan(v)) return;
  const std::size_t start = out.size();
  detail::append_chars(out, v, std::chars_format::fixed, decimals);
  if (decimals > 0) {
    while (out.size() > start && out.back() == '0') out.pop_back();
    if (out.size() > start && out.back() == '.') out.pop_back();
  }
  if (std::string_view(out).substr(start) == "-0") out.replace(start, 2, "0");
}

inline std::string format_fixed(double v, int decimals) {
  std::string s;
  append_fixed(s, v, decimals);
  return s;
}

// v with `significant` significant digits (0 counts as 1), as printf's
// "%.*g" prints it in the "C" locale, and so as `std::ostringstream << v`
// (default precision 6) does there: 0.1 + 0.2 -> "0.3", 1e6 -> "1e+06",
// 123456 -> "123456", 123456789 -> "1.23457e+08", 1e-5 -> "1e-05",
// 0.0001 -> "0.0001", -0.0 -> "-0". Infinities print "inf" and "-inf",
// every NaN "nan": unlike %g, never "-nan", since the sign of a NaN depends
// on the processor that computed it.
inline std::string format_general(double v, int significant = 6) {
  if (std::isnan(v)) return "nan";
  std::string s;
  detail::append_chars(s, v, std::chars_format::general, significant);
  return s;
}

}  // namespace siterank
