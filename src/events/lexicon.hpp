#pragma once
// The words extraction reads, loaded from the lexicon folder (gazetteer/lexicons by default): actors with
// their aliases (actors.tsv), event triggers (triggers.tsv) and the rest (words.tsv). Users extend these
// files for other conflicts and languages without touching code.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text_hash.hpp"
#include "events/text_tokens.hpp"

namespace conflictmap {

struct Phrase {
  std::string kind;                // trigger or word kind; "actor" for actor aliases
  std::vector<std::string> words;  // folded (see fold_phrase)
  double value = 0;                // numbers, days, weekdays
  std::string canonical;           // actors: the canonical name
  std::string side;                // actors: government, non-state, external, civilian
  std::string written;             // the phrase as the file spells it
  KindMask kind_bit = 0;      // this kind's bit, for fast filtering by kind
  bool object_pronoun = false;     // an Arabic verb written with its object ("اقتحموها", they stormed it)
};

struct PhraseMatch {
  const Phrase* phrase = nullptr;
  std::size_t first = 0, last = 0;  // token range [first, last)
};

class Lexicon {
 public:
  // Reads actors.tsv, triggers.tsv and words.tsv; errors name the file and line.
  static Lexicon load(const std::filesystem::path& folder);

  // Every phrase of the given kinds (empty: any kind) found in the tokens, longest first at each position,
  // without overlaps, in text order.
  std::vector<PhraseMatch> find(const std::vector<Token>& tokens, const std::vector<std::string>& kinds) const;
  // The longest phrase of the kinds starting at token i, if any.
  std::optional<PhraseMatch> match_at(const std::vector<Token>& tokens, std::size_t i,
                                      const std::vector<std::string>& kinds) const;
  // The same, for a set of kinds made once with mask() (a sentence asks for the same kinds at every word).
  std::vector<PhraseMatch> find(const std::vector<Token>& tokens, KindMask kinds) const;
  std::optional<PhraseMatch> match_at(const std::vector<Token>& tokens, std::size_t i, KindMask kinds) const;
  KindMask mask(const std::vector<std::string>& kinds) const { return mask_of(kinds); }
  // the same for kinds written in the code, which per-sentence callers name without building strings
  KindMask mask(std::initializer_list<std::string_view> kinds) const;
  // Looks up each token's first-word phrases once, for every later find() and match_at() on these tokens.
  void annotate(std::vector<Token>& tokens) const;
  KindMask number_kinds() const { return number_kinds_; }  // "number"
  KindMask vague_kinds() const { return vague_kinds_; }    // "vague"
  bool is_kind(std::string_view word, std::string_view kind) const;
  bool is_kind(std::string_view word, KindMask kinds) const;  // a one-word phrase of any of the kinds
  // The same for a token's form (or its alt), without hashing when annotate() has seen the token.
  bool is_kind(const Token& token, KindMask kinds) const;
  bool is_kind_alt(const Token& token, KindMask kinds) const;
  std::size_t size() const { return phrases_.size(); }

 private:
  void add(Phrase phrase);
  // The person, number and object suffixes of the Arabic verbs among the first `trigger_count` phrases.
  void add_arabic_inflections(std::size_t trigger_count);
  KindMask mask_of(const std::vector<std::string>& kinds) const;
  std::vector<Phrase> phrases_;

  using WordHash = TextHash;
  std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>> by_first_word_;
  std::unordered_map<std::string, KindMask, WordHash, std::equal_to<>> kind_bit_of_;
  KindMask number_kinds_ = 0, vague_kinds_ = 0;
};

// A number at token i, in digits or words ("70", "eight", "ثمانية"); with `vague`, also a vague quantity
// read as ACLED reads it ("dozens" → 12). `width` receives how many tokens it spans.
std::optional<int> read_number(const std::vector<Token>& tokens, std::size_t i, const Lexicon& lexicon,
                               bool vague = false, std::size_t* width = nullptr);

// $CONFLICTMAP_LEXICONS, or the embedded gazetteer/lexicons.
std::filesystem::path default_lexicon_folder();

}  // namespace conflictmap
