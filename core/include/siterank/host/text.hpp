// Text for terminal tables: how many columns UTF-8 text takes (CJK
// characters take two) and padding to a width. Numbers as text are the
// SDK's siterank/number_text.hpp. Standard library only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace siterank {

// Columns the text occupies in a terminal: East Asian wide and full-width
// characters count two, combining marks zero.
std::size_t display_width(std::string_view utf8);
// Pads with spaces to `width` display columns (left- or right-aligned).
std::string pad(std::string_view utf8, std::size_t width, bool right_align = false);

}  // namespace siterank
