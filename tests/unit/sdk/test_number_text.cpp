// Number text of the SDK (siterank/number_text.hpp), against strings
// written by hand, printf's %g, and a global locale with a decimal comma.
#include <catch2/catch.hpp>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <limits>
#include <locale>
#include <siterank/number_text.hpp>
#include <siterank/value_function.hpp>
#include <sstream>
#include <string>
#include <vector>

using siterank::append_fixed;
using siterank::format_fixed;
using siterank::format_general;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::nan("");

}  // namespace

TEST_CASE("format_fixed trims trailing zeros and never prints -0") {
  CHECK(format_fixed(120.5, 7) == "120.5");
  CHECK(format_fixed(120.0, 2) == "120");
  CHECK(format_fixed(95.0, 1) == "95");
  CHECK(format_fixed(-0.0000001, 4) == "0");
  CHECK(format_fixed(-0.0, 1) == "0");
  CHECK(format_fixed(-0.04, 1) == "0");
  CHECK(format_fixed(-0.06, 1) == "-0.1");
  CHECK(format_fixed(120.123456789, 7) == "120.1234568");
  CHECK(format_fixed(0.1 + 0.2, 6) == "0.3");
  CHECK(format_fixed(60.0, 6) == "60");
}

TEST_CASE("format_fixed with no decimals keeps the integer's zeros") {
  CHECK(format_fixed(100.0, 0) == "100");
  CHECK(format_fixed(250.4, 0) == "250");
  CHECK(format_fixed(-0.3, 0) == "0");
  CHECK(format_fixed(-0.7, 0) == "-1");
}

TEST_CASE("format_fixed rounds the exact binary value half to even") {
  CHECK(format_fixed(18.75, 1) == "18.8");  // 18.75 is exact: a tie, to even
  CHECK(format_fixed(18.65, 1) == "18.6");  // 18.6499999999999985789...
  CHECK(format_fixed(0.125, 2) == "0.12");  // exact tie
  CHECK(format_fixed(2.675, 2) == "2.67");  // 2.67499999999999982236...
  CHECK(format_fixed(2.5, 0) == "2");
  CHECK(format_fixed(3.5, 0) == "4");
}

TEST_CASE("format_fixed: NaN is missing, infinities are named, huge values are whole") {
  CHECK(format_fixed(kNaN, 3).empty());
  CHECK(format_fixed(-kNaN, 0).empty());
  CHECK(format_fixed(kInf, 2) == "inf");
  CHECK(format_fixed(-kInf, 0) == "-inf");
  // More digits than a small buffer holds: still printed in full.
  const std::string big = format_fixed(1e300, 2);
  CHECK(big.size() == 301);
  CHECK(big.rfind("1000000000000000052504760255204420248704468581108159", 0) == 0);
  CHECK(format_fixed(-std::numeric_limits<double>::max(), 1).size() == 310);
}

TEST_CASE("append_fixed appends, and appends nothing for NaN") {
  std::string s = "area ";
  append_fixed(s, 2.50, 2);
  CHECK(s == "area 2.5");
  append_fixed(s, kNaN, 2);
  CHECK(s == "area 2.5");
  s += ", ";
  append_fixed(s, -0.0, 3);
  CHECK(s == "area 2.5, 0");
  s += " mu, ";
  append_fixed(s, -12.5, 0);
  CHECK(s == "area 2.5, 0 mu, -12");
}

TEST_CASE("format_general prints six significant digits as %g does") {
  CHECK(format_general(0.0) == "0");
  CHECK(format_general(-0.0) == "-0");
  CHECK(format_general(0.5) == "0.5");
  CHECK(format_general(0.1 + 0.2) == "0.3");
  CHECK(format_general(100.0) == "100");
  CHECK(format_general(2.5) == "2.5");
  CHECK(format_general(123456.0) == "123456");
  CHECK(format_general(1234567.0) == "1.23457e+06");
  CHECK(format_general(123456789.0) == "1.23457e+08");
  CHECK(format_general(999999.5) == "1e+06");  // rounds up to 7 digits: scientific
  CHECK(format_general(1e6) == "1e+06");
  CHECK(format_general(1e15) == "1e+15");
  CHECK(format_general(0.0001) == "0.0001");
  CHECK(format_general(0.00012345678) == "0.000123457");
  CHECK(format_general(1e-5) == "1e-05");
  CHECK(format_general(-2.5e-7) == "-2.5e-07");
  CHECK(format_general(1e-300) == "1e-300");
  CHECK(format_general(5e-324) == "4.94066e-324");
  CHECK(format_general(std::numeric_limits<double>::max()) == "1.79769e+308");
  CHECK(format_general(1.0 / 3.0) == "0.333333");
  CHECK(format_general(2.0 / 3.0) == "0.666667");
}

TEST_CASE("format_general with other significant digits") {
  CHECK(format_general(0.1 + 0.2, 17) == "0.30000000000000004");
  CHECK(format_general(0.1 + 0.2, 16) == "0.3");
  CHECK(format_general(123456789.0, 9) == "123456789");
  CHECK(format_general(123456789.0, 3) == "1.23e+08");
  CHECK(format_general(2.5, 1) == "2");     // a tie, to even
  CHECK(format_general(2.5, 0) == "2");     // 0 counts as 1
  CHECK(format_general(0.15, 1) == "0.1");  // 0.1499999999999999944...
  CHECK(format_general(1.0 / 3.0, 40) == "0.3333333333333333148296162562473909929395");
}

TEST_CASE("format_general: infinities are named, every NaN is nan") {
  CHECK(format_general(kInf) == "inf");
  CHECK(format_general(-kInf) == "-inf");
  CHECK(format_general(kNaN) == "nan");
  CHECK(format_general(-kNaN) == "nan");  // %g would print "-nan"
  CHECK(format_general(std::numeric_limits<double>::quiet_NaN(), 3) == "nan");
}

TEST_CASE("format_general equals %.*g in the C locale") {
  const std::vector<double> values = {
      0.0,       -0.0,   1.0,     -1.0,          0.5,
      0.1 + 0.2, 1e6,    1e-5,    123456789.0,   123456.0,
      999999.5,  0.0001, 9.99995, 1.0 / 3.0,     2.0 / 3.0,
      1e15,      1e16,   1e21,    1e-300,        5e-324,
      2.675,     18.75,  -3.25e7, 6.02214076e23, 1.7976931348623157e308,
      kInf,      -kInf};
  char buf[128];
  for (double v : values)
    for (int significant = 0; significant <= 17; ++significant) {
      std::snprintf(buf, sizeof buf, "%.*g", significant, v);
      INFO(buf << " with " << significant << " significant digits");
      CHECK(format_general(v, significant) == buf);
    }
}

namespace {

// A decimal comma and '.' between thousands, as in German.
struct DecimalComma : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};

// Sets a global locale with a decimal comma for its lifetime: a named one
// if the machine has one (which also sets the C library's locale, so printf
// is affected too), else the classic locale with DecimalComma.
class CommaLocale {
 public:
  CommaLocale() : previous_(std::locale()) {
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8"}) {
      try {
        std::locale named(name);
        if (std::use_facet<std::numpunct<char>>(named).decimal_point() != ',') continue;
        std::locale::global(named);
        name_ = name;
        return;
      } catch (const std::runtime_error&) {
      }
    }
    std::locale::global(std::locale(std::locale::classic(), new DecimalComma));
  }
  ~CommaLocale() {
    std::locale::global(previous_);
    std::setlocale(LC_ALL, "C");
  }
  CommaLocale(const CommaLocale&) = delete;
  CommaLocale& operator=(const CommaLocale&) = delete;
  const std::string& name() const { return name_; }

 private:
  std::locale previous_;
  std::string name_;  // empty: DecimalComma
};

}  // namespace

TEST_CASE("a global locale with a decimal comma does not change the text") {
  const CommaLocale comma;
  INFO("locale: " << (comma.name().empty() ? "DecimalComma facet" : comma.name()));
  {
    // The locale is in force: a stream made now writes the comma.
    std::ostringstream s;
    s << 0.5;
    REQUIRE(s.str() == "0,5");
  }
  CHECK(format_fixed(1234.5, 2) == "1234.5");
  CHECK(format_fixed(0.25, 1) == "0.2");
  std::string appended;
  append_fixed(appended, 18.75, 1);
  CHECK(appended == "18.8");
  CHECK(format_general(0.5) == "0.5");
  CHECK(format_general(1234.5) == "1234.5");
  CHECK(format_general(1234567.0) == "1.23457e+06");
  CHECK(format_general(0.1 + 0.2, 17) == "0.30000000000000004");
  // The SDK's value functions describe themselves with it.
  CHECK(siterank::ValueFunction::linear(0.5, 1500.25).describe() ==
        "linear(zero_at=0.5, full_at=1500.25)");
  CHECK(siterank::ValueFunction::exp_decay(2500.5).describe() == "exp_decay(half_life=2500.5)");
}
