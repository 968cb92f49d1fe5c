// An AttributeFilter resolved once against a layer into a per-feature
// test: what ReferenceData's queries and road trips keep, and the features
// `siterank isochrones --filter` draws from.
#pragma once

#include <cmath>
#include <cstddef>
#include <siterank/reference.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace siterank {

class FilterTest {
 public:
  // Keeps pointers into `layer` and to `f` (null: every feature passes).
  // An attribute the layer does not have: nothing passes.
  FilterTest(const ReferenceLayer& layer, const AttributeFilter* f) : filter_(f) {
    if (!f) return;
    column_ = layer.attribute(f->field);
    if (!column_) return;  // unknown attribute: nothing matches
    if (column_->kind == AttributeColumn::Kind::text) {
      const auto& values = column_->texts.values;
      code_ok_.assign(values.size(), f->any_of.empty());
      if (!f->any_of.empty())
        for (std::size_t c = 0; c < values.size(); ++c)
          code_ok_[c] = any_part_matches(values[c], f->any_of);
    }
  }
  bool operator()(std::size_t i) const {
    if (!filter_) return true;
    if (!column_) return false;
    if (column_->kind == AttributeColumn::Kind::number) {
      const double v = column_->numbers[i];
      return !std::isnan(v) && v >= filter_->min && v <= filter_->max;
    }
    return code_ok_[column_->texts.codes[i]];
  }

 private:
  static bool any_part_matches(std::string_view v, const std::vector<std::string>& wanted) {
    while (true) {
      const auto semi = v.find(';');
      std::string_view part = v.substr(0, semi);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      for (const auto& w : wanted)
        if (part == w) return true;
      if (semi == std::string_view::npos) return false;
      v.remove_prefix(semi + 1);
    }
  }
  const AttributeFilter* filter_;
  const AttributeColumn* column_ = nullptr;
  std::vector<char> code_ok_;
};

}  // namespace siterank
