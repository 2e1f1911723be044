#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/answer_memory.hpp"

using namespace conflictmap;

TEST_CASE("AnswerMemory computes an answer once per key and owner", "[memory]") {
  AnswerMemory<std::string> memory(8);
  int computed = 0;
  auto upper = [&](const std::string& key) {
    return [&computed, key] {
      ++computed;
      std::string out = key;
      for (auto& c : out) c = static_cast<char>(c - 'a' + 'A');
      return out;
    };
  };
  CHECK(memory.get(1, "soran", upper("soran")) == "SORAN");
  CHECK(memory.get(1, "soran", upper("soran")) == "SORAN");
  CHECK(computed == 1);
  CHECK(memory.get(1, "ahras", upper("ahras")) == "AHRAS");
  CHECK(computed == 2);
  // another owner (another gazetteer's index) never sees these answers
  CHECK(memory.get(2, "soran", upper("soran")) == "SORAN");
  CHECK(computed == 3);
}

TEST_CASE("AnswerMemory stays bounded and keeps answering right when full", "[memory]") {
  AnswerMemory<int> memory(4);  // four slots: more keys than that must push some out
  int computed = 0;
  auto length_of = [&](std::string_view key) {
    return [&computed, key] {
      ++computed;
      return static_cast<int>(key.size());
    };
  };
  const std::vector<std::string> keys = {"a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh"};
  for (int round = 0; round < 3; ++round) {
    for (const auto& key : keys) {
      INFO(key);
      REQUIRE(memory.get(0, key, length_of(key)) == static_cast<int>(key.size()));
    }
  }
  CHECK(computed >= 8);        // every key once at least
  CHECK(computed < 3 * 8 + 1);  // and never more than asked
  // the key just answered is remembered
  const int before = computed;
  CHECK(memory.get(0, "hhhhhhhh", length_of("hhhhhhhh")) == 8);
  CHECK(computed == before);
  // a new owner sees nothing of the old one's answers
  CHECK(memory.get(5, "hhhhhhhh", length_of("hhhhhhhh")) == 8);
  CHECK(computed == before + 1);
}
