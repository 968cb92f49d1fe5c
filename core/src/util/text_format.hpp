// Small text helpers for outputs: numbers with a fixed number of decimals
// and trailing zeros trimmed (deterministic, locale-free), display width of
// UTF-8 text in a terminal (CJK characters take two columns), CSV quoting.
#pragma once

#include <string>
#include <string_view>

namespace siterank {

// At most `decimals` decimals, trailing zeros and a trailing '.' removed:
// 120.5000000 -> "120.5", -0.0 -> "0". NaN -> "" (missing).
std::string format_fixed(double v, int decimals);
void append_fixed(std::string& out, double v, int decimals);

// Columns the text occupies in a terminal: East Asian wide and full-width
// characters count two, combining marks zero.
std::size_t display_width(std::string_view utf8);
// Pads with spaces to `width` display columns (left- or right-aligned).
std::string pad(std::string_view utf8, std::size_t width, bool right_align = false);

std::string csv_quote(std::string_view s);
std::string json_escape(std::string_view s);
// &, <, > and " as entities, for HTML text and attribute values.
std::string html_escape(std::string_view s);

}  // namespace siterank
