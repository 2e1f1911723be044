#pragma once
// Every gazetteer name under its keys: exact form, folded spelling, consonant skeleton, and skeleton trigrams
// for fuzzy lookups.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/flat_text_map.hpp"
#include "core/resolution.hpp"
#include "gazetteer/gazetteer.hpp"
#include "names/name_keys.hpp"

namespace conflictmap {

struct IndexedName {
  std::uint32_t place = 0;
  std::uint32_t name = 0;  // index into the place's names
  NameKeys keys;
  bool derived = false;    // a feature word was dropped ("Kuweires Airbase" → "Kuweires")
};

struct NameHit {
  std::uint32_t entry = 0;
  std::uint32_t place = 0;  // the entry's place and name, kept beside it so ranking reads no entry
  std::uint32_t name = 0;
  double similarity = 0.0;  // in [0, 1], before any context
  MatchKind match = MatchKind::Fuzzy;
};

class NameIndex {
 public:
  explicit NameIndex(const Gazetteer& gazetteer);

  // Names matching the query keys, best per place, most similar first. `word_form` is the query's words as
  // written (see key_words): equal word forms are exact matches. Fuzzy hits (similarity >= min_fuzzy) are
  // searched only when `fuzzy` is set, since they cost most.
  std::vector<NameHit> lookup(const NameKeys& query, std::string_view word_form, double min_fuzzy = 0.6,
                              bool fuzzy = true) const;
  // Places with a name written exactly so (its key words joined, as key_words and join_words give them).
  std::vector<std::uint32_t> places_spelt(std::string_view word_form) const {
    std::vector<std::uint32_t> places;
    for (const auto& ref : by_exact_.find(word_form)) places.push_back(ref.place);
    return places;
  }
  // True when some name has exactly this folded spelling.
  bool knows_spelling(const NameKeys& keys) const { return by_folded_.contains(keys.folded); }
  const IndexedName& entry(std::uint32_t id) const { return entries_[id]; }
  std::size_t size() const { return entries_.size(); }

 private:
  void collect_fuzzy(const NameKeys& query, double min_fuzzy, std::vector<NameHit>& hits) const;
  void collect_fuzzy_remembered(const NameKeys& query, double min_fuzzy, std::vector<NameHit>& hits) const;
  std::string_view spelling_at(std::uint32_t begin, std::uint32_t size) const { return {spellings_.data() + begin, size}; }

  std::vector<IndexedName> entries_;
  // What scoring reads of an entry, inline in the lookup tables: reading each entry instead costs a cache miss
  // per name (an entry's keys span several lines).
  struct EntryRef {
    std::uint32_t entry = 0;
    std::uint32_t place = 0;
    std::uint32_t name = 0;
    Script script = Script::Unknown;
    bool derived = false;
  };
  FlatTextMap<EntryRef> by_exact_;   // names as written (their words joined)
  FlatTextMap<EntryRef> by_folded_;  // folded spellings
  // An exact lookup scores every name of the query's skeleton, so a bucket holds what scoring needs inline.
  struct SkeletonMember {
    std::uint32_t entry = 0;
    std::uint32_t place = 0;
    std::uint32_t name = 0;
    std::uint32_t own = 0;         // keys.compact: its offset in spellings_ (one per distinct spelling)
    std::uint32_t own_size = 0;
    std::uint32_t latin = 0;       // keys.latin_compact(), likewise
    std::uint32_t latin_size = 0;
    Script script = Script::Unknown;
    bool derived = false;
  };
  FlatTextMap<SkeletonMember> by_skeleton_;
  static FlatTextMap<SkeletonMember> skeleton_table(const std::vector<IndexedName>& entries, std::string& spellings);
  std::string spellings_;  // distinct compact forms, back to back
  std::vector<std::string> skeletons_;                    // distinct skeletons
  std::vector<std::vector<std::uint32_t>> skeleton_entries_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> trigrams_;  // trigram → skeleton ids
  const Gazetteer* gazetteer_;
  std::uint64_t serial_ = 0;  // tells this index from a later one at the same address
};

// How alike two names are once they are known to share a skeleton or to be fuzzy neighbours; two spellings
// of one script are compared with `costs` (the gazetteer's learned ones; by default every edit costs 1).
double name_similarity(const NameKeys& query, const NameKeys& candidate, const SpellingCosts& costs = levenshtein_costs());

}  // namespace conflictmap
