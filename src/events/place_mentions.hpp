#pragma once
// Where a sentence names places: any gazetteer spelling in either script (not only capitalised words:
// "em Alwohoush", "Alkafra"), unknown names a qualifier marks ("Alnashwa neighborhood", "قرية كفر بطونة"),
// and the items of a list after a territorial verb ("control each of A, B and C villages").
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "events/lexicon.hpp"
#include "events/text_tokens.hpp"
#include "resolve/resolver.hpp"

namespace conflictmap {

struct PlaceMention {
  std::size_t first = 0, last = 0;  // token range [first, last) in the sentence
  std::string text;                 // as written, with any locating tail ("Alnashwa neighborhood in the southeast of Hasaka")
  bool known = false;               // a gazetteer spelling
  bool region = false;              // names an area that locates others ("countryside of Aleppo"), not an event place
  bool locator = false;             // a region only because it locates the place before it ("X in Aleppo")
  std::string named_for;            // a facility's: the known place it is named for ("التياس" of "قاعدة التياس الجوية")
};

class MentionFinder {
 public:
  MentionFinder(const Resolver& resolver, const Lexicon& lexicon);
  // Mentions in one sentence, in text order, without overlaps. `text` is the sentence, tokens its tokens.
  // `introduced`: words the document has written after a settlement word ("قرية الشريفة"), which it may then
  // write bare though they are also ordinary words (see introduced_names).
  std::vector<PlaceMention> find(std::string_view text, const std::vector<Token>& tokens,
                                 const std::unordered_set<std::string>& introduced = {}) const;
  // Adds to `introduced` the forms of the Arabic words a sentence writes right after a settlement word.
  void introduced_names(const std::vector<Token>& tokens, std::unordered_set<std::string>& introduced) const;

 private:
  bool is_name_word(const Token& token) const;
  std::vector<std::string> key_words_of(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                                        std::size_t last) const;
  const Resolver& resolver_;
  const Lexicon& lexicon_;
  std::unordered_set<std::string> first_words_;  // first key word of every gazetteer name, raw and folded
  KindMask blocking_ = 0, group_name_ = 0, territorial_ = 0, names_no_place_after_ = 0, speech_ = 0, people_ = 0, title_ = 0, locative_ = 0, event_noun_ = 0, headline_word_ = 0;
  KindMask not_a_name_ = 0, qualifier_ = 0, generic_ = 0, connector_ = 0, unit_ = 0, facility_ = 0, facility_head_ = 0, number_ = 0, within_ = 0,
           lying_by_ = 0;
};

}  // namespace conflictmap
