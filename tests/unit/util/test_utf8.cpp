// UTF-8 well-formedness, by the byte sequences of RFC 3629 and Table 3-7 of
// the Unicode Standard.
#include <catch2/catch.hpp>
#include <string>

#include "util/utf8.hpp"

using siterank::invalid_utf8_at;
constexpr auto ok = std::string_view::npos;

TEST_CASE("well-formed UTF-8 passes") {
  CHECK(invalid_utf8_at("") == ok);
  CHECK(invalid_utf8_at("QT-XG-0072") == ok);
  CHECK(invalid_utf8_at("钱塘芯谷 出让单价") == ok);  // 3-byte sequences
  CHECK(invalid_utf8_at("\xC2\xA0 \xDF\xBF") == ok);  // U+00A0, U+07FF
  CHECK(invalid_utf8_at("\xEF\xBF\xBF") == ok);       // U+FFFF
  CHECK(invalid_utf8_at("\xF0\x90\x80\x80") == ok);   // U+10000
  CHECK(invalid_utf8_at("\xF4\x8F\xBF\xBF") == ok);   // U+10FFFF, the last
}

TEST_CASE("ill-formed sequences are found at their first byte") {
  CHECK(invalid_utf8_at("P-1\xFF\xFE") == 3);       // never in UTF-8
  CHECK(invalid_utf8_at("\xB5\xD8") == 0);          // GBK for 地: a lone continuation
  CHECK(invalid_utf8_at("ab\xE9") == 2);            // Latin-1 é, truncated sequence
  CHECK(invalid_utf8_at("\xC0\xAF") == 0);          // overlong '/'
  CHECK(invalid_utf8_at("\xE0\x80\xAF") == 0);      // overlong '/', 3 bytes
  CHECK(invalid_utf8_at("\xED\xA0\x80") == 0);      // surrogate U+D800
  CHECK(invalid_utf8_at("\xF4\x90\x80\x80") == 0);  // U+110000, beyond Unicode
  CHECK(invalid_utf8_at("x\xE4\xB8") == 1);         // 中 cut short
  CHECK(invalid_utf8_at("\xE4\xB8\x41") == 0);      // continuation replaced by 'A'
}
