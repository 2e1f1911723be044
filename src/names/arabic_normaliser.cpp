#include "names/arabic_normaliser.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace conflictmap {

namespace {

void append_utf8(std::string& out, char32_t c) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

std::size_t code_points(std::string_view utf8) {
  std::size_t count = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// Old text encodings and some PDF exports write Arabic in its presentation forms (U+FB50–U+FDFF,
// U+FE70–U+FEFC: "ﺍﻟﺴﻌﺪﺓ"); compatibility normalisation gives the letters back. Decoded by code point, since the
// same lead bytes also encode the byte-order mark (U+FEFF), which normalisation leaves as it is.
bool has_presentation_forms(std::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)) return true;
  }
  return false;
}

std::string compatibility_form(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString normalised = nfkc->normalize(text, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  normalised.toUTF8String(out);
  return out;
}

}  // namespace

char32_t fold_arabic_char(char32_t c) {
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x06D6 && c <= 0x06ED)) return 0;
  // zero-width non-joiners, direction marks, byte-order marks: invisible, and no break between words
  if (u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR) return 0;
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673: return 0x0627;  // alef forms
    case 0x0629: return 0x0647;  // ta marbuta → ha
    case 0x0649: case 0x06CC: case 0x0626: return 0x064A;  // alef maqsura, Farsi yeh, yeh with hamza → yeh
    case 0x0624: return 0x0648;  // waw with hamza → waw
    case 0x0621: return 0;       // lone hamza
    case 0x06A9: return 0x0643;  // keheh → kaf
    case 0x06C1: case 0x06D5: return 0x0647;
    default: break;
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);  // Arabic-Indic digits
  if ((c >= 0x0620 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3)) return c;
  if (c < 0x80 && ((c >= '0' && c <= '9'))) return c;
  if (u_isalpha(static_cast<UChar32>(c))) return c;
  return U' ';
}

std::string strip_arabic_article(std::string_view word) {
  // "ال" is two bytes each: 0xD8 0xA7, 0xD9 0x84
  static constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";
  if (word.substr(0, kArticle.size()) == kArticle && code_points(word) >= 4) {
    return std::string(word.substr(kArticle.size()));
  }
  return std::string(word);
}

std::optional<JoinedPrefix> split_joined_prefix(std::string_view word) {
  static constexpr std::string_view kPrefixes[] = {"\xD8\xA8", "\xD9\x88", "\xD9\x84", "\xD9\x81"};  // ب و ل ف
  static constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";                                   // ال
  for (const auto prefix : kPrefixes) {
    if (word.size() <= prefix.size() + 2 || word.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = word.substr(prefix.size());
    if (rest.substr(0, kArticle.size()) == kArticle && rest.size() > 8) rest.remove_prefix(kArticle.size());
    return JoinedPrefix{prefix, rest};
  }
  return std::nullopt;
}

std::vector<std::string> arabic_words(std::string_view text) {
  // Normalised once and never again: some code points of these blocks (unassigned ones, U+FE75) have no
  // compatibility form, so the normalised text can still hold them.
  const std::string normalised = has_presentation_forms(text) ? compatibility_form(text) : std::string();
  const std::string_view utf8 = normalised.empty() ? text : std::string_view(normalised);
  std::vector<std::string> words;
  words.reserve(4);
  std::string current;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  // "البوكمال", "البوليل": the tribal prefix Albu- is written "أبو" (Abu) as often as joined.
  static const std::string kAlbu = "\xD8\xA7\xD9\x84\xD8\xA8\xD9\x88";  // البو
  static const std::string kAbu = "\xD8\xA7\xD8\xA8\xD9\x88";            // ابو
  auto flush = [&] {
    if (current.rfind(kAlbu, 0) == 0 && code_points(current) >= 6) {
      words.push_back(kAbu);
      words.push_back(current.substr(kAlbu.size()));
    } else if (current == kAlbu) {
      words.push_back(kAbu);
    } else if (!current.empty()) {
      words.push_back(strip_arabic_article(current));
    }
    current.clear();
  };
  while (i < length) {
    UChar32 raw;
    U8_NEXT(s, i, length, raw);
    if (raw < 0) continue;
    const char32_t c = fold_arabic_char(static_cast<char32_t>(u_tolower(raw)));
    if (c == 0) continue;
    if (c == U' ') {
      flush();
    } else {
      append_utf8(current, c);
      // ta marbuta and alef maqsura only end a word: "الشعفةالشامية" is two words run together
      if ((raw == 0x0629 || raw == 0x0649) && i < length) {
        UChar32 next;
        int32_t j = i;
        U8_NEXT(s, j, length, next);
        if (next >= 0x0621 && next <= 0x064A) flush();
      }
    }
  }
  flush();
  return words;
}

}  // namespace conflictmap
