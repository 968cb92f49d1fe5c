// XXH64, the 64-bit hash of xxHash (Yann Collet's public algorithm,
// reimplemented here: no library dependency), for the road network cache's
// keys and checksums (docs/architecture.md, "Road network cache"). Not a
// cryptographic hash: it detects changed inputs and damaged files, it does
// not resist forgery. Checked against the reference implementation's
// values in tests/unit/network/test_content_hash.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace siterank::network {

// XXH64 of `size` bytes at `data` with `seed`, in one call.
std::uint64_t xxh64(const void* data, std::size_t size, std::uint64_t seed = 0);

// XXH64 over data given in pieces: the same value as xxh64() of the
// concatenation.
class Xxh64 {
 public:
  explicit Xxh64(std::uint64_t seed = 0);
  void update(const void* data, std::size_t size);
  std::uint64_t digest() const;

 private:
  std::uint64_t v_[4];
  std::uint64_t seed_;
  std::uint64_t total_ = 0;
  unsigned char buf_[32];
  std::size_t buffered_ = 0;
};

// Key material written field by field: every value with its length, so
// ("ab", "c") and ("a", "bc") differ.
class KeyBuilder {
 public:
  KeyBuilder& add(std::string_view text);
  KeyBuilder& add(double v);
  KeyBuilder& add(std::uint64_t v);
  KeyBuilder& add_bytes(const void* data, std::size_t size);
  std::uint64_t digest() const { return h_.digest(); }

 private:
  Xxh64 h_;
};

// XXH64 of a file's bytes (read in large blocks); throws std::runtime_error
// naming the file when it cannot be read.
std::uint64_t file_hash(const std::string& path);

// 16 lower-case hex digits.
std::string hex64(std::uint64_t v);

}  // namespace siterank::network
