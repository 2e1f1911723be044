#pragma once
// Every gazetteer name under its keys: exact form, folded spelling, consonant skeleton, and skeleton trigrams
// for fuzzy lookups.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text_hash.hpp"
#include "core/resolution.hpp"
#include "gazetteer/gazetteer.hpp"
#include "resolve/name_keys.hpp"

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
  // True when some name has exactly this folded spelling.
  bool knows_spelling(const NameKeys& keys) const { return by_folded_.count(keys.folded) > 0; }
  const IndexedName& entry(std::uint32_t id) const { return entries_[id]; }
  std::size_t size() const { return entries_.size(); }

 private:
  void add(std::uint32_t place, std::uint32_t name, NameKeys keys, bool derived, std::string exact);
  void collect_fuzzy(const NameKeys& query, double min_fuzzy, std::vector<NameHit>& hits) const;
  void collect_fuzzy_remembered(const NameKeys& query, double min_fuzzy, std::vector<NameHit>& hits) const;

  std::vector<IndexedName> entries_;
  // looked up by string_view without building a string
  using KeyHash = TextHash;
  using KeyMap = std::unordered_map<std::string, std::vector<std::uint32_t>, KeyHash, std::equal_to<>>;
  KeyMap by_exact_;
  KeyMap by_folded_;
  // An exact lookup scores every name of the query's skeleton, so a bucket holds what scoring needs inline:
  // reading each entry's keys instead costs a cache miss per name.
  struct SkeletonMember {
    std::uint32_t entry = 0;
    std::uint32_t place = 0;
    std::uint32_t name = 0;
    std::uint32_t own = 0;    // spelling id of keys.compact
    std::uint32_t latin = 0;  // spelling id of keys.latin_compact()
    Script script = Script::Unknown;
    bool derived = false;
  };
  std::unordered_map<std::string, std::vector<SkeletonMember>, KeyHash, std::equal_to<>> by_skeleton_;
  std::vector<std::string> spellings_;  // distinct compact forms, by id
  std::vector<std::string> skeletons_;                    // distinct skeletons
  std::vector<std::vector<std::uint32_t>> skeleton_entries_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> trigrams_;  // trigram → skeleton ids
  const Gazetteer* gazetteer_;
  std::uint64_t serial_ = 0;  // tells this index from a later one at the same address
};

// How alike two names are once they are known to share a skeleton or to be fuzzy neighbours.
double name_similarity(const NameKeys& query, const NameKeys& candidate);

}  // namespace conflictmap
