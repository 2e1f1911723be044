#include "events/relative_date.hpp"


namespace conflictmap {

namespace {

EventDate days_before(std::optional<CivilDate> published, int days, TimePrecision precision, std::string written) {
  EventDate d;
  d.written = std::move(written);
  if (!published) return d;  // undated: the words are kept, the date cannot be set
  d.date = CivilDate::from_days(published->days() - days);
  d.precision = precision;
  return d;
}

}  // namespace

std::optional<EventDate> read_relative_date(const std::vector<Token>& tokens, std::string_view text,
                                            const Lexicon& lexicon, std::optional<CivilDate> published) {
  auto written = [&](std::size_t first, std::size_t last) {
    return std::string(text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
  };
  const auto date_words = lexicon.mask({"relative_day", "relative_week", "relative_month", "weekday"});
  const auto days = lexicon.mask({"days"});
  const auto ago = lexicon.mask({"ago"});
  // Tokens carry the kinds of the phrases they begin (Lexicon::annotate): a sentence with no word of a date
  // kind is passed over without a lookup per word.
  KindMask sentence_kinds = 0;
  for (const auto& token : tokens) sentence_kinds |= token.lexicon == &lexicon ? token.phrase_kinds : ~KindMask{0};
  if (!(sentence_kinds & (date_words | days | ago))) return std::nullopt;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (auto m = lexicon.match_at(tokens, i, date_words)) {
      const auto& kind = m->phrase->kind;
      const int value = static_cast<int>(m->phrase->value);
      if (kind == "weekday") {
        // "on Wednesday": the last such day on or before the report
        if (!published) return days_before(published, 0, TimePrecision::Day, written(m->first, m->last));
        const int back = (published->weekday() - value + 7) % 7;
        return days_before(published, back, TimePrecision::Day, written(m->first, m->last));
      }
      const auto precision = kind == "relative_day"    ? TimePrecision::Day
                             : kind == "relative_week" ? TimePrecision::Week
                                                       : TimePrecision::Month;
      return days_before(published, value, precision, written(m->first, m->last));
    }
    // "4 days ago", "four days ago"
    if (i + 2 < tokens.size() && lexicon.is_kind(tokens[i + 1], days) && lexicon.is_kind(tokens[i + 2], ago)) {
      if (auto n = read_number(tokens, i, lexicon)) return days_before(published, *n, TimePrecision::Day, written(i, i + 3));
    }
    // "منذ أربعة أيام": since four days
    if (tokens[i].script == Script::Arabic && i + 2 < tokens.size() && lexicon.is_kind(tokens[i], ago) &&
        lexicon.is_kind(tokens[i + 2], days)) {
      if (auto n = read_number(tokens, i + 1, lexicon)) return days_before(published, *n, TimePrecision::Day, written(i, i + 3));
    }
  }
  return std::nullopt;
}

}  // namespace conflictmap
