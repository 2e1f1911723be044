#pragma once
// Dates a report writes out: "14 March 2016", "March 14, 2016", "On 14 March" (its year from the document),
// "2016-03-14", "14 آذار 2016", "14 مارس", a month heading "September 2015", and days anchored on the last date
// told ("the next day", "later that day", "في اليوم التالي").
#include <optional>
#include <string>

#include "core/event.hpp"
#include "events/lexicon.hpp"
#include "events/text_tokens.hpp"

namespace conflictmap {

// What a report has said of time so far, carried from sentence to sentence.
struct DateState {
  std::optional<CivilDate> last_day;  // the last day a sentence told or inherited
  int year = 0;                       // the last year written, 0 when none
  int month = 0;                      // the month of that year, 0 when none
};

struct WrittenDate {
  EventDate date;             // precision Day for a day; Week for a span ("12 and 13 September"); Month for a month alone
  bool anchored = false;      // "the next day": relative to the last day told
};

// The first date the tokens write out, completed from `state` (a day without a year takes the state's year, or
// the publication's, never a date after the publication). Updates `state.year` and `state.month` from what it
// reads. Returns nothing when the tokens write no date.
std::optional<WrittenDate> read_written_date(const std::vector<Token>& tokens, std::string_view text, const Lexicon& lexicon,
                                             DateState& state, std::optional<CivilDate> published);

// A news release's dateline at the start of a sentence: "EASTERN SYRIA, Feb. 3, 2018 — …", "RAQQA, Syria,
// March 3, 2018 -- …". Its date is when the release was written, the day "yesterday" in it counts back from,
// not the day of what it tells. Returns that date and where the text after the dash begins.
struct Dateline {
  CivilDate date;
  std::size_t text_begins = 0;
};
std::optional<Dateline> read_dateline(std::string_view sentence);

}  // namespace conflictmap
