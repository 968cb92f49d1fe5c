// Category columns built one value at a time: each distinct value once in
// the dictionary, in order of first occurrence, and codes pointing at it.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "data/category_appender.hpp"

using namespace siterank;
using siterank::data_detail::CategoryAppender;

TEST_CASE("values are coded in order of first occurrence") {
  CategoryColumn c;
  CategoryAppender a(c);
  for (const char* v : {"萧山经开区", "钱塘新区", "萧山经开区", "", "钱塘新区", ""}) a.push(v);
  CHECK(c.values == std::vector<std::string>{"萧山经开区", "钱塘新区", ""});
  CHECK(c.codes == std::vector<std::uint32_t>{0, 1, 0, 2, 1, 2});
  CHECK(c.at(2) == "萧山经开区");
  CHECK(c.at(3).empty());
}

TEST_CASE("a column's existing dictionary is reused") {
  CategoryColumn c;
  c.values = {"ready", "reserved"};
  c.codes = {1, 0};
  CategoryAppender a(c);
  a.push("reserved");
  a.push("clearance");
  a.push("ready");
  CHECK(c.values == std::vector<std::string>{"ready", "reserved", "clearance"});
  CHECK(c.codes == std::vector<std::uint32_t>{1, 0, 1, 2, 0});
}
