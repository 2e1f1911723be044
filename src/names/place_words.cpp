#include "names/place_words.hpp"

#include <array>
#include <utility>

#include "core/flat_text_map.hpp"

namespace conflictmap {

namespace {

using KindWord = std::pair<std::string_view, PlaceKind>;

constexpr KindWord kQualifiers[] = {
    {"village", PlaceKind::Village}, {"villages", PlaceKind::Village}, {"town", PlaceKind::Town},
    {"towns", PlaceKind::Town}, {"city", PlaceKind::City}, {"neighbourhood", PlaceKind::Neighbourhood},
    {"neighborhood", PlaceKind::Neighbourhood}, {"neighbourhoods", PlaceKind::Neighbourhood},
    {"neighborhoods", PlaceKind::Neighbourhood}, {"district", PlaceKind::Other}, {"subdistrict", PlaceKind::Other},
    {"area", PlaceKind::Other}, {"camp", PlaceKind::Camp}, {"farm", PlaceKind::Village},
    {"farms", PlaceKind::Village}, {"hay", PlaceKind::Neighbourhood}, {"hayy", PlaceKind::Neighbourhood},
    {"hai", PlaceKind::Neighbourhood}, {"quarter", PlaceKind::Neighbourhood}, {"municipality", PlaceKind::Town},
    {"countryside", PlaceKind::Other}, {"rural", PlaceKind::Other},
    // the Arabic unit words as transliterated: "Qutayfah mantiqah", "al-Jalaa nahiyah"
    {"mantiqah", PlaceKind::Other}, {"mantiqa", PlaceKind::Other}, {"mintaqa", PlaceKind::Other},
    {"mintaqah", PlaceKind::Other}, {"nahiyah", PlaceKind::Other}, {"nahiya", PlaceKind::Other},
    {"nahiyeh", PlaceKind::Other}, {"nahia", PlaceKind::Other}, {"muhafazah", PlaceKind::Other},
    {"muhafazat", PlaceKind::Other}, {"mohafaza", PlaceKind::Other}, {"qarya", PlaceKind::Village},
    {"qaryat", PlaceKind::Village}, {"qariyat", PlaceKind::Village}, {"outskirts", PlaceKind::Other}, {"of", PlaceKind::Other},
    {"the", PlaceKind::Other}, {"vilage", PlaceKind::Village}, {"township", PlaceKind::Town},
    {"قريه", PlaceKind::Village}, {"قري", PlaceKind::Village}, {"بلده", PlaceKind::Town},
    {"بلدات", PlaceKind::Town}, {"مدينه", PlaceKind::City}, {"حي", PlaceKind::Neighbourhood},
    {"احياء", PlaceKind::Neighbourhood}, {"ريف", PlaceKind::Other}, {"ناحيه", PlaceKind::Other},
    {"منطقه", PlaceKind::Other}, {"مخيم", PlaceKind::Camp}, {"مزرعه", PlaceKind::Village},
    {"مزارع", PlaceKind::Village}, {"محافظه", PlaceKind::Other}, {"ضيعه", PlaceKind::Village},
    {"ضيع", PlaceKind::Village},
};

constexpr KindWord kFeatureWords[] = {
    {"airbase", PlaceKind::Airbase}, {"airport", PlaceKind::Airbase}, {"airfield", PlaceKind::Airbase},
    {"air", PlaceKind::Airbase}, {"heliport", PlaceKind::Airbase}, {"airstrip", PlaceKind::Airbase},
    {"base", PlaceKind::Base}, {"regiment", PlaceKind::Base}, {"brigade", PlaceKind::Base},
    {"battalion", PlaceKind::Base}, {"barracks", PlaceKind::Base}, {"division", PlaceKind::Base},
    {"academy", PlaceKind::Base}, {"hill", PlaceKind::Hill}, {"mount", PlaceKind::Hill},
    {"dam", PlaceKind::Facility}, {"station", PlaceKind::Facility}, {"plant", PlaceKind::Facility},
    {"field", PlaceKind::Facility}, {"military", PlaceKind::Base}, {"complex", PlaceKind::Base},
    {"compound", PlaceKind::Base}, {"installation", PlaceKind::Base}, {"facility", PlaceKind::Facility},
    {"مطار", PlaceKind::Airbase}, {"فوج", PlaceKind::Base}, {"اللواء", PlaceKind::Base},
    {"لواء", PlaceKind::Base}, {"كتيبه", PlaceKind::Base}, {"قاعده", PlaceKind::Base},
    {"سد", PlaceKind::Facility}, {"محطه", PlaceKind::Facility}, {"العسكري", PlaceKind::Base},
    {"عسكري", PlaceKind::Base},
};

using KindMap = FlatTextMap<PlaceKind>;

std::optional<PlaceKind> find_kind(const KindMap& map, std::string_view word) { return map.first(word); }

// A word set: each word with a placeholder value.
template <typename Words>
FlatTextMap<char> word_set(const Words& words) {
  std::vector<std::pair<std::string_view, char>> pairs;
  for (const std::string_view word : words) pairs.emplace_back(word, 1);
  return FlatTextMap<char>::from_pairs(pairs);
}

const KindMap& qualifiers() {
  static const KindMap map = KindMap::from_pairs(kQualifiers);
  return map;
}

const KindMap& feature_words() {
  static const KindMap map = KindMap::from_pairs(kFeatureWords);
  return map;
}

constexpr std::string_view kPartWords[] = {
    "big", "small", "great", "little", "upper", "lower", "old", "new", "eastern", "western", "northern",
    "southern", "east", "west", "north", "south", "kabir", "kbir", "kebir", "kabira", "kbira", "saghir",
    "sghir", "saghira", "sghira", "zghir", "fawqani", "foqani", "fouqani", "tahtani", "tahtany", "sharqi",
    "sharki", "gharbi", "shamali", "janubi", "jadid", "jdid", "jadida", "qadim", "qadima", "wusta", "wasta",
    // the town proper and its suburb: "Douma al-Balad", "Harasta al-Dahiya"; "of Sham" (Busra al-Sham,
    // Muadamiyat al-Sham), which writers often leave out
    "balad", "dahiya", "dahiyah", "dahiyeh", "sham",
    "كبير", "صغير", "كبيره", "صغيره", "كبري", "صغري", "فوقاني", "تحتاني", "شرقي", "غربي", "شمالي", "جنوبي",
    "جديد", "جديده", "قديم", "قديمه", "وسطاني", "قريبه", "بعيده",
    // the feminine forms a village (قرية، بلدة) takes, and the Levantine lower, upper and southern
    "شرقيه", "غربيه", "شماليه", "جنوبيه", "فوقانيه", "تحتانيه", "وسطانيه", "تحتا", "فوقا", "وسطي", "قبلي",
    "قبليه", "بلد", "ضاحيه", "شام",
};

}  // namespace

bool is_part_word(std::string_view word) {
  static const FlatTextMap<char> words = word_set(kPartWords);
  return words.contains(word);
}

bool is_qualifier_word(std::string_view word) { return find_kind(qualifiers(), word).has_value(); }

std::optional<PlaceKind> kind_of_qualifier(std::string_view word) {
  auto kind = find_kind(qualifiers(), word);
  if (kind && *kind == PlaceKind::Other) return std::nullopt;
  return kind;
}

std::optional<PlaceKind> kind_of_feature_word(std::string_view word) { return find_kind(feature_words(), word); }

bool is_landform_word(std::string_view word) {
  static constexpr std::string_view kLandformWords[] = {
      "jabal", "jebel", "jbel", "jabel", "mount", "mountain", "mountains", "hill", "hills", "harsh", "forest",
      "woods", "spring", "springs", "plain", "plains", "valley",
      "جبل", "جبال", "حرش", "احراش", "نبع", "ينابيع", "سهل", "سهول", "تله", "تلال", "غابه", "غابات",
  };
  static const FlatTextMap<char> words = word_set(kLandformWords);
  return words.contains(word);
}

const std::vector<std::string_view>& generic_name_words() {
  static const std::vector<std::string_view> words = {"kafr", "tal", "dayr", "ayn", "khirbat", "abu", "um",
                                                       "jabal", "shaykh", "bir", "كفر", "تل", "دير", "عين",
                                                       "خربه", "ابو", "ام", "جبل", "شيخ", "بير"};
  return words;
}

std::vector<std::string> without_generic_edge(const std::vector<std::string>& words) {
  if (words.size() < 2) return {};
  if (is_landform_word(words.front()) || is_part_word(words.front())) return {words.begin() + 1, words.end()};
  if (is_part_word(words.back())) return {words.begin(), words.end() - 1};
  return {};
}

}  // namespace conflictmap
