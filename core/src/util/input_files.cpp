#include "util/input_files.hpp"

#include <filesystem>
#include <mutex>
#include <vector>

namespace siterank {

namespace fs = std::filesystem;

namespace {

struct Inputs {
  std::mutex mutex;
  std::vector<std::string> paths;
};

Inputs& inputs() {
  static Inputs i;
  return i;
}

}  // namespace

void note_input_file(const std::string& path) {
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) return;
  Inputs& i = inputs();
  const std::lock_guard lock(i.mutex);
  for (const auto& p : i.paths)
    if (p == path) return;
  i.paths.push_back(path);
}

std::optional<std::string> input_file_at(const std::string& target) {
  std::error_code ec;
  if (!fs::exists(target, ec)) return std::nullopt;
  Inputs& i = inputs();
  const std::lock_guard lock(i.mutex);
  for (const auto& p : i.paths)
    if (fs::equivalent(p, target, ec)) return p;
  return std::nullopt;
}

}  // namespace siterank
