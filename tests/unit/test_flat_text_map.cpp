#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/flat_text_map.hpp"

using namespace conflictmap;

namespace {
std::vector<int> values_of(const FlatTextMap<int>& map, std::string_view key) {
  const auto found = map.find(key);
  return {found.begin(), found.end()};
}
}  // namespace

TEST_CASE("FlatTextMap finds each key's values in their order, and nothing for other keys", "[flat_map]") {
  std::map<std::string, std::vector<int>> grouped{
      {"soran", {3, 1, 2}}, {"tal rifaat", {7}}, {"تل رفعت", {7, 8}}, {"", {9}}, {"unused", {}}};
  const FlatTextMap<int> map(grouped);
  CHECK(map.size() == 4);  // a key without values is left out
  CHECK(values_of(map, "soran") == std::vector<int>{3, 1, 2});
  CHECK(values_of(map, "tal rifaat") == std::vector<int>{7});
  CHECK(values_of(map, "تل رفعت") == std::vector<int>{7, 8});
  CHECK(values_of(map, "") == std::vector<int>{9});
  CHECK(values_of(map, "unused").empty());
  CHECK(values_of(map, "sora").empty());    // a prefix of a key
  CHECK(values_of(map, "soran ").empty());  // a key and more
  CHECK(map.contains("soran"));
  CHECK_FALSE(map.contains("albal"));
  // the lookup with a precomputed hash agrees
  CHECK(map.find("soran", text_hash("soran")).size() == 3);
}

TEST_CASE("FlatTextMap keeps every key apart when slots collide and wrap around", "[flat_map]") {
  // enough keys that probes run into each other and past the end of the slot array
  std::unordered_map<std::string, std::vector<int>> grouped;
  for (int i = 0; i < 5000; ++i) grouped["key" + std::to_string(i)] = {i, -i};
  const FlatTextMap<int> map(grouped);
  CHECK(map.size() == 5000);
  for (int i = 0; i < 5000; ++i) {
    REQUIRE(values_of(map, "key" + std::to_string(i)) == std::vector<int>{i, -i});
  }
  CHECK(values_of(map, "key5000").empty());
}

TEST_CASE("An empty FlatTextMap answers every lookup with nothing", "[flat_map]") {
  const FlatTextMap<int> empty;
  CHECK(empty.find("soran").empty());
  empty.prefetch(text_hash("soran"));  // harmless
  CHECK(empty.size() == 0);
}

TEST_CASE("FlatTextMap::from_pairs groups a table of words, and first() gives a word's first value", "[flat_map]") {
  constexpr std::pair<std::string_view, int> kTable[] = {{"tell", 1}, {"tal", 2}, {"tell", 3}, {"قرية", 4}};
  const auto map = FlatTextMap<int>::from_pairs(kTable);
  CHECK(map.size() == 3);
  CHECK(values_of(map, "tell") == std::vector<int>{1, 3});
  CHECK(map.first("tell") == 1);  // the first of a duplicated word wins, as in a hash map built from the table
  CHECK(map.first("قرية") == 4);
  CHECK_FALSE(map.first("tel").has_value());
}

TEST_CASE("FlatTextMap::from_pairs keeps thousands of keys apart, each key's values in the pairs' order", "[flat_map]") {
  std::vector<std::pair<std::string, int>> pairs;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 4000; ++i) pairs.emplace_back("name" + std::to_string(i), i * 10 + round);
  }
  const auto map = FlatTextMap<int>::from_pairs(pairs);
  CHECK(map.size() == 4000);
  for (int i = 0; i < 4000; ++i) {
    REQUIRE(values_of(map, "name" + std::to_string(i)) == std::vector<int>{i * 10, i * 10 + 1, i * 10 + 2});
  }
  CHECK(values_of(map, "name4000").empty());
  const auto empty = FlatTextMap<int>::from_pairs(std::vector<std::pair<std::string, int>>{});
  CHECK(empty.size() == 0);
  CHECK(empty.find("name1").empty());
}

TEST_CASE("FlatTextMap::sort_each_run orders each key's values and leaves the keys apart", "[flat_map]") {
  constexpr std::pair<std::string_view, int> kTable[] = {{"b", 3}, {"a", 9}, {"b", 1}, {"a", 2}, {"b", 2}, {"c", 5}};
  auto map = FlatTextMap<int>::from_pairs(kTable);
  map.sort_each_run([](int x, int y) { return x < y; });
  CHECK(values_of(map, "a") == std::vector<int>{2, 9});
  CHECK(values_of(map, "b") == std::vector<int>{1, 2, 3});
  CHECK(values_of(map, "c") == std::vector<int>{5});
}
