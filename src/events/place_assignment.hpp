#pragma once
// Which trigger each place of a sentence belongs to: the nearest verb before it, else the first after it (never
// across a speech verb); a list after "including"/"منها" to the last verb of control before it; never where
// people came from; never across a semicolon or a clause of purpose ("in an attempt to cut the road linking X to
// Y"); and a verb of control that names no place takes those of the one before it ("regained it").
#include <cstdint>
#include <string_view>
#include <vector>

#include "events/event_triggers.hpp"
#include "events/lexicon.hpp"
#include "events/place_mentions.hpp"
#include "events/text_tokens.hpp"

namespace conflictmap {

class PlaceAssigner {
 public:
  explicit PlaceAssigner(const Lexicon& lexicon);
  // Fills each live trigger's `places` with indexes into `mentions`. `live` lists the triggers that tell events,
  // in text order; areas (mentions marked region) are left to the caller.
  // `text` is the sentence the tokens were read from.
  void assign(std::string_view text, const std::vector<Token>& tokens, const std::vector<const PlaceMention*>& mentions,
              std::vector<Trigger>& triggers, const std::vector<std::size_t>& live) const;

 private:
  const Lexicon& lexicon_;
  KindMask list_start_ = 0, speech_ = 0, origin_ = 0, spread_ = 0, expulsion_ = 0, purpose_ = 0, pronoun_ = 0, within_ = 0, located_after_ = 0, relative_ = 0;
};

}  // namespace conflictmap
