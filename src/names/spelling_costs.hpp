#pragma once
// What an edit costs when two spellings of one script are compared: one letter written for another, or a
// letter one spelling has and the other lacks. Learned from a gazetteer's own names (see
// spelling_cost_learning.hpp) and kept beside it in spelling_costs.tsv; without them, every edit costs 1 and
// the distance is Levenshtein's.
#include <array>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace conflictmap {

// The spellings compared: both in Latin letters (folded, see latin_normaliser), or both in Arabic (compact
// name keys: one byte per letter, 0x80 + the letter's offset from U+0620).
enum class SpellingScript : std::uint8_t { Latin = 0, Arabic = 1 };
inline constexpr int kSpellingScripts = 2;

// Where a letter that the other spelling lacks stands: next to the same letter ("Ma'arrata"/"Ma'arata"),
// last ("Ramlah"/"Ramla"), or anywhere else. Writers double and end words differently, so each has its cost.
enum class InsertionPlace : std::uint8_t { Plain = 0, Doubled = 1, Final = 2 };
inline constexpr int kInsertionPlaces = 3;

InsertionPlace insertion_place(std::string_view spelling, std::size_t i);

class SpellingCosts {
 public:
  // Every edit costs 1.
  SpellingCosts();

  double substitution(SpellingScript script, unsigned char from, unsigned char to) const {
    return table(script).substitution[from][to];
  }
  double insertion(SpellingScript script, unsigned char letter, InsertionPlace place) const {
    return table(script).insertion[static_cast<int>(place)][letter];
  }
  // Sets a cost in (0, 1]; substitutions are symmetric, so both directions are set.
  void set_substitution(SpellingScript script, unsigned char a, unsigned char b, double cost);
  void set_insertion(SpellingScript script, unsigned char letter, InsertionPlace place, double cost);

  // The cheapest way to spell `b` from `a` with these costs (two neighbouring letters swapped cost 0.6). A
  // different last letter always costs 1: endings ("-a", "-i", "-iya") tell names apart.
  double distance(SpellingScript script, std::string_view a, std::string_view b) const;
  // 1 - distance / longer length, in [0, 1]; 1 for two empty strings. Spellings that differ in more than a
  // third of their letters (by Levenshtein's count) are compared with Levenshtein's costs.
  double similarity(SpellingScript script, std::string_view a, std::string_view b) const;

  // True when some edit costs less than 1 (in that script).
  bool learned() const { return learned_[0] || learned_[1]; }
  bool learned(SpellingScript script) const { return learned_[static_cast<int>(script)]; }

  // The table as text: a header, then one line per edit that costs less than 1 (script, edit, letter, other
  // letter, cost), in a fixed order, so that the same costs always give the same bytes.
  void write(std::ostream& out) const;
  // Reads what write() wrote; errors name the file and line (InputError).
  static SpellingCosts read(const std::string& text, const std::string& file);

 private:
  struct Table {
    float substitution[256][256];
    float insertion[kInsertionPlaces][256];
  };
  const Table& table(SpellingScript script) const { return (*tables_)[static_cast<int>(script)]; }
  Table& table(SpellingScript script) { return (*tables_)[static_cast<int>(script)]; }
  // on the heap: the tables are half a megabyte, and a gazetteer is moved about
  std::unique_ptr<std::array<Table, kSpellingScripts>> tables_;
  std::array<bool, kSpellingScripts> learned_{};

 public:
  SpellingCosts(const SpellingCosts& other);
  SpellingCosts& operator=(const SpellingCosts& other);
  SpellingCosts(SpellingCosts&&) noexcept = default;
  SpellingCosts& operator=(SpellingCosts&&) noexcept = default;
  ~SpellingCosts() = default;
};

// One shared table in which every edit costs 1 (Levenshtein's), for callers that have no learned costs.
const SpellingCosts& levenshtein_costs();

// The header line of spelling_costs.tsv.
inline constexpr const char* kSpellingCostsHeader = "script\tedit\tletter\tother\tcost";

}  // namespace conflictmap
