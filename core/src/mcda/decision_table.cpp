#include "mcda/decision_table.hpp"

#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <stdexcept>
#include <string_view>

namespace siterank::mcda {

namespace {

struct Record {
  std::size_t line = 0;  // where the record starts (a quoted cell may span lines)
  std::vector<std::string> cells;
  bool blank = false;  // an empty line (or one of spaces and tabs)
};

std::string trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// RFC 4180 records. Line ends are CRLF, LF or a lone CR; a quoted cell may
// contain commas, line ends and doubled quotes.
class CsvParser {
 public:
  CsvParser(std::string_view text, const std::string& path) : s_(text), path_(path) {}

  bool next(Record& r) {
    if (p_ >= s_.size()) return false;
    r = Record{};
    r.line = line_;
    bool quoted_any = false;
    for (;;) {
      std::string cell;
      if (p_ < s_.size() && s_[p_] == '"') {
        quoted_any = true;
        quoted(cell, r);
      } else {
        unquoted(cell, r);
      }
      r.cells.push_back(trim(cell));
      if (p_ < s_.size() && s_[p_] == ',') {
        ++p_;
        continue;
      }
      end_of_line();
      break;
    }
    r.blank = !quoted_any && r.cells.size() == 1 && r.cells[0].empty();
    return true;
  }

 private:
  [[noreturn]] void fail(std::size_t line, const std::string& what) const {
    throw std::invalid_argument(path_ + ":" + std::to_string(line) + ": " + what);
  }

  std::string column(const Record& r) const {
    return "column " + std::to_string(r.cells.size() + 1);
  }

  bool at_line_end() const { return p_ >= s_.size() || s_[p_] == '\n' || s_[p_] == '\r'; }

  void end_of_line() {
    if (p_ < s_.size() && s_[p_] == '\r') ++p_;
    if (p_ < s_.size() && s_[p_] == '\n') ++p_;
    ++line_;
  }

  void quoted(std::string& cell, const Record& r) {
    const std::size_t opened = line_;
    ++p_;  // the opening quote
    for (;;) {
      if (p_ >= s_.size()) fail(opened, column(r) + ": a quoted cell is not closed");
      const char c = s_[p_++];
      if (c == '"') {
        if (p_ < s_.size() && s_[p_] == '"') {
          cell += '"';
          ++p_;
          continue;
        }
        break;
      }
      if (c == '\n' || (c == '\r' && (p_ >= s_.size() || s_[p_] != '\n'))) ++line_;
      cell += c;
    }
    // Spaces may follow the closing quote; anything else is malformed.
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t')) ++p_;
    if (!at_line_end() && s_[p_] != ',')
      fail(line_, column(r) + ": text after the closing quote of a cell");
  }

  void unquoted(std::string& cell, const Record& r) {
    while (!at_line_end() && s_[p_] != ',') {
      if (s_[p_] == '"')
        fail(line_, column(r) +
                        ": a quote inside an unquoted cell (quote the whole cell and double the "
                        "quote)");
      cell += s_[p_++];
    }
  }

  std::string_view s_;
  const std::string& path_;
  std::size_t p_ = 0;
  std::size_t line_ = 1;
};

enum class NumberStatus { ok, empty, not_a_number, not_finite };

NumberStatus parse_number(const std::string& s, double& v) {
  if (s.empty()) return NumberStatus::empty;
  std::string_view t(s);
  if (t.size() > 1 && t.front() == '+') t.remove_prefix(1);  // from_chars refuses '+'
  const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
  if (r.ptr != t.data() + t.size()) return NumberStatus::not_a_number;
  if (r.ec == std::errc::result_out_of_range) return NumberStatus::not_finite;
  if (r.ec != std::errc()) return NumberStatus::not_a_number;
  return std::isfinite(v) ? NumberStatus::ok : NumberStatus::not_finite;
}

class TableReader {
 public:
  explicit TableReader(const std::string& path) : path_(path) {}

  void header(const Record& r) {
    if (r.cells.size() < 2)
      fail(r, "the header needs a column for the alternatives and at least one criterion");
    std::map<std::string, std::size_t> seen;
    for (std::size_t c = 1; c < r.cells.size(); ++c) {
      const std::string& name = r.cells[c];
      if (name.empty()) fail(r, "column " + std::to_string(c + 1) + ": empty criterion name");
      const auto [it, fresh] = seen.emplace(name, c + 1);
      if (!fresh)
        fail(r, "column " + std::to_string(c + 1) + ": duplicate criterion '" + name +
                    "' (also column " + std::to_string(it->second) + ")");
      t_.criteria.push_back(name);
    }
    const std::size_t n = t_.criteria.size();
    t_.matrix.columns.assign(n, {});
    t_.matrix.benefit.assign(n, true);
    t_.weights.assign(n, std::numeric_limits<double>::quiet_NaN());
    header_line_ = r.line;
  }

  void row(const Record& r) {
    const std::size_t expected = t_.criteria.size() + 1;
    if (r.cells.size() != expected)
      fail(r, std::to_string(r.cells.size()) + " cells, expected " + std::to_string(expected) +
                  " as in the header (line " + std::to_string(header_line_) + ")");
    const std::string& first = r.cells[0];
    if (first == "#type") {
      directive(r, type_line_);
      types(r);
    } else if (first == "#weight") {
      directive(r, weight_line_);
      weights(r);
    } else if (!first.empty() && first[0] == '#') {
      fail(r, "column 1: unknown row '" + first +
                  "' (the rows starting with # are #type and "
                  "#weight)");
    } else {
      alternative(r);
    }
  }

  DecisionTable finish() {
    if (header_line_ == 0) fail_file("no header row (the file is empty)");
    if (t_.alternatives.empty()) fail_file("no alternatives (no rows after the header)");
    t_.matrix.rows = t_.alternatives.size();
    return std::move(t_);
  }

 private:
  [[noreturn]] void fail(const Record& r, const std::string& what) const {
    throw std::invalid_argument(path_ + ":" + std::to_string(r.line) + ": " + what);
  }
  [[noreturn]] void fail_file(const std::string& what) const {
    throw std::invalid_argument(path_ + ": " + what);
  }

  // "column 'cost' (3)": the criterion by name and by spreadsheet column.
  std::string column(std::size_t c) const {
    return "column '" + t_.criteria[c - 1] + "' (" + std::to_string(c + 1) + ")";
  }

  // #type and #weight come once each, before the first alternative, so
  // every alternative is read under the same settings.
  void directive(const Record& r, std::size_t& line) {
    const std::string& what = r.cells[0];
    if (first_alternative_line_ != 0)
      fail(r, what + " after the first alternative (line " +
                  std::to_string(first_alternative_line_) + "); put it before the alternatives");
    if (line != 0)
      fail(r, "a second " + what + " row (the first is on line " + std::to_string(line) + ")");
    line = r.line;
  }

  void types(const Record& r) {
    for (std::size_t c = 1; c < r.cells.size(); ++c) {
      const std::string& v = r.cells[c];
      if (v != "benefit" && v != "cost")
        fail(r, column(c) + ": '" + v + "' is not benefit or cost");
      t_.matrix.benefit[c - 1] = v == "benefit";
    }
  }

  double number(const Record& r, std::size_t c) const {
    double v = 0.0;
    switch (parse_number(r.cells[c], v)) {
      case NumberStatus::ok:
        return v;
      case NumberStatus::empty:
        fail(r, column(c) + ": empty cell (a number is needed)");
      case NumberStatus::not_a_number:
        fail(r, column(c) + ": '" + r.cells[c] + "' is not a number");
      case NumberStatus::not_finite:
        fail(r, column(c) + ": '" + r.cells[c] + "' is not a finite number");
    }
    return v;
  }

  void weights(const Record& r) {
    for (std::size_t c = 1; c < r.cells.size(); ++c) {
      const double w = number(r, c);
      if (w < 0.0) fail(r, column(c) + ": weight '" + r.cells[c] + "' is negative");
      t_.weights[c - 1] = w;
    }
  }

  void alternative(const Record& r) {
    const std::string& name = r.cells[0];
    if (name.empty()) fail(r, "column 1: empty alternative name");
    const auto [it, fresh] = alternative_lines_.emplace(name, r.line);
    if (!fresh)
      fail(r,
           "duplicate alternative '" + name + "' (also line " + std::to_string(it->second) + ")");
    for (std::size_t c = 1; c < r.cells.size(); ++c)
      t_.matrix.columns[c - 1].push_back(number(r, c));
    t_.alternatives.push_back(name);
    if (first_alternative_line_ == 0) first_alternative_line_ = r.line;
  }

  const std::string& path_;
  DecisionTable t_;
  std::map<std::string, std::size_t> alternative_lines_;
  std::size_t header_line_ = 0, type_line_ = 0, weight_line_ = 0, first_alternative_line_ = 0;
};

}  // namespace

DecisionTable read_decision_table(std::istream& in, const std::string& path) {
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw std::invalid_argument(path + ": read error");
  std::string_view body(text);
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // a UTF-8 BOM

  CsvParser csv(body, path);
  TableReader table(path);
  bool have_header = false;
  Record r;
  while (csv.next(r)) {
    if (r.blank) continue;
    if (!have_header) {
      table.header(r);
      have_header = true;
    } else {
      table.row(r);
    }
  }
  return table.finish();
}

}  // namespace siterank::mcda
