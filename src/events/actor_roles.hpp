#pragma once
// Who did what in a sentence: the actors it names as acting (and apart from them, those it names as backing
// them), the actor of each trigger, the other side, and what earlier sentences said of who was acting and who
// flies the aircraft.
#include <string>
#include <string_view>
#include <vector>

#include "core/event.hpp"
#include "events/event_triggers.hpp"
#include "events/lexicon.hpp"
#include "events/text_tokens.hpp"

namespace conflictmap {

struct SentenceActors {
  std::vector<PhraseMatch> acting;   // in text order
  std::vector<PhraseMatch> backers;  // "backed by Russian air strikes", "U.S.-backed"
  std::vector<PhraseMatch> holders;  // "rebel-held", "IS-controlled": who holds a place, never the actor
  std::vector<PhraseMatch> targets;  // of the holders, those an attack lands on ("strikes on IS positions")
};

// What the sentences before have said: the last actor named, and the last state or foreign power named.
struct ActorMemory {
  Actor last;
  Actor last_state;
  Actor last_group;  // the last armed group (no state) named: what "the group", "المجموعة" refer to
};

class ActorRoles {
 public:
  explicit ActorRoles(const Lexicon& lexicon);
  // The actors of one sentence. An acronym the lexicon writes in capitals ("IS") counts only when the text
  // writes it in capitals; a party that backs an attack ("backed by", "U.S.-backed", "بدعم من") is a backer, and
  // one fought against ("anti-ISIL forces", "مناوئة لداعش") is a holder, the other side, never the actor.
  // `place_starts` are the tokens where the sentence's place names begin: an Arabic noun in construct with one
  // ("قاعدة كويرس", the base of Kuweires) is no party, whatever party the noun also names ("القاعدة").
  SentenceActors find(const std::vector<Token>& tokens, std::string_view text,
                      const std::vector<std::size_t>& place_starts = {}) const;
  // The actor of a trigger: the backer for a supporting strike; for an air strike the state the sentence names,
  // else the last air power named; the agent after "by"; after the verb in Arabic; else the nearest before it.
  // `coordinated` is the actor of the trigger before it in the sentence, if any: a verb joined to it by "and",
  // with no subject of its own, shares it.
  Actor actor_of(const Trigger& trigger, const SentenceActors& actors, const std::vector<Token>& tokens,
                 std::string_view text, const ActorMemory& memory, const Actor* coordinated = nullptr) const;
  // The first actor of the sentence other than `first` and not civilians, acting or holding: the other side.
  Actor other_side(const Actor& first, const SentenceActors& actors, const std::vector<Token>& tokens,
                   std::string_view text) const;
  // The side of an actor the sentence names ("government", "non-state", "external"), or "".
  std::string side_of(const std::string& canonical, const SentenceActors& actors) const;
  // Moves the memory on past a sentence.
  void remember(const SentenceActors& actors, const std::vector<Token>& tokens, std::string_view text,
                ActorMemory& memory) const;

 private:
  const Lexicon& lexicon_;
  KindMask actor_ = 0, supporter_ = 0, backed_after_ = 0, relative_ = 0, control_ = 0, opposed_ = 0, accompanying_ = 0,
                attack_ = 0, attacked_on_ = 0, positions_ = 0, military_adjective_ = 0, taking_ = 0,
           group_anaphor_ = 0;
};

}  // namespace conflictmap
