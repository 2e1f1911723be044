#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <unordered_map>

#include "core/text_hash.hpp"

using namespace conflictmap;

TEST_CASE("text_hash gives equal texts equal hashes, whatever holds them", "[hash]") {
  const std::string owned = "Tal Rifaat";
  CHECK(text_hash(owned) == text_hash(std::string_view("Tal Rifaat")));
  CHECK(text_hash(std::string_view("xTal Rifaatx").substr(1, 10)) == text_hash(owned));
  CHECK(TextHash{}(owned) == TextHash{}(std::string_view(owned)));
}

TEST_CASE("text_hash tells apart texts that differ in one byte, in length, or only in padding", "[hash]") {
  // every length across the eight-byte steps and the zero-padded tail
  std::set<std::uint64_t> seen;
  std::string text;
  for (int length = 0; length <= 24; ++length) {
    CHECK(seen.insert(text_hash(text)).second);
    text.push_back('a');
  }
  // a trailing NUL is not the same text as none: the length is part of the hash
  CHECK(text_hash(std::string_view("ab\0", 3)) != text_hash("ab"));
  // one changed byte in each position, head and tail
  const std::string base = "كفر بطونة";
  std::set<std::uint64_t> variants{text_hash(base)};
  for (std::size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] = static_cast<char>(changed[i] ^ 1);
    CHECK(variants.insert(text_hash(changed)).second);
  }
}

TEST_CASE("TextHash serves lookups by string_view in maps keyed by string", "[hash]") {
  std::unordered_map<std::string, int, TextHash, std::equal_to<>> ids{{"soran", 1}, {"ahras", 2}};
  CHECK(ids.find(std::string_view("soran"))->second == 1);
  CHECK(ids.find(std::string_view("ahras"))->second == 2);
  CHECK(ids.find(std::string_view("albal")) == ids.end());
}
