// read_json_file: what is no JSON document is refused with the file, and
// the JSON path where it helps.
#include <catch2/catch.hpp>
#include <fstream>
#include <siterank/host/errors.hpp>
#include <string>

#include "error_of.hpp"
#include "temp_dir.hpp"
#include "util/json_file.hpp"

using siterank::read_json_file;
using siterank::testing::TempDir;

namespace {

std::string error_reading(const std::string& path) {
  try {
    read_json_file(path);
  } catch (const siterank::InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a duplicate key is refused with the path of its object") {
  TempDir d("json_dup");
  d.write("a.json", R"({"plugins": {"land": {"x": 1, "y": [1, {"z": 2}], "x": 3}}})");
  CHECK(error_reading(d.file("a.json")) ==
        d.file("a.json") +
            ": $.plugins.land: duplicate key 'x' (JSON keeps only one; remove the other)");
  // The same key in sibling objects is no duplicate.
  d.write("b.json", R"({"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}]})");
  CHECK(read_json_file(d.file("b.json"))["c"][1]["k"] == 2);
}

TEST_CASE("nesting deeper than the limit is refused, the limit itself is read") {
  TempDir d("json_deep");
  const int limit = siterank::max_json_depth;
  d.write("ok.json", std::string(limit, '[') + std::string(limit, ']'));
  CHECK_NOTHROW(read_json_file(d.file("ok.json")));
  d.write("deep.json", std::string(10000, '[') + std::string(10000, ']'));
  CHECK_THAT(error_reading(d.file("deep.json")),
             Catch::EndsWith(": nested deeper than 64 levels") &&
                 Catch::StartsWith(d.file("deep.json") + ": $[][]"));
}

TEST_CASE("directories, endless devices and huge files are refused before parsing") {
  TempDir d("json_kinds");
  CHECK(error_reading(d.path()) == d.path() + ": is a directory, not a JSON file");
  CHECK(error_reading("/dev/zero") ==
        "/dev/zero: larger than 16 MiB, too large for a profile, manifest or matrix");
  {
    std::ofstream big(d.file("big.json"));
    big << "[" << std::string(siterank::max_json_bytes, ' ') << "]";
  }
  CHECK_THAT(error_reading(d.file("big.json")), Catch::EndsWith("larger than 16 MiB, too large "
                                                                "for a profile, manifest or "
                                                                "matrix"));
  CHECK(error_reading(d.file("missing.json")) == d.file("missing.json") + ": cannot open file");
}

TEST_CASE("numbers beyond a double and syntax errors are input errors with the place") {
  TempDir d("json_numbers");
  d.write("inf.json", R"({"w": 1e309})");
  CHECK(error_reading(d.file("inf.json")) ==
        d.file("inf.json") + ": $.w: JSON number overflow parsing '1e309'");
  d.write("syntax.json", "{\n  \"a\": 1,\n  \"b\" 2\n}");
  CHECK_THAT(error_reading(d.file("syntax.json")),
             Catch::StartsWith(d.file("syntax.json") + ":3:7: JSON syntax error"));
}
