// Building a dictionary-encoded CategoryColumn one value at a time. Each
// value's code is found through a hash index rather than a scan of the
// dictionary: a province-wide dataset has thousands of platforms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <siterank/columns.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

namespace siterank::data_detail {

// Appends values to a category column, adding a value to its dictionary the
// first time it occurs. Keeps a reference to the column.
class CategoryAppender {
 public:
  explicit CategoryAppender(CategoryColumn& column) : column_(column) {
    for (std::size_t i = 0; i < column_.values.size(); ++i)
      index_.emplace(column_.values[i], static_cast<std::uint32_t>(i));
  }
  void push(std::string_view v) {
    auto it = index_.find(std::string(v));
    if (it == index_.end()) {
      column_.values.emplace_back(v);
      it =
          index_
              .emplace(column_.values.back(), static_cast<std::uint32_t>(column_.values.size() - 1))
              .first;
    }
    column_.codes.push_back(it->second);
  }

 private:
  CategoryColumn& column_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

}  // namespace siterank::data_detail
