// Small text helpers for outputs: display width of UTF-8 text in a terminal
// (CJK characters take two columns), CSV, JSON and HTML escaping. Numbers
// (format_fixed, append_fixed, format_general: deterministic, locale-free)
// come from the SDK's siterank/number_text.hpp, shared with the plugins.
#pragma once

#include <siterank/number_text.hpp>
#include <string>
#include <string_view>

namespace siterank {

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
