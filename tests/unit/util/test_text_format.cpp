#include <catch2/catch.hpp>

#include "util/text_format.hpp"

using namespace siterank;

// Display width and padding: tests/unit/host/test_text.cpp.

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
