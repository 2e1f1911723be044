#pragma once
// Reports to events: each sentence's triggers ("air strikes", "took control", "سيطر") become events at the
// places the sentence names, with actors, counts, fatalities and a date, and the sentence they came from.
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "events/event_triggers.hpp"
#include "events/explicit_date.hpp"
#include "events/lexicon.hpp"
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
  // `date` overrides the report's own header date; relative dates resolve against whichever is given.
  ExtractedReport extract(const ReportDocument& report, std::optional<CivilDate> date = std::nullopt) const;

 private:
  // The date of a sentence's events: a date it writes, a day counted from the last day told or from the
  // publication, or the day the sentences before it told. Moves `state` on.
  EventDate date_of_sentence(const std::vector<Token>& tokens, std::string_view text, DateState& state,
                             std::optional<CivilDate> published) const;
  // The actors a sentence names as doing something; those it names as backing them go to `backers`.
  std::vector<PhraseMatch> actors_acting(const std::vector<Token>& tokens, std::string_view text,
                                         std::vector<PhraseMatch>& backers) const;
  const Resolver& resolver_;
  const Lexicon& lexicon_;
  MentionFinder mentions_;
  TriggerFinder triggers_;
  std::uint64_t actor_ = 0, supporter_ = 0, backed_after_ = 0, list_start_ = 0, origin_ = 0, of_them_ = 0, speech_ = 0, anaphor_ = 0;
};

}  // namespace conflictmap
