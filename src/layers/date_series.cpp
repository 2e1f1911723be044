#include "layers/date_series.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <string>

namespace conflictmap {

namespace {

CivilDate parse_one(std::string_view text) {
  auto date = CivilDate::parse(text);
  if (!date) throw std::invalid_argument("'" + std::string(text) + "' is not a date YYYY-MM-DD");
  return *date;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

CivilDate add_months(CivilDate start, int months) {
  int index = start.year * 12 + (start.month - 1) + months;
  CivilDate out{index / 12, index % 12 + 1, 0};
  out.day = std::min(start.day, days_in_month(out.year, out.month));
  return out;
}

}  // namespace

std::vector<CivilDate> parse_date_series(std::string_view text) {
  std::vector<CivilDate> dates;
  const auto range = text.find("..");
  if (range != std::string_view::npos) {
    const auto slash = text.find('/', range);
    if (slash == std::string_view::npos) throw std::invalid_argument("a range needs a step: FROM..TO/STEP, e.g. /1m");
    const CivilDate from = parse_one(text.substr(0, range));
    const CivilDate to = parse_one(text.substr(range + 2, slash - range - 2));
    const std::string_view step = text.substr(slash + 1);
    int count = 0;
    auto [end, error] = std::from_chars(step.data(), step.data() + step.size(), count);
    if (error != std::errc() || count <= 0 || end + 1 != step.data() + step.size()) {
      throw std::invalid_argument("the step '" + std::string(step) + "' must be a positive number and d, w, m or y");
    }
    // no step needs to be longer than the calendar it walks: a longer one would overflow the arithmetic below
    if (count > 100000) throw std::invalid_argument("the step '" + std::string(step) + "' is too long (at most 100000)");
    const char unit = *end;
    if (unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y') {
      throw std::invalid_argument("the step unit must be d, w, m or y");
    }
    if (to.days() < from.days()) throw std::invalid_argument("the range ends before it starts");
    for (int i = 0;; ++i) {
      CivilDate date = unit == 'd'   ? CivilDate::from_days(from.days() + std::int64_t(i) * count)
                       : unit == 'w' ? CivilDate::from_days(from.days() + std::int64_t(i) * count * 7)
                       : unit == 'm' ? add_months(from, i * count)
                                     : add_months(from, i * count * 12);
      if (date.days() > to.days()) break;
      dates.push_back(date);
      if (dates.size() > 10000) throw std::invalid_argument("the range gives more than 10000 dates");
    }
  } else {
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto comma = text.find(',', start);
      const auto item = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      dates.push_back(parse_one(item));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
  std::sort(dates.begin(), dates.end(), [](const CivilDate& a, const CivilDate& b) { return a.days() < b.days(); });
  dates.erase(std::unique(dates.begin(), dates.end(), [](const CivilDate& a, const CivilDate& b) { return a.days() == b.days(); }),
              dates.end());
  return dates;
}

}  // namespace conflictmap
