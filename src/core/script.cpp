#include "core/script.hpp"

#include <cstdint>
#include <cstring>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace conflictmap {

Script words_script(std::string_view utf8) {
  const Script script = detect_script(utf8);
  return script == Script::Unknown ? Script::Latin : script;
}

bool has_arabic_letters(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    // U+0600–U+06FF are the two-byte sequences led by D8–DB; the presentation forms (U+FB50–U+FDFF and
    // U+FE70–U+FEFC; not U+FEFF, the byte-order mark) three-byte ones led by EF
    if (lead >= 0xD8 && lead <= 0xDB) return true;
    if (lead == 0xEF && i + 2 < utf8.size()) {
      const char32_t c = (char32_t(static_cast<unsigned char>(utf8[i + 1]) & 0x3F) << 6) |
                         (static_cast<unsigned char>(utf8[i + 2]) & 0x3F) | 0xF000;
      if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)) return true;
    }
  }
  return false;
}

Script detect_script(std::string_view utf8) {
  bool ascii_letter = false;
  bool ascii_only = true;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii_only = false;
      break;
    }
    ascii_letter = ascii_letter || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  if (ascii_only) return ascii_letter ? Script::Latin : Script::Unknown;
  int latin = 0;
  int arabic = 0;
  int other = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;
    if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0xFB50 && c <= 0xFEFF)) {
      ++arabic;
    } else if (c < 0x250 && u_isalpha(c)) {
      ++latin;  // Latin-1 and Latin Extended
    } else if (u_isalpha(c)) {
      UErrorCode status = U_ZERO_ERROR;
      if (uscript_getScript(c, &status) == USCRIPT_LATIN) {
        ++latin;
      } else {
        ++other;
      }
    }
  }
  if (arabic == 0 && latin == 0) return Script::Unknown;
  if (other > latin + arabic) return Script::Unknown;
  return arabic >= latin ? Script::Arabic : Script::Latin;
}

std::string_view to_string(Script script) {
  switch (script) {
    case Script::Latin: return "latin";
    case Script::Arabic: return "arabic";
    case Script::Unknown: return "unknown";
  }
  return "unknown";
}

bool is_valid_utf8(std::string_view bytes) {
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  while (i < length) {
    // eight ASCII bytes at a time: most text is English, and Arabic text is spaced and punctuated in ASCII
    if (i + 8 <= length) {
      std::uint64_t block;
      std::memcpy(&block, s + i, sizeof block);
      if ((block & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace conflictmap
