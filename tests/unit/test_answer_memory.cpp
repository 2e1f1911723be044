#include <catch2/catch.hpp>

#include <string>

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

TEST_CASE("AnswerMemory starts afresh when full and keeps answering right", "[memory]") {
  AnswerMemory<int> memory(2);
  int computed = 0;
  auto length_of = [&](std::string_view key) {
    return [&computed, key] {
      ++computed;
      return static_cast<int>(key.size());
    };
  };
  CHECK(memory.get(0, "a", length_of("a")) == 1);
  CHECK(memory.get(0, "bb", length_of("bb")) == 2);
  CHECK(memory.get(0, "ccc", length_of("ccc")) == 3);  // full: forgets "a" and "bb"
  CHECK(computed == 3);
  CHECK(memory.get(0, "a", length_of("a")) == 1);
  CHECK(computed == 4);
  CHECK(memory.get(0, "a", length_of("a")) == 1);
  CHECK(computed == 4);
}
