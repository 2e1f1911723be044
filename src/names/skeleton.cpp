#include "names/skeleton.hpp"

#include <unicode/utf8.h>

namespace conflictmap {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

char latin_class(char c) {
  switch (c) {
    case 'b': case 'p': return 'B';
    case 't': return 'T';
    case 'j': return 'J';
    case 'h': return 'H';
    case 'd': return 'D';
    case 'r': return 'R';
    case 'z': return 'Z';
    case 's': return 'S';
    case 'f': case 'v': return 'F';
    case 'g': return 'G';
    case 'k': case 'q': case 'c': return 'K';
    case 'l': return 'L';
    case 'm': return 'M';
    case 'n': return 'N';
    default: return (c >= '0' && c <= '9') ? c : 0;
  }
}

char digraph_class(char a, char b) {
  if (b != 'h') return 0;
  switch (a) {
    case 's': case 'c': return 'C';
    case 'k': return 'X';
    case 'g': return 'G';
    case 't': return 'T';
    case 'd': return 'D';
    case 'z': return 'Z';
    case 'p': return 'F';
    default: return 0;
  }
}

char arabic_class(char32_t c) {
  switch (c) {
    case 0x0628: case 0x067E: return 'B';              // ب پ
    case 0x062A: case 0x062B: case 0x0637: return 'T';  // ت ث ط
    case 0x062C: return 'J';                            // ج
    case 0x0686: return 'C';                            // چ
    case 0x062D: case 0x0647: return 'H';               // ح ه
    case 0x062E: return 'X';                            // خ
    case 0x062F: case 0x0630: case 0x0636: return 'D';  // د ذ ض
    case 0x0631: return 'R';                            // ر
    case 0x0632: case 0x0638: case 0x0698: return 'Z';  // ز ظ ژ
    case 0x0633: case 0x0635: return 'S';               // س ص
    case 0x0634: return 'C';                            // ش
    case 0x063A: case 0x06AF: return 'G';               // غ گ
    case 0x0641: case 0x06A4: return 'F';               // ف ڤ
    case 0x0642: case 0x0643: return 'K';               // ق ك
    case 0x0644: return 'L';                            // ل
    case 0x0645: return 'M';                            // م
    case 0x0646: return 'N';                            // ن
    case 0x0648: return 'W';                            // و
    case 0x064A: return 'Y';                            // ي
    default: return (c >= U'0' && c <= U'9') ? static_cast<char>(c) : 0;  // ا ع and the rest vanish
  }
}

}  // namespace

std::string latin_skeleton(const std::vector<std::string>& words) {
  std::string key;
  for (const auto& word : words) {
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      if (i + 1 < word.size()) {
        if (const char d = digraph_class(c, word[i + 1])) {
          key.push_back(d);
          ++i;
          continue;
        }
      }
      if (c == 'w' || c == 'y') {
        if (i == 0) key.push_back(c == 'w' ? 'W' : 'Y');
        continue;
      }
      if (c == 'x') {
        key += "KS";
        continue;
      }
      // a final h after a vowel is the written ta marbuta, which Arabic keys drop too
      if (c == 'h' && i + 1 == word.size() && i > 0 && is_vowel(word[i - 1])) continue;
      if (const char cls = latin_class(c)) key.push_back(cls);
    }
  }
  return key;
}

std::string arabic_skeleton(const std::vector<std::string>& words) {
  std::string key;
  for (std::size_t w = 0; w < words.size(); ++w) {
    const auto& word = words[w];
    const bool last_word = w + 1 == words.size();
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    const auto length = static_cast<int32_t>(word.size());
    int32_t i = 0;
    bool first = true;
    while (i < length) {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      if (c < 0) continue;
      const bool final_letter = i >= length;
      char cls = arabic_class(static_cast<char32_t>(c));
      if ((cls == 'W' || cls == 'Y') && !first) cls = 0;
      // ta marbuta (folded to ه): silent at the end of a name, "t" in a construct such as "خربة ..."
      if (c == 0x0647 && final_letter && !first) cls = last_word ? 0 : 'T';
      if (cls) key.push_back(cls);
      first = false;
    }
  }
  return key;
}

}  // namespace conflictmap
