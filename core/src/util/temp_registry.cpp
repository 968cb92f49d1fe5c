#include "util/temp_registry.hpp"

#include <unistd.h>

#include <atomic>
#include <cstring>

namespace siterank {

namespace {

constexpr int slots = 32;
constexpr std::size_t path_max = 4096;

enum State : int { free_slot = 0, filling = 1, live = 2 };

struct Slot {
  std::atomic<int> state{free_slot};
  char file[path_max];
  char dir[path_max];
};

Slot table[slots];

// "name" + suffix into buf, without allocating; false if it does not fit.
bool join(char* buf, const char* name, const char* suffix) {
  const std::size_t a = std::strlen(name), b = std::strlen(suffix);
  if (a + b + 1 > path_max) return false;
  std::memcpy(buf, name, a);
  std::memcpy(buf + a, suffix, b + 1);
  return true;
}

}  // namespace

int register_temporary(const std::string& file, const std::string& dir) {
  if (file.size() >= path_max || dir.size() >= path_max) return -1;
  for (int i = 0; i < slots; ++i) {
    int expected = free_slot;
    if (!table[i].state.compare_exchange_strong(expected, filling)) continue;
    std::memcpy(table[i].file, file.c_str(), file.size() + 1);
    std::memcpy(table[i].dir, dir.c_str(), dir.size() + 1);
    table[i].state.store(live);
    return i;
  }
  return -1;
}

void forget_temporary(int slot) {
  if (slot >= 0 && slot < slots) table[slot].state.store(free_slot);
}

void remove_temporaries_now() noexcept {
  // The side files GDAL's SQLite-based drivers (GeoPackage) may keep open
  // beside their file; anything else in the directory makes rmdir fail,
  // and the directory stays (it is hidden and named after the target).
  static const char* const side_files[] = {"-journal", "-wal", "-shm"};
  for (auto& s : table) {
    if (s.state.load() != live) continue;
    ::unlink(s.file);
    if (s.dir[0] == '\0') continue;
    char side[path_max];
    for (const char* suffix : side_files)
      if (join(side, s.file, suffix)) ::unlink(side);
    ::rmdir(s.dir);
  }
}

}  // namespace siterank
