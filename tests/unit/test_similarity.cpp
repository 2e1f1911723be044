#include <catch2/catch.hpp>

#include "names/arabic_normaliser.hpp"
#include "names/name_keys.hpp"
#include "names/romanise.hpp"
#include "names/similarity.hpp"
#include "resolve/name_index.hpp"

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

TEST_CASE("romanise_arabic writes folded Arabic in the folded Latin alphabet", "[romanise]") {
  CHECK(romanise_arabic(arabic_words("كوباني")) == "kubani");
  CHECK(romanise_arabic(arabic_words("الديك")) == "dik");
  CHECK(romanise_arabic(arabic_words("خشام")) == "khsham");
  CHECK(romanise_arabic(arabic_words("ربيعة")) == "rbia");  // ع unwritten, ta marbuta as a
}

TEST_CASE("vowel_tolerant_similarity forgives unwritten vowels, not other consonants", "[romanise]") {
  // "Kobane" against "كوباني": a vowel swapped
  CHECK(vowel_tolerant_similarity("kubana", "kubani") > 0.9);
  // "Tayri" against "تيري": a short vowel Arabic leaves out, and y for i
  CHECK(vowel_tolerant_similarity("tayri", "tiri") > 0.85);
  // a different consonant costs the full edit
  CHECK(vowel_tolerant_similarity("kubana", "kutani") < 0.8);
  // a long vowel Arabic writes but the transliteration lacks costs more than the reverse
  CHECK(vowel_tolerant_similarity("dlba", "dilba") < vowel_tolerant_similarity("dilba", "dlba"));
  CHECK(vowel_tolerant_similarity("", "") == 1.0);
}

TEST_CASE("name_similarity compares names after a shared generic first word", "[similarity]") {
  // only "Kafr" in common: no closer than Batuna and Tuna
  const double kafr = name_similarity(make_name_keys("كفر بطونة"), make_name_keys("كفر طونة"));
  CHECK(kafr < 0.8);
  CHECK(name_similarity(make_name_keys("Tal Rifaat"), make_name_keys("Tal Refaat")) > 0.85);
}

TEST_CASE("skeleton_distance: swapped neighbours and Arabic dots cost less", "[similarity]") {
  CHECK(skeleton_distance("KNSFR", "KSNFR") < 1.0);   // كنصفرة / كصنفرة
  CHECK(skeleton_distance("RJ", "RH", true) < skeleton_distance("RJ", "RH", false));  // راجو / راحو
  CHECK(skeleton_distance("BTN", "BTN", true) == 0.0);
}

TEST_CASE("vowel_tolerant_similarity with a floor answers as without it, or 0 below the floor", "[romanise]") {
  const std::pair<const char*, const char*> pairs[] = {
      {"kubana", "kubani"}, {"tayri", "tiri"}, {"adama", "adama"}, {"nashwa", "aynaysha"}, {"jebru", "jwbr"},
      {"maarratalnuman", "marrtalnwman"}, {"x", "yyyyyyyy"}};
  for (const auto& [latin, roman] : pairs) {
    INFO(latin << " / " << roman);
    const double full = vowel_tolerant_similarity(latin, roman);
    for (const double floor : {0.5, 0.85, 0.95}) {
      CHECK(vowel_tolerant_similarity(latin, roman, floor) == (full >= floor ? full : 0.0));
    }
  }
}

#include "resolve/score_calibration.hpp"

TEST_CASE("calibrated scores follow how often answers like them are right", "[calibration]") {
  Resolution exact;
  exact.status = ResolutionStatus::Resolved;
  exact.match = MatchKind::Exact;
  exact.score = 0.95;
  Resolution respelt = exact;
  respelt.match = MatchKind::Normalised;
  Resolution unsure = respelt;
  unsure.status = ResolutionStatus::Ambiguous;
  unsure.score = respelt.score * 0.85;  // the resolver lowers an ambiguous answer's similarity so
  // a respelt name is right less often than an exact one, and an ambiguous one less often still
  CHECK(calibrated_score(exact) < 1.0);
  CHECK(calibrated_score(respelt) < calibrated_score(exact));
  CHECK(calibrated_score(unsure) < calibrated_score(respelt));
  // the more places far away the name fits as well, the less sure an answer that context chose
  Resolution shared = exact;
  shared.namesakes = 4;
  CHECK(calibrated_score(shared) < calibrated_score(exact));
  // a higher similarity is never a lower score
  Resolution weaker = exact;
  weaker.score = 0.75;
  CHECK(calibrated_score(weaker) <= calibrated_score(exact));
  // every score stays in [0, 1], whatever bonuses the similarity carried
  exact.score = 1.3;
  CHECK(calibrated_score(exact) <= 1.0);
  CHECK(calibrated_score(exact) > 0.0);
  Resolution unplaced;
  unplaced.status = ResolutionStatus::Unresolved;
  CHECK(calibrated_score(unplaced) == 0.0);
}
