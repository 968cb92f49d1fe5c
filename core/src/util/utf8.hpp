// UTF-8 well-formedness (RFC 3629): every output format is UTF-8, so text
// read from a source in another encoding must be caught at the door.
#pragma once

#include <cstddef>
#include <string_view>

namespace siterank {

// The offset of the first byte that is not part of a well-formed UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are
// ill-formed), or std::string_view::npos when `s` is all UTF-8.
std::size_t invalid_utf8_at(std::string_view s);

}  // namespace siterank
