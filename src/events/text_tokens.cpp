#include "events/text_tokens.hpp"

#include <algorithm>
#include <array>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/answer_memory.hpp"
#include "names/arabic_normaliser.hpp"
#include "names/latin_normaliser.hpp"

namespace conflictmap {

namespace {

// the letters and their presentation forms; not U+FEFF, the byte-order mark, which shares the last block
bool is_arabic_letter(UChar32 c) {
  return (c >= 0x0620 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

bool is_joiner(UChar32 c) {
  // inside a Latin word: apostrophes ("Mare'", "People's"); Arabic marks and tatweel stay with their letter;
  // invisible format characters (zero-width joiners, soft hyphens, direction marks) that pasted text carries
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BF || c == 0x02BE || c == 0x0640 ||
         (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x80 && u_charType(c) == U_FORMAT_CHAR);
}

std::string fold_latin_token(std::string_view raw) {
  // Plain ASCII (most English words): what latin_words() would give, joined, without building the words
  if (std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out;
    out.reserve(raw.size());
    for (char c : raw) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    }
    return out;
  }
  auto words = latin_words(raw);  // lower-case, diacritics stripped
  std::string out;
  for (const auto& w : words) out += w;
  return out;
}

// "وقرية", "بريف", "للتحالف": a joined conjunction or preposition, and the article after it
std::string without_joined_prefix(const std::string& folded) {
  const auto joined = split_joined_prefix(folded);
  if (!joined || joined->rest.size() < 4) return {};
  return strip_arabic_article(joined->rest);
}

struct ArabicForms {
  std::string form, alt;
};

// Arabic words recur as much as English ones: each thread remembers the forms of the words it folded (a pure
// function of the word, so remembering changes no answer).
const ArabicForms& fold_arabic_token(std::string_view raw) {
  thread_local AnswerMemory<ArabicForms> memory(1 << 15);
  return memory.get(0, raw, [&] {
    ArabicForms forms;
    for (const auto& w : arabic_words(raw)) forms.form += w;
    forms.alt = without_joined_prefix(forms.form);
    return forms;
  });
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 6 + 1);  // words average six bytes or more in either script
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  // ASCII needs no decoding nor ICU's character tables: most report text is ASCII
  auto next_code_point = [&](int32_t& at) {
    if (s[at] < 0x80) return static_cast<UChar32>(s[at++]);
    UChar32 c;
    U8_NEXT(s, at, length, c);
    return c;
  };
  auto alphanumeric = [](UChar32 c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return static_cast<bool>(u_isalnum(c));
  };
  // ASCII letters and digits, which begin and continue a Latin word
  static constexpr auto kWordByte = [] {
    std::array<bool, 128> table{};
    for (int c = 0; c < 128; ++c) table[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return table;
  }();
  while (i < length) {
    if (s[i] < 0x80 && !kWordByte[s[i]]) {  // spaces and punctuation, most of what lies between words
      ++i;
      continue;
    }
    const int32_t start = i;
    const UChar32 c = next_code_point(i);
    if (c < 0) continue;
    const bool arabic = is_arabic_letter(c);
    if (!arabic && !alphanumeric(c)) continue;
    int32_t end = i;
    while (end < length) {
      if (s[end] < 0x80) {  // an ASCII byte continues a Latin word if it is a letter, a digit or an apostrophe
        if ((!arabic && kWordByte[s[end]]) || s[end] == '\'') {
          ++end;
          continue;
        }
        break;
      }
      int32_t next = end;
      const UChar32 d = next_code_point(next);
      if (d < 0) break;
      const bool same = arabic ? (is_arabic_letter(d) || is_joiner(d)) : ((alphanumeric(d) && !is_arabic_letter(d)) || is_joiner(d));
      if (!same) break;
      end = next;
    }
    i = end;
    Token token;
    token.begin = static_cast<std::size_t>(start);
    token.end = static_cast<std::size_t>(end);
    const std::string_view raw = text.substr(token.begin, token.end - token.begin);
    if (arabic) {
      token.script = Script::Arabic;
      const auto& forms = fold_arabic_token(raw);
      token.form = forms.form;
      token.alt = forms.alt;
    } else {
      token.script = Script::Latin;
      // "IS's sites": the possessive is no part of the name
      std::string_view word = raw;
      for (const std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
        if (word.size() > suffix.size() + 1 && word.substr(word.size() - suffix.size()) == suffix) {
          word.remove_suffix(suffix.size());
          token.end = token.begin + word.size();
        }
      }
      token.form = fold_latin_token(word);
      token.capitalised = u_isupper(c);
    }
    if (!token.form.empty()) tokens.push_back(std::move(token));
  }
  return tokens;
}

std::vector<std::size_t> clause_breaks(std::string_view text) {
  static constexpr auto kBreakByte = [] {
    std::array<bool, 256> table{};
    for (const unsigned char c : {',', ';', ':', '(', ')', '\xD8'}) table[c] = true;
    return table;
  }();
  std::vector<std::size_t> breaks;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!kBreakByte[c]) continue;
    if (c != 0xD8) {
      breaks.push_back(i);
    } else if (i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) == 0x8C || static_cast<unsigned char>(text[i + 1]) == 0x9B)) {
      breaks.push_back(i);  // ، ؛
    }
  }
  return breaks;
}

bool written_with_article(std::string_view word) {
  constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
  if (word.substr(0, kArticle.size()) == kArticle) return true;
  for (const std::string_view clitic : {"\xD9\x88", "\xD8\xA8", "\xD9\x81", "\xD9\x83"}) {  // و ب ف ك
    if (word.substr(0, clitic.size()) == clitic && word.substr(clitic.size(), kArticle.size()) == kArticle) return true;
  }
  return word.substr(0, 4) == "\xD9\x84\xD9\x84" && word.size() > 6;  // لل
}

std::vector<std::string> fold_phrase(std::string_view phrase) {
  std::vector<std::string> out;
  for (auto& token : tokenize(phrase)) out.push_back(std::move(token.form));
  return out;
}

}  // namespace conflictmap
