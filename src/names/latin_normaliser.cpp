#include "names/latin_normaliser.hpp"

#include "core/answer_memory.hpp"
#include "core/flat_text_map.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <unordered_map>
#include <array>
#include <utility>

namespace conflictmap {

namespace {

bool is_apostrophe(UChar32 c) {
  switch (c) {
    case 0x0027: case 0x0060: case 0x00B4: case 0x02BB: case 0x02BC: case 0x02BE: case 0x02BF:
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02B9: case 0x02C8:
      return true;
    default:
      return false;
  }
}

// Letters NFKD does not decompose into an ASCII base.
const char* special_latin(UChar32 c) {
  switch (c) {
    case 0x0131: return "i";   // dotless i
    case 0x00F8: return "o";
    case 0x00DF: return "ss";
    case 0x00E6: return "ae";
    case 0x0153: return "oe";
    case 0x0111: return "d";
    case 0x0142: return "l";
    case 0x00F0: return "d";
    case 0x0127: return "h";
    default: return nullptr;
  }
}

// Kurdish and Turkish spellings ("Qeşqa", "Pirikê", "Ceylanpınar") write sounds with letters that lose them
// when their marks are stripped: ş is sh, ç ch, ğ gh. In that orthography c is j and x is kh as well, so those
// change too, but only in a text that uses the orthography's own letters.
void spell_out_kurdish_turkish(icu::UnicodeString& text) {
  static const icu::UnicodeString kMarkers = icu::UnicodeString::fromUTF8("şŞçÇğĞıêÊîÎûÛ");
  bool orthography = false;
  for (int32_t i = 0; i < text.length() && !orthography; ++i) orthography = kMarkers.indexOf(text.charAt(i)) >= 0;
  if (!orthography) return;
  icu::UnicodeString out;
  for (int32_t i = 0; i < text.length(); ++i) {
    const char16_t c = text.charAt(i);
    switch (c) {
      case u'ş': case u'Ş': out.append(u"sh"); break;
      case u'ç': case u'Ç': out.append(u"ch"); break;
      case u'ğ': case u'Ğ': out.append(u"gh"); break;
      case u'c': case u'C': out.append(u'j'); break;
      case u'x': case u'X': out.append(u"kh"); break;
      default: out.append(c);
    }
  }
  text = out;
}

void split_ascii(std::string_view text, std::vector<std::string>& words) {
  std::string current;
  for (char raw : text) {
    const char c = static_cast<char>(raw >= 'A' && raw <= 'Z' ? raw - 'A' + 'a' : raw);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      current.push_back(c);
    } else if (c == '\'' || c == '`') {
      // ayn and hamza marks live inside words: "Ma'arrat" is one word
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
}

// Generic words written many ways; each group folds to its first spelling.
constexpr std::pair<std::string_view, std::string_view> kGenericWords[] = {
    {"tell", "tal"},     {"tel", "tal"},      {"tall", "tal"},     {"til", "tal"},
    {"kfar", "kafr"},    {"kafar", "kafr"},   {"kefr", "kafr"},    {"kfr", "kafr"},
    {"kufr", "kafr"},    {"kafer", "kafr"},   {"kefer", "kafr"},   {"kofr", "kafr"},
    {"deir", "dayr"},    {"dair", "dayr"},    {"der", "dayr"},     {"dier", "dayr"},
    {"deyr", "dayr"},    {"dir", "dayr"},     {"ain", "ayn"},      {"ein", "ayn"},
      {"aen", "ayn"},      {"ayin", "ayn"},     {"jebel", "jabal"},
    {"jabel", "jabal"},  {"jbel", "jabal"},   {"jebal", "jabal"},  {"gebel", "jabal"},
    {"jbal", "jabal"},   {"khirbet", "khirbat"}, {"kherbet", "khirbat"}, {"khirba", "khirbat"},
    {"khirbeh", "khirbat"}, {"kherbeh", "khirbat"}, {"khurbet", "khirbat"}, {"kharbet", "khirbat"},
    {"khrbet", "khirbat"}, {"khirbit", "khirbat"}, {"sheikh", "shaykh"}, {"shaikh", "shaykh"},
    {"sheik", "shaykh"}, {"shekh", "shaykh"}, {"shiekh", "shaykh"}, {"cheikh", "shaykh"},
    {"sheykh", "shaykh"}, {"shaik", "shaykh"}, {"abo", "abu"},      {"abou", "abu"},
    {"aboo", "abu"},     {"um", "umm"},       {"om", "umm"},       {"oum", "umm"},
    {"em", "umm"},       {"omm", "umm"},      {"beer", "bir"},     {"bi", "bir"},
    {"wady", "wadi"},    {"beit", "bayt"},    {"bait", "bayt"},    {"beyt", "bayt"},
    {"kasr", "qasr"},    {"maarrat", "maarat"}, {"maaret", "maarat"}, {"maarret", "maarat"},
};

constexpr std::string_view kArticles[] = {
    "al", "el", "as", "ash", "ad", "ar", "az", "an", "at", "ath", "adh",
    "es", "ed", "er", "ez", "en", "et", "esh", "il"};

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// "Alkafra", "Elbab", "Assafira": an article written joined to the word.
std::string strip_joined_article(std::string word) {
  if (word.size() >= 5 && (word.rfind("al", 0) == 0 || word.rfind("el", 0) == 0) && !is_vowel(word[2]) &&
      word[2] != 'l') {
    // "Alwan", "Alyat" and "Alyeh" are names: a half-vowel after the article needs a longer word
    // ("Elwadi", "Alwahshia")
    const bool half_vowel = word[2] == 'y' || word[2] == 'w';
    if (!half_vowel || word.size() >= 6) return word.substr(2);
  }
  static constexpr std::string_view kSunLetters = "tdrzsnl";
  if (word.size() >= 6 && word[0] == 'a' && word[1] == word[2] && kSunLetters.find(word[1]) != std::string_view::npos) {
    return word.substr(2);
  }
  return word;
}

}  // namespace

std::vector<std::string> latin_words(std::string_view utf8) {
  std::vector<std::string> words;
  words.reserve(4);
  const bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    split_ascii(utf8, words);
    return words;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  spell_out_kurdish_turkish(text);
  icu::UnicodeString decomposed = nfkd->normalize(text, status);
  std::string ascii_text;
  ascii_text.reserve(utf8.size());
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80) {
      ascii_text.push_back(static_cast<char>(c));
    } else if (is_apostrophe(c)) {
      ascii_text.push_back('\'');
    } else if (u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_FORMAT_CHAR) {
      // a diacritic of the previous letter; or an invisible format character text pasted from the web or a PDF
      // carries inside words (zero-width joiners, soft hyphens, direction marks, byte-order marks)
    } else if (const char* replacement = special_latin(u_tolower(c))) {
      ascii_text += replacement;
    } else {
      ascii_text.push_back(' ');
    }
  }
  split_ascii(ascii_text, words);
  return words;
}

bool is_latin_article(std::string_view word) {
  return std::find(std::begin(kArticles), std::end(kArticles), word) != std::end(kArticles);
}

namespace {

std::string collapse_doubles(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (char c : word) {
    if (out.empty() || out.back() != c || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

std::optional<std::string_view> generic_form(std::string_view word) {
  static const FlatTextMap<std::string_view> table = FlatTextMap<std::string_view>::from_pairs(kGenericWords);
  if (word.size() < 2 || word.size() > 8) return std::nullopt;  // the length range of the table's words
  return table.first(word);
}

}  // namespace

namespace {
std::string fold_latin_word_uncached(std::string_view input);
}  // namespace

// Words recur endlessly in reports and gazetteers alike: each thread remembers the words it folded, up to a
// whole gazetteer's vocabulary (the folding is a pure function of the word, so the cache changes no answer).
std::string fold_latin_word(std::string_view input) {
  thread_local AnswerMemory<std::string> memory(1 << 16);
  return memory.get(0, input, [&] { return fold_latin_word_uncached(input); });
}

namespace {
std::string fold_latin_word_uncached(std::string_view input) {
  if (auto generic = generic_form(input)) return std::string(*generic);
  const std::string stripped = strip_joined_article(std::string(input));
  if (auto generic = generic_form(stripped)) return std::string(*generic);
  // Doubled letters first, so that the digraphs below see single letters only where the writer doubled them.
  const std::string single = collapse_doubles(stripped);
  std::string word;
  word.reserve(single.size() + 2);
  for (std::size_t i = 0; i < single.size(); ++i) {
    const char c = single[i];
    const char next = i + 1 < single.size() ? single[i + 1] : '\0';
    if (c == 'o' && next == 'u') {  // ou → u
      word.push_back('u');
      ++i;
    } else if ((c == 'e' && (next == 'i' || next == 'y')) || (c == 'a' && next == 'i')) {  // ei, ey, ai → ay
      word += "ay";
      ++i;
    } else if (c == 'c' && next == 'k') {
      word.push_back('k');
      ++i;
    } else {
      word.push_back(c == 'q' ? 'k' : c);
    }
  }
  if (word.size() > 3) {
    if (ends_with(word, "eh") || ends_with(word, "ah")) {
      word.replace(word.size() - 2, 2, "a");
    } else if (word.back() == 'e') {
      word.back() = 'a';
    }
    if (ends_with(word, "ia") && !ends_with(word, "iya")) word.replace(word.size() - 2, 2, "iya");
  }
  // o/u and e/i are one Arabic vowel each, written either way ("Soran"/"Suran", "Refaat"/"Rifaat").
  for (char& c : word) {
    if (c == 'o') c = 'u';
    if (c == 'e') c = 'i';
  }
  return collapse_doubles(word);  // "Sheer" → "shiir" → "shir"
}
}  // namespace

namespace {

// The words that tell apart the halves and neighbours of a village, in English or transliterated, each as one
// token: "Big Raddeh" (OCHA's English) and "Rada Kabira" (the news) are one name, and the token matches the
// Arabic word's consonants (كبيرة) across scripts.
std::optional<std::string_view> descriptor_token(std::string_view word) {
  static const FlatTextMap<std::string_view> tokens = FlatTextMap<std::string_view>::from_pairs(
      std::initializer_list<std::pair<std::string_view, std::string_view>>{
          {"big", "kabir"}, {"great", "kabir"}, {"kabir", "kabir"}, {"kbir", "kabir"}, {"kebir", "kabir"},
          {"kabira", "kabir"}, {"kbira", "kabir"}, {"kabirah", "kabir"}, {"kabireh", "kabir"}, {"kbireh", "kabir"},
          {"little", "saghir"}, {"small", "saghir"}, {"saghir", "saghir"}, {"sghir", "saghir"}, {"zghir", "saghir"},
          {"saghira", "saghir"}, {"sghira", "saghir"}, {"saghirah", "saghir"}, {"saghireh", "saghir"},
          {"sghireh", "saghir"}, {"upper", "fawqani"}, {"fawqani", "fawqani"}, {"foqani", "fawqani"},
          {"fouqani", "fawqani"}, {"fauqani", "fawqani"}, {"lower", "tahtani"}, {"tahtani", "tahtani"},
          {"tahtany", "tahtani"}, {"middle", "wastani"}, {"wastani", "wastani"}, {"wustani", "wastani"},
          {"eastern", "sharqi"}, {"sharqi", "sharqi"}, {"sharki", "sharqi"}, {"sharqiya", "sharqi"},
          {"sharqiyah", "sharqi"}, {"sharqiyeh", "sharqi"}, {"sharqieh", "sharqi"}, {"western", "gharbi"},
          {"gharbi", "gharbi"}, {"gharbiya", "gharbi"}, {"gharbiyah", "gharbi"}, {"gharbiyeh", "gharbi"},
          {"gharbieh", "gharbi"}, {"northern", "shamali"}, {"shamali", "shamali"}, {"shamaliya", "shamali"},
          {"shamaliyah", "shamali"}, {"shamaliyeh", "shamali"}, {"southern", "janubi"}, {"janubi", "janubi"},
          {"janubiya", "janubi"}, {"janubiyah", "janubi"}, {"janubiyeh", "janubi"}});
  return tokens.first(word);
}

}  // namespace

namespace {
// The digits of "17th", "1st", "22nd", "3rd"; nothing for any other word.
std::optional<std::string_view> ordinal_number(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  if (digits == 0 || word.size() != digits + 2) return std::nullopt;
  const auto suffix = word.substr(digits);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
  return word.substr(0, digits);
}
}  // namespace

std::vector<std::string> fold_latin_words(const std::vector<std::string>& words) {
  std::vector<std::string> folded;
  folded.reserve(words.size());
  // a descriptor goes last, wherever it was written ("Upper Baqras", "Baqras Foqani")
  std::vector<std::optional<std::string_view>> tokens(words.size());
  bool named_beside = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    tokens[i] = descriptor_token(words[i]);
    named_beside = named_beside || (!tokens[i] && !is_latin_article(words[i]));
  }
  std::vector<std::string_view> descriptors;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (named_beside && tokens[i]) {
      descriptors.push_back(*tokens[i]);
      continue;
    }
    const bool last = i + 1 == words.size();
    if (is_latin_article(words[i]) && !(last && folded.empty())) continue;
    // the tribal prefix Albu- ("Albukamal", "Al Bu Layl") is also written Abu
    if (words[i] == "albu" || (words[i] == "bu" && i > 0 && words[i - 1] == "al")) {
      folded.push_back("abu");
      continue;
    }
    if (words[i].size() >= 7 && words[i].rfind("albu", 0) == 0) {
      folded.push_back("abu");
      folded.push_back(fold_latin_word(words[i].substr(4)));
      continue;
    }
    // "17th Division" is "Division 17": an ordinal is its number
    if (const auto number = ordinal_number(words[i])) {
      folded.emplace_back(*number);
      continue;
    }
    folded.push_back(fold_latin_word(words[i]));
  }
  for (const auto token : descriptors) folded.emplace_back(token);
  return folded;
}

}  // namespace conflictmap
