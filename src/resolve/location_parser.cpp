#include "resolve/location_parser.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>
#include <charconv>
#include <unordered_map>
#include <utility>

#include "names/arabic_normaliser.hpp"
#include "names/name_keys.hpp"
#include "names/place_words.hpp"
#include "resolve/location_vocabulary.hpp"

namespace conflictmap {

namespace {

// The longest offset from a named place a location may give ("30 km north of X")
constexpr double kMaxOffsetKm = 1000;

bool is_number(std::string_view word) {
  double value = 0;
  if (word.empty()) return false;
  // most words are names: only a digit or a sign can start a number
  if (!(word[0] >= '0' && word[0] <= '9') && word[0] != '-' && word[0] != '+' && word[0] != '.') return false;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  return error == std::errc() && end == word.data() + word.size();  // "828m" is a name, not a number
}

// Arabic joins "in", "and", "to" to the next word: "بريف" is "ب" + "ريف", "وقرية" is "و" + "قرية". The words
// one word splits into, or nothing when it stays whole.
std::optional<std::vector<std::string>> split_arabic_word(const std::string& word) {
  static const std::string kAndThe = "\xD9\x88\xD8\xA7\xD9\x84";  // وال: "and the …"
  static const std::string kInThe = "\xD8\xA8\xD8\xA7\xD9\x84";   // بال: "in the …"
  // No name starts with the article after a conjunction or preposition, so these always split.
  if (word.size() >= kAndThe.size() + 6 && word.rfind(kAndThe, 0) == 0) {
    return std::vector<std::string>{"\xD9\x88", word.substr(kAndThe.size())};  // و
  }
  if (word.size() >= kInThe.size() + 6 && word.rfind(kInThe, 0) == 0) {
    return std::vector<std::string>{"\xD9\x81\xD9\x8A", word.substr(kInThe.size())};  // في
  }
  const auto joined = split_joined_prefix(word);
  if (!joined || !(lookup_word(joined->rest) || is_qualifier_word(joined->rest))) return std::nullopt;
  std::vector<std::string> out;
  if (joined->prefix == "\xD9\x88") out.emplace_back(joined->prefix);  // keep "and"
  out.emplace_back(joined->rest);
  return out;
}

std::vector<std::string> split_arabic_prefixes(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& word : words) {
    if (auto parts = split_arabic_word(word)) {
      out.insert(out.end(), parts->begin(), parts->end());
    } else {
      out.push_back(word);
    }
  }
  return out;
}

bool has_joined_prefix(const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [](const std::string& w) { return split_arabic_word(w).has_value(); });
}

struct Chunk {
  std::string text;
  bool bracket = false;
  bool parent = false;  // "Ar Raqqah: Badou neighbourhood": the text before a colon holds what follows
};

// Punctuation that ends a clause. A hyphen inside a word ("Al-Bab") does not; one between spaces does.
std::vector<Chunk> split_chunks(std::string_view text) {
  std::vector<Chunk> chunks;
  Chunk current;
  auto flush = [&](bool next_bracket) {
    chunks.push_back(current);
    current = Chunk{};
    current.bracket = next_bracket;
  };
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool in_bracket = false;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    switch (c) {
      case '(': case '[': case '{':
        flush(true);
        in_bracket = true;
        continue;
      case ')': case ']': case '}':
        flush(false);
        in_bracket = false;
        continue;
      case '/': case '|':
        // "Hajin / Bahra", "Ma`zulah/Maazoleh": another name for the same place
        flush(true);
        continue;
      case ':':
        current.parent = true;
        flush(in_bracket);
        continue;
      case ',': case ';': case '"': case 0x060C: case 0x061B: case 0x201C:
      case 0x201D: case 0x00AB: case 0x00BB: case 0x2013: case 0x2014: case '.':
        flush(in_bracket);
        continue;
      case '-':
        if (start > 0 && text[start - 1] == ' ' && start + 1 < length && text[start + 1] == ' ') {
          flush(in_bracket);
          continue;
        }
        break;
      default:
        break;
    }
    current.text.append(text.substr(start, i - start));
  }
  flush(false);
  return chunks;
}

class SegmentBuilder {
 public:
  explicit SegmentBuilder(ParsedLocation& parsed) : parsed_(parsed) {}

  void start_chunk(bool bracket) {
    flush();
    bracket_ = bracket;
    next_ = std::nullopt;
    bearing_ = std::nullopt;
    distance_ = std::nullopt;
    number_ = std::nullopt;
  }

  void word(const std::string& w) {
    // a direction word stays "beside" the name only if the very next word is that name
    const bool after_direction = std::exchange(last_was_direction_, false);
    if (auto kind = kind_of_qualifier(w)) {
      take_pending_number();
      if (*kind == PlaceKind::Camp) parsed_.facility = true;
      if (!parsed_.kind_hint) {
        parsed_.kind_hint = kind;
        parsed_.kind_hint_chunk = chunk_index_;
      }
      flush();
      return;
    }
    const auto entry = lookup_word(w);
    if (!entry) {
      if (is_number(w)) {
        // a distance if a unit follows ("12 km"), else part of the name ("Regiment 91")
        double value = 0;
        std::from_chars(w.data(), w.data() + w.size(), value);
        take_pending_number();
        number_ = value;
        number_text_ = w;
        return;
      }
      if (is_qualifier_word(w)) {  // "of", "the", "ناحية" handled as connectors below when listed
        flush();
        return;
      }
      take_pending_number();
      if (current_.empty() && after_direction && next_ == Next::Direction && !distance_ && !combined_) {
        leading_direction_ = previous_word_;
      }
      current_.push_back(w);
      return;
    }
    if (entry->cls != WordClass::Distance) take_pending_number();
    switch (entry->cls) {
      case WordClass::Direction:
        if (!current_.empty() && !bearing_ && !is_direction_preposition(w)) {
          // "Aleppo northern countryside", "ريف حلب الشمالي": the direction qualifies the name before it
          trailing_bearing_ = entry->bearing;
          trailing_direction_ = w;
        } else {
          // "X north of Y", "X جنوب Y": X is done; the direction leads to Y
          if (!current_.empty() && !bearing_) flush();
          combined_ = bearing_.has_value();
          bearing_ = bearing_ ? combine(*bearing_, entry->bearing) : entry->bearing;
          flush();
          next_ = Next::Direction;
          last_was_direction_ = true;
          previous_word_ = w;
        }
        break;
      case WordClass::Distance:
        // an offset is tens of kilometres; a number past any country's size is no distance to walk from a town
        // (found by fuzzing: "122…220 km north of" put the point off the globe)
        distance_ = number_ && *number_ >= 0 && *number_ <= kMaxOffsetKm ? number_ : std::nullopt;
        number_ = std::nullopt;
        number_text_.clear();
        flush();
        break;
      case WordClass::RegionWord:
        countryside_ = is_countryside_word(w);
        // English says "Aleppo countryside" or "countryside of Aleppo"; Arabic only "ريف حلب".
        if (!current_.empty() && parsed_.script != Script::Arabic) {
          region_current_ = true;
          flush();
        } else {
          flush();
          next_ = Next::Region;
        }
        break;
      case WordClass::Outskirts:
        flush();
        next_ = Next::Outskirts;
        break;
      case WordClass::In:
        flush();
        next_ = has_head() ? Next::Within : std::optional<Next>{};
        break;
      case WordClass::Near:
        flush();
        next_ = Next::Near;
        break;
      case WordClass::Of:
        flush();
        break;
      case WordClass::Stop:
        // "school", "hospital": the string names a facility, so a village of the same name is less likely
        if (entry->bearing == 1 && !parsed_.kind_hint) {
          parsed_.kind_hint = PlaceKind::Facility;
          parsed_.kind_hint_chunk = chunk_index_;
        }
        // "X street", "X desert", "X refugee camp", "طريق X": a part of the place or the land around it, placed
        // at the place, near it
        if (entry->bearing >= 2) parsed_.part_of_place = true;
        if (entry->bearing == 3) parsed_.street = true;
        if (entry->bearing == 1) parsed_.facility = true;
        flush();
        break;
      case WordClass::And:
        flush();
        break;
      case WordClass::Skip:
      case WordClass::Name:
      case WordClass::Number:
        break;
    }
  }

  void finish() {
    take_pending_number();
    flush();
  }

 private:
  // Region: "X countryside", an area named after a town. Within: "in X", inside the place X itself.
  enum class Next { Region, Within, Near, Direction, Outskirts };

  static double combine(double a, double b) {
    // "north east": the mean bearing on the circle
    if ((a == 0 && b == 270) || (a == 270 && b == 0)) return 315;
    return (a + b) / 2;
  }

  void take_pending_number() {
    if (number_text_.empty()) return;
    current_.push_back(number_text_);
    number_text_.clear();
    number_ = std::nullopt;
  }

  bool has_head() const {
    for (const auto& s : parsed_.segments) {
      if (s.role == SegmentRole::Head) return true;
    }
    return false;
  }

  void flush() {
    if (current_.empty()) {
      region_current_ = false;
      return;
    }
    LocationSegment segment;
    segment.chunk = chunk_index_;
    segment.words = std::move(current_);
    current_.clear();
    const bool head_exists = has_head();
    if (region_current_ || trailing_bearing_) {
      segment.role = SegmentRole::Context;
      segment.region = true;
      // "ريف حلب الشمالي": a countryside word before the name and a direction after it
      segment.countryside = (region_current_ || next_ == Next::Region) && countryside_;
      segment.bearing_deg = trailing_bearing_ ? trailing_bearing_ : bearing_;
      if (!region_current_ && next_ != Next::Region) segment.direction_word = trailing_direction_;
    } else if (next_ == Next::Region) {
      segment.role = SegmentRole::Context;
      segment.region = true;
      segment.countryside = countryside_;
      segment.bearing_deg = bearing_;
    } else if (next_ == Next::Within) {
      segment.role = SegmentRole::Context;
      segment.bearing_deg = bearing_;
    } else if (next_ == Next::Direction) {
      segment.role = SegmentRole::Context;
      segment.bearing_deg = bearing_;
      segment.distance_km = distance_;
      segment.direction_word = leading_direction_;
      segment.direction_leads = true;
    } else if (next_ == Next::Outskirts || next_ == Next::Near) {
      segment.role = head_exists ? SegmentRole::Context : SegmentRole::Head;
      segment.near = true;
    } else if (bracket_) {
      segment.role = head_exists ? SegmentRole::Alternative : SegmentRole::Head;
    } else {
      segment.role = !head_exists || chunk_is_first() ? SegmentRole::Head : SegmentRole::Context;
    }
    parsed_.segments.push_back(std::move(segment));
    region_current_ = false;
    trailing_bearing_ = std::nullopt;
    trailing_direction_.clear();
    leading_direction_.clear();
    combined_ = false;
    next_ = std::nullopt;
    bearing_ = std::nullopt;
    distance_ = std::nullopt;
  }

  // Within the first clause, "X and Y" names two heads; later clauses locate the first.
  bool chunk_is_first() const { return chunk_index_ == 0; }

 public:
  int chunk_index_ = 0;

 private:
  ParsedLocation& parsed_;
  std::vector<std::string> current_;
  bool bracket_ = false;
  bool region_current_ = false;
  bool countryside_ = false;  // the last region word was a countryside one
  std::optional<Next> next_;
  std::optional<double> bearing_;
  std::optional<double> trailing_bearing_;
  std::string trailing_direction_;  // the word that set trailing_bearing_
  std::string leading_direction_;   // the direction word right before the current name
  std::string previous_word_;
  bool last_was_direction_ = false;
  bool combined_ = false;  // "north east": two words, so neither is part of a name
  std::optional<double> distance_;
  std::optional<double> number_;
  std::string number_text_;
};

}  // namespace

namespace {

// Most strings are a bare name: no clause punctuation, no word that structures a location. They parse to
// one head without the chunking below.
// Bytes that may start clause punctuation: ASCII marks that end the scan at once, and the lead bytes of
// the marks beyond ASCII that split_chunks knows (، ؛ “ ” « » – —), checked in full where they occur.
enum : std::uint8_t { kPlainByte = 0, kClauseMark = 1, kMarkLead = 2 };
constexpr std::array<std::uint8_t, 256> kClauseBytes = [] {
  std::array<std::uint8_t, 256> table{};
  for (const char c : std::string_view(",;:()[]{}/|\".")) table[static_cast<unsigned char>(c)] = kClauseMark;
  for (const unsigned char c : {0xD8, 0xE2, 0xC2}) table[c] = kMarkLead;
  return table;
}();

bool has_clause_punctuation(std::string_view text) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    const std::uint8_t kind = kClauseBytes[static_cast<unsigned char>(text[at])];
    if (kind == kPlainByte) continue;
    if (kind == kClauseMark) return true;
    // most Arabic letters share the lead byte of ، and ؛: the next byte tells them apart
    const auto next = [&](std::size_t i) { return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0; };
    switch (static_cast<unsigned char>(text[at])) {
      case 0xD8:
        if (next(1) == 0x8C || next(1) == 0x9B) return true;
        break;
      case 0xC2:
        if (next(1) == 0xAB || next(1) == 0xBB) return true;
        break;
      default:  // 0xE2
        if (next(1) == 0x80 && (next(2) == 0x9C || next(2) == 0x9D || next(2) == 0x93 || next(2) == 0x94)) return true;
    }
  }
  return text.find(" - ") != std::string_view::npos;
}

bool parse_bare_name(std::string_view text, ParsedLocation& parsed) {
  if (has_clause_punctuation(text)) return false;
  auto words = key_words(text, parsed.script);
  if (words.empty()) return false;
  // "السوسة السوسة": a name pasted twice
  const std::size_t half = words.size() / 2;
  if (words.size() % 2 == 0 && std::equal(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(half),
                                          words.begin() + static_cast<std::ptrdiff_t>(half))) {
    words.resize(half);
  }
  for (const auto& w : words) {
    if (lookup_word(w) || is_qualifier_word(w) || is_number(w)) return false;
  }
  if (parsed.script == Script::Arabic && has_joined_prefix(words)) return false;
  parsed.words = words;
  LocationSegment head;
  head.chunk = 0;
  head.words = std::move(words);
  parsed.segments.push_back(std::move(head));
  return true;
}

}  // namespace

namespace {

// "Eastern Ghouta", "عبلة غربي", "الجردي الشرقي": a direction beside the only name in the string is part
// of that name ("Western Abla"), not a bearing from a place.
void promote_named_direction(ParsedLocation& parsed) {
  for (const auto& segment : parsed.segments) {
    if (segment.role == SegmentRole::Head) return;
  }
  for (auto& segment : parsed.segments) {
    if (segment.direction_word.empty() || segment.distance_km) continue;
    // "شمال حماة" is north of Hama: a direction that leads in construct is a bearing, not part of a name
    if (segment.direction_leads && is_direction_preposition(segment.direction_word)) continue;
    auto& words = segment.words;
    words.insert(segment.direction_leads ? words.begin() : words.end(), segment.direction_word);
    segment.role = SegmentRole::Head;
    segment.region = false;
    segment.bearing_deg = std::nullopt;
    return;
  }
}

}  // namespace

ParsedLocation parse_location(std::string_view text) {
  ParsedLocation parsed;
  parsed.script = words_script(text);
  if (parse_bare_name(text, parsed)) return parsed;
  SegmentBuilder builder(parsed);
  int index = 0;
  bool after_parent = false;
  for (const auto& chunk : split_chunks(text)) {
    auto words = key_words(chunk.text, parsed.script);
    if (words.empty()) continue;
    parsed.words.insert(parsed.words.end(), words.begin(), words.end());
    if (parsed.script == Script::Arabic) words = split_arabic_prefixes(words);
    const std::size_t before = parsed.segments.size();
    builder.chunk_index_ = index++;
    builder.start_chunk(chunk.bracket);
    for (const auto& w : words) builder.word(w);
    builder.finish();
    if (after_parent) {
      // the first name after "X:" is the head; X locates it
      for (auto& segment : parsed.segments) {
        if (segment.role == SegmentRole::Head) segment.role = SegmentRole::Context;
      }
      for (std::size_t i = before; i < parsed.segments.size(); ++i) {
        if (parsed.segments[i].role == SegmentRole::Context && !parsed.segments[i].region &&
            !parsed.segments[i].bearing_deg) {
          parsed.segments[i].role = SegmentRole::Head;
          break;
        }
        if (parsed.segments[i].role == SegmentRole::Head) break;
      }
      after_parent = false;
    }
    if (chunk.parent) after_parent = true;
  }
  promote_named_direction(parsed);
  return parsed;
}

}  // namespace conflictmap
