#include "events/explicit_date.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <regex>

namespace conflictmap {

namespace {

std::optional<int> digits(const Token& token, int low, int high) {
  const auto& f = token.form;
  if (f.empty() || f.size() > 4) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(f.data(), f.data() + f.size(), value);
  if (error != std::errc() || end != f.data() + f.size() || value < low || value > high) return std::nullopt;
  return value;
}

// "14th", "1st": a day written with its ordinal ending folds to digits and letters
std::optional<int> day_number(const Token& token) {
  if (auto d = digits(token, 1, 31)) return d;
  const auto& f = token.form;
  for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (f.size() > suffix.size() && f.size() <= suffix.size() + 2 && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0) {
      Token digits_only = token;
      digits_only.form = f.substr(0, f.size() - suffix.size());
      return digits(digits_only, 1, 31);
    }
  }
  return std::nullopt;
}

bool valid_day(int year, int month, int day) {
  const auto date = CivilDate::parse(CivilDate{year, month, day}.iso());
  return date.has_value();
}

}  // namespace

std::optional<WrittenDate> read_written_date(const std::vector<Token>& tokens, std::string_view text, const Lexicon& lexicon,
                                             DateState& state, std::optional<CivilDate> published) {
  const auto month_kind = lexicon.mask({"month"});
  const auto anchored_kind = lexicon.mask({"anchored_day"});
  const auto span_joiner = lexicon.mask({"span_joiner"});
  auto written = [&](std::size_t first, std::size_t last) {
    return std::string(text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
  };
  // the year a day without one is in: the document's last year, else the publication's, never after it
  auto year_for = [&](int month, int day) {
    if (state.year) return state.year;
    if (!published) return 0;
    int year = published->year;
    if (month > published->month || (month == published->month && day > published->day)) --year;
    return year;
  };
  auto day_date = [&](int year, int month, int day, TimePrecision precision, std::string words) -> std::optional<WrittenDate> {
    WrittenDate out;
    out.date.written = std::move(words);
    if (year == 0 || !valid_day(year, month, day)) {
      out.date.precision = TimePrecision::Undated;
      return out;
    }
    out.date.date = CivilDate{year, month, day};
    out.date.precision = precision;
    state.year = year;
    state.month = month;
    return out;
  };
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    // "2016-03-14"
    if (i + 2 < n && text.substr(tokens[i].end, 1) == "-" && text.substr(tokens[i + 1].end, 1) == "-") {
      const auto y = digits(tokens[i], 1900, 2100), m = digits(tokens[i + 1], 1, 12), d = digits(tokens[i + 2], 1, 31);
      if (y && m && d && tokens[i + 1].form.size() == 2) return day_date(*y, *m, *d, TimePrecision::Day, written(i, i + 3));
    }
    if (auto anchored = lexicon.match_at(tokens, i, anchored_kind)) {
      if (!state.last_day) continue;
      WrittenDate out;
      out.anchored = true;
      out.date.date = CivilDate::from_days(state.last_day->days() + static_cast<std::int64_t>(anchored->phrase->value));
      out.date.precision = TimePrecision::Day;
      out.date.written = written(anchored->first, anchored->last);
      return out;
    }
    const auto month = lexicon.match_at(tokens, i, month_kind);
    if (!month) continue;
    const int m = static_cast<int>(month->phrase->value);
    const std::size_t after = month->last;
    // "14 March", "14th of March", "12 and 13 September", "12-13 September"
    std::size_t before = i;
    if (before > 0 && tokens[before - 1].form == "of") --before;
    if (before > 0) {
      if (auto d = day_number(tokens[before - 1])) {
        std::size_t first = before - 1;
        bool span = false;
        if (first >= 2 && day_number(tokens[first - 2]) &&
            (lexicon.match_at(tokens, first - 1, span_joiner) || text.substr(tokens[first - 2].end, tokens[first - 1].begin - tokens[first - 2].end) == "-")) {
          span = true;
          first -= 2;
          d = day_number(tokens[first]);
        } else if (first >= 1 && day_number(tokens[first - 1]) && text.substr(tokens[first - 1].end, 1) == "-") {
          span = true;
          first -= 1;
          d = day_number(tokens[first]);
        }
        std::size_t last = after;
        int year = 0;
        if (after < n) {
          if (auto y = digits(tokens[after], 1900, 2100)) {
            year = *y;
            last = after + 1;
          }
        }
        if (!year) year = year_for(m, *d);
        return day_date(year, m, *d, span ? TimePrecision::Week : TimePrecision::Day, written(first, last));
      }
    }
    // "March 14, 2016", "March 14"
    if (after < n) {
      if (auto d = day_number(tokens[after]); d && !digits(tokens[after], 1900, 2100)) {
        std::size_t last = after + 1;
        int year = 0;
        if (last < n) {
          if (auto y = digits(tokens[last], 1900, 2100)) {
            year = *y;
            ++last;
          }
        }
        if (!year) year = year_for(m, *d);
        return day_date(year, m, *d, TimePrecision::Day, written(i, last));
      }
      // "September 2015": a month heading or a month of a year
      if (auto y = digits(tokens[after], 1900, 2100)) {
        state.year = *y;
        state.month = m;
        WrittenDate out;
        out.date.date = CivilDate{*y, m, 1};
        out.date.precision = TimePrecision::Month;
        out.date.written = written(i, after + 1);
        return out;
      }
    }
  }
  // "Battle of Ras al-Ayn (2019)", "In 2015, …": a single year written alone is the year of the days that
  // follow without one, when the report has not yet named a year
  if (state.year == 0) {
    int year = 0, years = 0;
    for (const auto& token : tokens) {
      if (auto y = digits(token, 1900, 2100); y && token.form.size() == 4) {
        year = *y;
        ++years;
      }
    }
    if (years == 1) state.year = year;
  }
  return std::nullopt;
}

std::optional<Dateline> read_dateline(std::string_view sentence) {
  // capitals and commas (the place), a month written out or abbreviated, the day, the year, then a dash
  static const std::regex kDateline(
      R"(^[A-Z][A-Za-z .,'-]{0,60}?,\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s+(\d{4})\s*(?:\xE2\x80\x94|\xE2\x80\x93|--|-)\s*)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(sentence.begin(), sentence.end(), m, kDateline)) return std::nullopt;
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string month = m[1].str();
  for (char& c : month) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  month = month.substr(0, 3);
  const auto at = std::find(std::begin(kMonths), std::end(kMonths), month);
  if (at == std::end(kMonths)) return std::nullopt;
  CivilDate date{std::stoi(m[3].str()), static_cast<int>(at - std::begin(kMonths)) + 1, std::stoi(m[2].str())};
  if (date.day < 1 || date.day > 31) return std::nullopt;
  return Dateline{date, static_cast<std::size_t>(m.length(0))};
}

}  // namespace conflictmap
