#pragma once
// The words extraction reads, loaded from the lexicon folder (gazetteer/lexicons by default): actors with
// their aliases (actors.tsv), event triggers (triggers.tsv) and the rest (words.tsv). Users extend these
// files for other conflicts and languages without touching code.
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "events/text_tokens.hpp"

namespace conflictmap {

struct Phrase {
  std::string kind;                // trigger or word kind; "actor" for actor aliases
  std::vector<std::string> words;  // folded (see fold_phrase)
  double value = 0;                // numbers, days, weekdays
  std::string canonical;           // actors: the canonical name
  std::string side;                // actors: government, non-state, external, civilian
  std::string written;             // the phrase as the file spells it
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
  bool is_kind(std::string_view word, std::string_view kind) const;
  std::size_t size() const { return phrases_.size(); }

 private:
  void add(Phrase phrase);
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
};

// A number at token i, in digits or words ("70", "eight", "ثمانية"); with `vague`, also a vague quantity
// read as ACLED reads it ("dozens" → 12). `width` receives how many tokens it spans.
std::optional<int> read_number(const std::vector<Token>& tokens, std::size_t i, const Lexicon& lexicon,
                               bool vague = false, std::size_t* width = nullptr);

// $CONFLICTMAP_LEXICONS, or the embedded gazetteer/lexicons.
std::filesystem::path default_lexicon_folder();

}  // namespace conflictmap
