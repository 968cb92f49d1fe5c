#include <catch2/catch.hpp>

#include "util/text_format.hpp"

using namespace siterank;

TEST_CASE("display width counts CJK characters as two columns") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("钱塘芯谷") == 8);
  CHECK(display_width("M1 净地") == 7);
  CHECK(display_width("亩") == 2);
  CHECK(pad("芯谷", 6) == "芯谷  ");
  CHECK(pad("12", 5, true) == "   12");
}

TEST_CASE("CSV quoting follows RFC 4180") {
  CHECK(csv_quote("plain") == "plain");
  CHECK(csv_quote("a,b") == "\"a,b\"");
  CHECK(csv_quote("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

TEST_CASE("JSON escaping") { CHECK(json_escape("a\"b\\c\n\x01") == "a\\\"b\\\\c\\n\\u0001"); }

TEST_CASE("HTML escaping") {
  CHECK(html_escape(R"(<b a="1">R&D</b> 芯谷)") ==
        "&lt;b a=&quot;1&quot;&gt;R&amp;D&lt;/b&gt; 芯谷");
}
