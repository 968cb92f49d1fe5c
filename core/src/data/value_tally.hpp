// Counting features by the value that made a loader skip or read them
// differently (a road class without a speed, a speed tag that is no
// number), so the load report has one note per value, not one per feature.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace siterank::data_detail {

class ValueTally {
 public:
  struct Entry {
    std::string value;
    std::size_t count = 0;
    std::int64_t first_feature = 0;  // FID of the first feature with the value
  };

  // The heterogeneous find spares a string per repeated value.
  void add(std::string_view value, std::int64_t feature) {
    ++total_;
    if (const auto it = counts_.find(value); it != counts_.end()) {
      ++it->second.first;
      return;
    }
    counts_.emplace(std::string(value), std::pair<std::size_t, std::int64_t>{1, feature});
  }

  bool empty() const { return total_ == 0; }
  std::size_t total() const { return total_; }

  // Most frequent first; equal counts by value, so notes come out the same
  // on every run.
  std::vector<Entry> by_count() const {
    std::vector<Entry> out;
    for (const auto& [value, c] : counts_) out.push_back({value, c.first, c.second});
    std::stable_sort(out.begin(), out.end(),
                     [](const Entry& a, const Entry& b) { return a.count > b.count; });
    return out;
  }

 private:
  std::map<std::string, std::pair<std::size_t, std::int64_t>, std::less<>> counts_;
  std::size_t total_ = 0;
};

}  // namespace siterank::data_detail
