// XXH64 against values of the reference implementation (libxxhash 0.8.1,
// XXH64(data, len, seed)), in one call and in pieces.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "network/content_hash.hpp"

using namespace siterank::network;

namespace {

std::vector<unsigned char> bytes(std::size_t n) {
  std::vector<unsigned char> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<unsigned char>(i % 251);
  return v;
}

}  // namespace

TEST_CASE("xxh64 matches the reference implementation") {
  CHECK(xxh64("", 0) == 0xef46db3751d8e999ULL);
  CHECK(xxh64("abc", 3) == 0x44bc2cf5ad770999ULL);
  CHECK(xxh64("siterank", 8) == 0x540b90878b228d3aULL);
  const auto b = bytes(1000);
  CHECK(xxh64(b.data(), 37) == 0xd93fa2dfee5c24c9ULL);  // one 32-byte stripe and a tail
  CHECK(xxh64(b.data(), 1000) == 0xf306f04aa88b54d3ULL);
  CHECK(xxh64(b.data(), 1000, 12345) == 0x1f5419c9486eea35ULL);
}

TEST_CASE("xxh64 in pieces is xxh64 of the whole") {
  const auto b = bytes(1000);
  for (std::size_t cut : {0, 1, 7, 31, 32, 33, 64, 500, 999, 1000}) {
    for (std::size_t cut2 : {cut, (cut + 1000) / 2}) {
      Xxh64 h(12345);
      h.update(b.data(), cut);
      h.update(b.data() + cut, cut2 - cut);
      h.update(b.data() + cut2, 1000 - cut2);
      CHECK(h.digest() == 0x1f5419c9486eea35ULL);
    }
  }
}

TEST_CASE("key material keeps its fields apart") {
  CHECK(KeyBuilder().add("ab").add("c").digest() != KeyBuilder().add("a").add("bc").digest());
  CHECK(KeyBuilder().add(1.0).digest() != KeyBuilder().add(std::uint64_t{1}).digest());
  CHECK(KeyBuilder().add("x").add(2.5).digest() == KeyBuilder().add("x").add(2.5).digest());
  CHECK(hex64(0xef46db3751d8e999ULL) == "ef46db3751d8e999");
  CHECK(hex64(1) == "0000000000000001");
}
