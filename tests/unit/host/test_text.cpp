// Display width and padding for terminal tables (siterank/host/text.hpp).
#include <catch2/catch.hpp>
#include <siterank/host/text.hpp>

using namespace siterank;

TEST_CASE("display width counts CJK characters as two columns") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("钱塘芯谷") == 8);
  CHECK(display_width("M1 净地") == 7);
  CHECK(display_width("亩") == 2);
  CHECK(display_width("、") == 2);            // U+3001, an ideographic comma
  CHECK(display_width("e\xcc\x81") == 1);     // e + U+0301 COMBINING ACUTE ACCENT
  CHECK(display_width("\xef\xbc\xa1") == 2);  // U+FF21 FULLWIDTH LATIN CAPITAL A
}

TEST_CASE("padding to display columns, left or right") {
  CHECK(pad("芯谷", 6) == "芯谷  ");
  CHECK(pad("12", 5, true) == "   12");
  CHECK(pad("钱塘芯谷", 4) == "钱塘芯谷");  // never cut
  CHECK(pad("", 3) == "   ");
}
