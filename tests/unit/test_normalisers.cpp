#include <catch2/catch.hpp>

#include "core/script.hpp"
#include "names/arabic_normaliser.hpp"
#include "names/latin_normaliser.hpp"
#include "names/name_keys.hpp"
#include "names/skeleton.hpp"

using namespace conflictmap;

namespace {
std::string folded(const char* text) { return make_name_keys(text).folded; }
std::string skeleton(const char* text) { return make_name_keys(text).skeleton; }
}  // namespace

TEST_CASE("detect_script tells Arabic from Latin and from other scripts", "[script]") {
  CHECK(detect_script("Tal Rifaat") == Script::Latin);
  CHECK(detect_script("تل رفعت") == Script::Arabic);
  CHECK(detect_script("Дамаск") == Script::Unknown);
  CHECK(detect_script("12, 13") == Script::Unknown);
}

TEST_CASE("is_valid_utf8 rejects broken byte sequences", "[script]") {
  CHECK(is_valid_utf8("Ḩalab حلب"));
  CHECK_FALSE(is_valid_utf8("Hal\xE9"));
}

TEST_CASE("latin_words strips diacritics and keeps ayn marks inside words", "[latin]") {
  CHECK(latin_words("Ma‘arrat an-Nu‘man") == std::vector<std::string>{"maarrat", "an", "numan"});
  CHECK(latin_words("Ḩarastā") == std::vector<std::string>{"harasta"});
  CHECK(latin_words("Mare'") == std::vector<std::string>{"mare"});
}

TEST_CASE("fold_latin_word unifies generic words, vowels, endings and doubled letters", "[latin]") {
  CHECK(fold_latin_word("tell") == "tal");
  CHECK(fold_latin_word("kfar") == "kafr");
  CHECK(fold_latin_word("dayr") == "dayr");
  CHECK(fold_latin_word("deir") == "dayr");
  CHECK(fold_latin_word("khirbet") == "khirbat");
  CHECK(fold_latin_word("shaikh") == "shaykh");
  CHECK(fold_latin_word("abou") == "abu");
  CHECK(fold_latin_word("radwaniyeh") == fold_latin_word("radwaniya"));
  CHECK(fold_latin_word("raqqa") == fold_latin_word("raka"));
  CHECK(fold_latin_word("soran") == fold_latin_word("suran"));
}

TEST_CASE("fold_latin_words drops articles, joined or separate", "[latin]") {
  CHECK(fold_latin_words({"al", "bab"}) == std::vector<std::string>{"bab"});
  CHECK(fold_latin_words({"alkafra"}) == fold_latin_words({"kafra"}));
  CHECK(fold_latin_words({"assafira"}) == fold_latin_words({"safira"}));
  CHECK(fold_latin_words({"al"}) == std::vector<std::string>{"al"});  // a name never vanishes
  CHECK(is_latin_article("ash"));
  CHECK_FALSE(is_latin_article("tal"));
}

TEST_CASE("Latin transliterations of one name fold together", "[latin]") {
  CHECK(folded("Tal Rifaat") == folded("Tell Refaat"));
  CHECK(folded("Tall Rif'at") == folded("Tal Rifaat"));
  CHECK(skeleton("Deir ez-Zor") == skeleton("دير الزور"));
  CHECK(folded("Kafr Nabl") == folded("Kfar Nabl"));
  CHECK(folded("Ain al-Arab") == folded("Ayn al Arab"));
  CHECK(folded("Jebel Saman") == folded("Jabal Saman"));
  CHECK(folded("Sheikh Maqsoud") == folded("Shaykh Maqsud"));
}

TEST_CASE("arabic_words folds alef, hamza, ta marbuta, alef maqsura, tatweel and the article", "[arabic]") {
  CHECK(arabic_words("الرضوانيّة") == arabic_words("رضوانيه"));
  CHECK(arabic_words("إدلب") == arabic_words("ادلب"));
  CHECK(arabic_words("حلـــب") == arabic_words("حلب"));
  CHECK(arabic_words("مصطفى") == arabic_words("مصطفي"));
  CHECK(strip_arabic_article("البل") == "بل");
  CHECK(strip_arabic_article("ال") == "ال");
  CHECK(fold_arabic_char(U'،') == U' ');
  CHECK(fold_arabic_char(U'٣') == U'3');
}

TEST_CASE("qualifier words at the edges are not part of the name", "[keys]") {
  CHECK(folded("village of Kafra") == folded("Kafra"));
  CHECK(folded("قرية تل سوسين") == folded("تل سوسين"));
  CHECK(folded("حي الميدان") == folded("الميدان"));
  CHECK(folded("Hay") == "hay");
}

TEST_CASE("feature words become a kind hint when asked", "[keys]") {
  auto keys = make_name_keys_from_words(Script::Arabic, key_words("مطار كويرس", Script::Arabic), true);
  REQUIRE(keys.kind_hint.has_value());
  CHECK(*keys.kind_hint == PlaceKind::Airbase);
  CHECK(keys.folded == make_name_keys("كويرس").folded);
}

TEST_CASE("the skeleton is shared across scripts", "[skeleton]") {
  CHECK(skeleton("Tal Rifaat") == "TLRFT");
  CHECK(skeleton("تل رفعت") == "TLRFT");
  CHECK(skeleton("Tell Refaat") == skeleton("تل رفعت"));
  CHECK(skeleton("Suran") == skeleton("صوران"));
  CHECK(skeleton("Sawran") == skeleton("صوران"));
  CHECK(skeleton("Sheikh Maqsoud") == skeleton("الشيخ مقصود"));
  CHECK(skeleton("Ahras") == skeleton("احرص"));
  CHECK(skeleton("Idlib") == skeleton("إدلب"));
  CHECK(latin_skeleton({"kafr", "nabl"}) == arabic_skeleton(arabic_words("كفر نبل")));
}

TEST_CASE("Kurdish and Turkish letters keep their sounds", "[latin]") {
  CHECK(latin_words("Qeşqa") == std::vector<std::string>{"qeshqa"});
  CHECK(latin_words("Ceylanpınar") == std::vector<std::string>{"jeylanpinar"});
  CHECK(latin_words("Xirbê") == std::vector<std::string>{"khirbe"});
  CHECK(latin_words("Cobê") == std::vector<std::string>{"jobe"});
  CHECK(latin_words("Ḩalab") == std::vector<std::string>{"halab"});  // no such letters: c and x stay
  CHECK(latin_words("Xanasor") == std::vector<std::string>{"xanasor"});
}

TEST_CASE("the tribal prefix Albu- is Abu in both scripts", "[keys]") {
  CHECK(folded("البوكمال") == folded("أبو كمال"));
  CHECK(folded("Albukamal") == folded("Abu Kamal"));
  CHECK(folded("Al Bu Layl") == folded("Abu Layl"));
  CHECK(skeleton("البوليل") == skeleton("Abu Layl"));
}

TEST_CASE("ta marbuta ends a word even when the space after it is missing", "[arabic]") {
  CHECK(arabic_words("الشعفةالشامية") == arabic_words("الشعفة الشامية"));
  CHECK(arabic_words("حلب").size() == 1);
}

TEST_CASE("Arabic presentation forms fold to the letters", "[arabic]") {
  // "ﺍﻟﺴﻌﺪﺓ" as old encodings and PDF exports write it, and the ligature lam-alef "ﻻ"
  CHECK(folded("\xEF\xBA\x8D\xEF\xBB\x9F\xEF\xBA\xB4\xEF\xBB\x8C\xEF\xBA\xAA\xEF\xBA\x93") == folded("السعدة"));
  CHECK(folded("\xEF\xBB\xBB\xD8\xB0\xD9\x82\xD9\x8A\xD9\x87") == folded("لاذقيه"));
}

TEST_CASE("a byte-order mark or an unassigned presentation code point ends folding, not the stack", "[arabic]") {
  // U+FEFF shares lead bytes with the presentation forms; U+FE75 lies in their block but has no compatibility
  // form: both once sent arabic_words into unbounded recursion
  CHECK(arabic_words("a\xEF\xBB\xBF") == std::vector<std::string>{"a"});
  CHECK(arabic_words("\xEF\xBB\xBF\xD8\xAD\xD9\x84\xD8\xA8") == arabic_words("حلب"));
  CHECK_NOTHROW(arabic_words("a\xEF\xB9\xB5"));
  CHECK_NOTHROW(make_name_keys("a\xEF\xB9\xB5"));
}

TEST_CASE("invisible format characters inside a name do not split it", "[arabic][latin]") {
  // a zero-width non-joiner and a right-to-left mark, as pasted from web pages
  CHECK(arabic_words("حل\xE2\x80\x8C\xD8\xA8\xE2\x80\x8F") == arabic_words("حلب"));
  // a soft hyphen and a zero-width joiner inside a Latin name
  CHECK(latin_words("Ḩara\xC2\xADsta") == latin_words("Harasta"));
  CHECK(latin_words("Ḩalab\xE2\x80\x8D") == std::vector<std::string>{"halab"});
}

TEST_CASE("an article joined before a half-vowel goes only from a long word", "[latin]") {
  CHECK(folded("Alwahshia") == folded("Wahshiyeh"));
  CHECK(folded("Elwadi") == "wadi");
  CHECK(folded("Alwan") == "alwan");
  CHECK(folded("Alyat") == "alyat");
}

TEST_CASE("an Arabic compact key has one byte per letter", "[keys]") {
  // so that swapping any two letters is one edit, wherever they sit in the Unicode table
  const auto keys = make_name_keys("كنصفرة");
  CHECK(keys.compact.size() == 6);
  CHECK(make_name_keys("Kansafra").compact == "kansafra");
  CHECK(make_name_keys("السوسة السوسة").folded == "سوسه سوسه");
}

TEST_CASE("fold_latin_words writes a village's descriptor as one token, last, in English or transliterated", "[latin]") {
  const auto folded = [](std::vector<std::string> words) { return join_words(fold_latin_words(words)); };
  CHECK(folded({"big", "raddeh"}) == folded({"raddeh", "kabira"}));
  CHECK(folded({"upper", "kafardali"}) == folded({"kafardali", "foqani"}));
  CHECK(folded({"western", "atshana"}) == folded({"atshanah", "al", "gharbiyah"}));
  CHECK(folded({"eastern", "ghouta"}).substr(folded({"eastern", "ghouta"}).size() - 6) == "sharqi");
  // a descriptor alone, or with only an article, stays a name
  CHECK(folded({"kabir"}) == "kabir");
  CHECK_FALSE(folded({"al", "gharbi"}).empty());
}

TEST_CASE("words_script reads a text without letters as Latin, and any other in its own script", "[script]") {
  CHECK(words_script("تل رفعت") == Script::Arabic);
  CHECK(words_script("Tal Rifaat") == Script::Latin);
  CHECK(words_script("123 - 45") == Script::Latin);
  CHECK(detect_script("123 - 45") == Script::Unknown);
}

TEST_CASE("has_arabic_letters finds one Arabic letter in a long Latin text, and presentation forms", "[script]") {
  CHECK(has_arabic_letters(std::string(5000, 'a') + "ب"));
  CHECK(has_arabic_letters("\xEF\xBB\xB5"));         // U+FEF5, a lam-alef presentation form
  CHECK(has_arabic_letters("\xEF\xAD\x90"));         // U+FB50, the first Arabic presentation form
  CHECK_FALSE(has_arabic_letters("\xEF\xAD\x8F"));   // U+FB4F, a Hebrew one just before
  CHECK_FALSE(has_arabic_letters("\xEF\xBB\xBF" "Tal Rifaat"));  // a byte-order mark is no letter
  CHECK_FALSE(has_arabic_letters("Tell Refaat, Ḥamāh"));
  CHECK_FALSE(has_arabic_letters(""));
  CHECK_FALSE(has_arabic_letters("\xEF"));  // cut short
}
