// Reading decision tables from CSV: the format, RFC 4180 quoting, and every
// error with its line and column.
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

#include "error_of.hpp"
#include "mcda/decision_table.hpp"

using namespace siterank::mcda;

namespace {

DecisionTable read(const std::string& text) {
  std::istringstream in(text);
  return read_decision_table(in, "t.csv");
}

std::string error_of(const std::string& text) {
  return siterank::testing::error_of([&] { read(text); });
}

}  // namespace

TEST_CASE("a full table: header, #type, #weight, alternatives") {
  const auto t = read(
      "site,land_price,talent,metro_km\n"
      "#type,cost,benefit,cost\n"
      "#weight,0.5,0.3,0.2\n"
      "A1,1200,80,2.5\n"
      "A2,900,60,4\n");
  CHECK(t.criteria == std::vector<std::string>{"land_price", "talent", "metro_km"});
  CHECK(t.alternatives == std::vector<std::string>{"A1", "A2"});
  CHECK(t.matrix.rows == 2);
  CHECK(t.matrix.columns == std::vector<std::vector<double>>{{1200, 900}, {80, 60}, {2.5, 4}});
  CHECK(t.matrix.benefit == std::vector<bool>{false, true, false});
  CHECK(t.weights == std::vector<double>{0.5, 0.3, 0.2});
}

TEST_CASE("without #type every criterion is a benefit; without #weight the weights are NaN") {
  const auto t = read("name,a,b\nx,1,2\n");
  CHECK(t.matrix.benefit == std::vector<bool>{true, true});
  REQUIRE(t.weights.size() == 2);
  CHECK(std::isnan(t.weights[0]));
  CHECK(std::isnan(t.weights[1]));
}

TEST_CASE("#weight before #type, and weights as written (not rescaled)") {
  const auto t = read("n,a,b\n#weight,2,6\n#type,benefit,cost\nx,1,2\n");
  CHECK(t.weights == std::vector<double>{2, 6});
  CHECK(t.matrix.benefit == std::vector<bool>{true, false});
}

TEST_CASE("BOM, CRLF, empty lines, spaces around cells, no final newline") {
  const auto t = read(
      "\xEF\xBB\xBF"
      "site , a ,b\r\n\r\n  \r\nA1, 1 ,+2e3\r\n\nA2,-0.5,.25");
  CHECK(t.criteria == std::vector<std::string>{"a", "b"});
  CHECK(t.alternatives == std::vector<std::string>{"A1", "A2"});
  CHECK(t.matrix.columns == std::vector<std::vector<double>>{{1, -0.5}, {2000, 0.25}});
}

TEST_CASE("RFC 4180 quoting: commas, doubled quotes and line breaks inside cells") {
  const auto t = read(
      "\"site, name\",\"cost \"\"CNY\"\"\",b\n"
      "\"钱塘芯谷, 1号\",\"1200\",3\n"
      "\"two\nlines\",5,6\n");
  CHECK(t.criteria == std::vector<std::string>{"cost \"CNY\"", "b"});
  CHECK(t.alternatives == std::vector<std::string>{"钱塘芯谷, 1号", "two\nlines"});
  CHECK(t.matrix.columns == std::vector<std::vector<double>>{{1200, 5}, {3, 6}});
}

TEST_CASE("line numbers count physical lines, including those inside quoted cells") {
  CHECK(error_of("n,a\n\"x\ny\",1\nz,abc\n") == "t.csv:4: column 'a' (2): 'abc' is not a number");
  CHECK(error_of("n,a\r\n\r\nz,1,2\r\n") ==
        "t.csv:3: 3 cells, expected 2 as in the header (line 1)");
}

TEST_CASE("errors in the header") {
  CHECK(error_of("") == "t.csv: no header row (the file is empty)");
  CHECK(error_of("\n\n") == "t.csv: no header row (the file is empty)");
  CHECK(error_of("site\nA,1\n") ==
        "t.csv:1: the header needs a column for the alternatives and at least one criterion");
  CHECK(error_of("site,a,,b\n") == "t.csv:1: column 3: empty criterion name");
  CHECK(error_of("site,a,b,a\n") == "t.csv:1: column 4: duplicate criterion 'a' (also column 2)");
  CHECK(error_of("site,a\n") == "t.csv: no alternatives (no rows after the header)");
  CHECK(error_of("site,a\n#type,cost\n") == "t.csv: no alternatives (no rows after the header)");
}

TEST_CASE("errors in the rows") {
  CHECK(error_of("n,a,b\nx,1\n") == "t.csv:2: 2 cells, expected 3 as in the header (line 1)");
  CHECK(error_of("n,a\n,1\n") == "t.csv:2: column 1: empty alternative name");
  CHECK(error_of("n,a\nx,1\ny,2\nx,3\n") == "t.csv:4: duplicate alternative 'x' (also line 2)");
  CHECK(error_of("n,a,cost\nx,1,2\ny,1,2\nz,1,abc\n") ==
        "t.csv:4: column 'cost' (3): 'abc' is not a number");
  CHECK(error_of("n,a\nx,\n") == "t.csv:2: column 'a' (2): empty cell (a number is needed)");
  CHECK(error_of("n,a\nx,1.5.2\n") == "t.csv:2: column 'a' (2): '1.5.2' is not a number");
  CHECK(error_of("n,a\nx,inf\n") == "t.csv:2: column 'a' (2): 'inf' is not a finite number");
  CHECK(error_of("n,a\nx,nan\n") == "t.csv:2: column 'a' (2): 'nan' is not a finite number");
  CHECK(error_of("n,a\nx,1e999\n") == "t.csv:2: column 'a' (2): '1e999' is not a finite number");
  CHECK(error_of("n,a\n#weights,1\n") ==
        "t.csv:2: column 1: unknown row '#weights' (the rows starting with # are #type and "
        "#weight)");
}

TEST_CASE("errors in #type and #weight") {
  CHECK(error_of("n,a,b\n#type,benefit,gain\nx,1,2\n") ==
        "t.csv:2: column 'b' (3): 'gain' is not benefit or cost");
  CHECK(error_of("n,a\n#type,Cost\nx,1\n") ==
        "t.csv:2: column 'a' (2): 'Cost' is not benefit or cost");
  CHECK(error_of("n,a\n#weight,-1\nx,1\n") == "t.csv:2: column 'a' (2): weight '-1' is negative");
  CHECK(error_of("n,a\n#weight,heavy\nx,1\n") ==
        "t.csv:2: column 'a' (2): 'heavy' is not a number");
  CHECK(error_of("n,a\n#type,cost\n#type,cost\nx,1\n") ==
        "t.csv:3: a second #type row (the first is on line 2)");
  CHECK(error_of("n,a\n#weight,1\n\n#weight,1\nx,1\n") ==
        "t.csv:4: a second #weight row (the first is on line 2)");
  CHECK(error_of("n,a\nx,1\n#type,cost\n") ==
        "t.csv:3: #type after the first alternative (line 2); put it before the alternatives");
  CHECK(error_of("n,a\nx,1\n#weight,1\n") ==
        "t.csv:3: #weight after the first alternative (line 2); put it before the alternatives");
  CHECK(error_of("n,a,b\n#type,cost\nx,1,2\n") ==
        "t.csv:2: 2 cells, expected 3 as in the header (line 1)");
}

TEST_CASE("malformed quoting") {
  CHECK(error_of("n,a\n\"x,1\n") == "t.csv:2: column 1: a quoted cell is not closed");
  CHECK(error_of("n,a\n\"x\"y,1\n") == "t.csv:2: column 1: text after the closing quote of a cell");
  CHECK(error_of("n,a\nx,1\"2\n") ==
        "t.csv:2: column 2: a quote inside an unquoted cell (quote the whole cell and double the "
        "quote)");
}

TEST_CASE("a quoted empty line is a cell, not an empty line") {
  CHECK(error_of("n,a\n\"\"\n") == "t.csv:2: 1 cells, expected 2 as in the header (line 1)");
}
