#pragma once
// Reports to events, stage by stage: sentences (report_document) → place mentions (place_mentions) → triggers
// (event_triggers) → arguments: places (place_assignment, document_places), actors (actor_roles), counts
// (strike_counts) and dates (explicit_date, relative_date) → events → reconciliation across the report
// (event_reconciliation). This class runs the stages and builds the events with the sentence each came from.
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "events/actor_roles.hpp"
#include "events/event_triggers.hpp"
#include "events/explicit_date.hpp"
#include "events/lexicon.hpp"
#include "events/place_assignment.hpp"
#include "events/place_mentions.hpp"
#include "events/report_document.hpp"
#include "resolve/resolver.hpp"

namespace conflictmap {

// Something that looked like part of an event but could not be placed or classified.
struct UnresolvedMention {
  std::string document;
  std::size_t begin = 0, end = 0;  // byte offsets in the document
  std::string text;                // the place or trigger as written
  std::string reason;
  std::string sentence;
};

struct ExtractedReport {
  std::vector<Event> events;
  std::vector<UnresolvedMention> unresolved;
};

class EventExtractor {
 public:
  EventExtractor(const Resolver& resolver, const Lexicon& lexicon);
  // `date` overrides the report's own header date; relative dates resolve against whichever is given. Up to
  // `threads` threads find the sentences' place mentions and actors (for one long report; a corpus runs its
  // reports on the threads instead); the events are the same for any number.
  ExtractedReport extract(const ReportDocument& report, std::optional<CivilDate> date = std::nullopt,
                          unsigned threads = 1) const;

 private:
  // The date of a sentence's events: a date it writes, a day counted from the last day told or from the
  // publication, or the day the sentences before it told. Moves `state` on.
  EventDate date_of_sentence(const std::vector<Token>& tokens, std::string_view text, DateState& state,
                             std::optional<CivilDate> published) const;
  const Resolver& resolver_;
  const Lexicon& lexicon_;
  MentionFinder mentions_;
  TriggerFinder triggers_;
  PlaceAssigner places_;
  ActorRoles actors_;
  // Whether a phrase saying "near" ends right before token `first`.
  bool near_before(const std::vector<Token>& tokens, std::size_t first) const;
  KindMask anaphor_ = 0, near_ = 0, pronoun_ = 0;
};

}  // namespace conflictmap
