#include <catch2/catch.hpp>

#include "resolve/similarity.hpp"

using namespace conflictmap;

TEST_CASE("edit_distance counts insertions, deletions and substitutions", "[similarity]") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("edit_similarity is 1 - distance over the longer length", "[similarity]") {
  CHECK(edit_similarity("abcd", "abcf") == Approx(0.75));
  CHECK(edit_similarity("", "") == Approx(1.0));
}

TEST_CASE("skeleton_distance makes swapped spellings of one letter cheap", "[similarity]") {
  // ذيبان: Ziban or Dhiban
  CHECK(skeleton_distance("ZBN", "DBN") == Approx(0.4));
  CHECK(skeleton_distance("ZBN", "RBN") == Approx(1.0));
  CHECK(skeleton_distance("HMS", "MS") == Approx(0.5));  // a silent h
  CHECK(skeleton_similarity("TLRFT", "TLRFT") == Approx(1.0));
  CHECK(skeleton_similarity("KFR", "KFRBTN") < 0.6);
}

TEST_CASE("edit_distance agrees with the textbook recurrence on long and short strings", "[similarity]") {
  CHECK(edit_distance("tal rifat", "tal rifaat") == 1);
  CHECK(edit_distance("abc", "") == 3);
  const std::string long_a(70, 'a');
  const std::string long_b = std::string(69, 'a') + "b";
  CHECK(edit_distance(long_a, long_b) == 1);
  CHECK(edit_distance("kafr nabl", "kfrnbl") == 3);
  CHECK(edit_distance("\xD8\xAA\xD9\x84", "\xD8\xAA") == 2);  // bytes, not letters
}
