#include <catch2/catch.hpp>

#include <iterator>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/event_batches.hpp"
#include "core/script.hpp"
#include "events/explicit_date.hpp"
#include "events/lexicon.hpp"
#include "events/relative_date.hpp"
#include "events/report_document.hpp"
#include "events/text_tokens.hpp"

using namespace conflictmap;

namespace {
const Lexicon& lexicon() {
  static const Lexicon instance = Lexicon::load(std::string(CONFLICTMAP_SOURCE_DIR) + "/gazetteer/lexicons");
  return instance;
}
std::optional<EventDate> date_in(const std::string& text, std::optional<CivilDate> published) {
  return read_relative_date(tokenize(text), text, lexicon(), published);
}
}  // namespace

TEST_CASE("CivilDate counts days across months and leap years", "[event]") {
  const auto d = CivilDate::parse("2016-03-01");
  REQUIRE(d);
  CHECK(CivilDate::from_days(d->days() - 1).iso() == "2016-02-29");
  CHECK(CivilDate::parse("2016-02-30") == std::nullopt);
  CHECK(CivilDate::parse("2016-2-3") == std::nullopt);
  CHECK(CivilDate::parse("2015-10-07")->weekday() == 3);  // a Wednesday
}

TEST_CASE("sub-event types map to ACLED's names and back", "[event]") {
  CHECK(event_type_name(SubEventType::AirDroneStrike) == "Explosions/Remote violence");
  CHECK(sub_event_type_name(SubEventType::NonStateActorOvertakesTerritory) == "Non-state actor overtakes territory");
  CHECK(parse_sub_event_type("Government regains territory") == SubEventType::GovernmentRegainsTerritory);
  CHECK(parse_sub_event_type("Shelling/artillery/missile attack") == SubEventType::ShellingArtilleryMissile);
  CHECK_FALSE(parse_sub_event_type("Picnic"));
  CHECK(is_territorial(SubEventType::GovernmentRegainsTerritory));
  CHECK(is_strike(SubEventType::ShellingArtilleryMissile));
  CHECK_FALSE(is_strike(SubEventType::ArmedClash));
}

TEST_CASE("relative dates resolve against the publication date", "[dates]") {
  const auto published = CivilDate::parse("2015-10-09");  // a Friday
  CHECK(date_in("Yesterday, factions launched a campaign", published)->date.iso() == "2015-10-08");
  CHECK(date_in("Two days ago, IS members entered Mare", published)->date.iso() == "2015-10-07");
  CHECK(date_in("On Wednesday, militants launched an offensive", published)->date.iso() == "2015-10-07");
  CHECK(date_in("بعد انسحاب قوات المعارضة منذ أربعة أيام", published)->date.iso() == "2015-10-05");
  CHECK(date_in("انسحب ليل أمس من عدة مناطق", published)->date.iso() == "2015-10-08");
  const auto month = date_in("IS started to attack almost a month ago", published);
  CHECK(month->precision == TimePrecision::Month);
  // without a publication date the words are kept and the event stays undated
  const auto undated = date_in("Yesterday, factions launched a campaign", std::nullopt);
  CHECK(undated->precision == TimePrecision::Undated);
  CHECK(undated->written == "Yesterday");
  CHECK_FALSE(date_in("Clashes continue in Soran", published));
}

TEST_CASE("tokens fold Latin and Arabic and drop a possessive", "[tokens]") {
  const auto tokens = tokenize("IS’s sites near Mare’e وقرية");
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].form == "is");
  CHECK(tokens[0].capitalised);
  CHECK(tokens[3].form == "maree");
  CHECK(tokens[4].alt == "قريه");
}

TEST_CASE("invisible format characters join a word instead of splitting it, and a BOM is no letter", "[tokens]") {
  const auto arabic = tokenize("قر\xE2\x80\x8Cية");  // a zero-width non-joiner inside قرية
  REQUIRE(arabic.size() == 1);
  CHECK(arabic[0].form == tokenize("قرية")[0].form);
  const auto latin = tokenize("a\xEF\xBB\xBF b");
  REQUIRE(latin.size() == 2);
  CHECK(latin[0].form == "a");
  CHECK(latin[0].script == Script::Latin);
  CHECK(tokenize("\xEF\xBB\xBF").empty());
}

TEST_CASE("a report's byte-order mark leaves sentence offsets those of the file", "[report]") {
  const std::string text = "\xEF\xBB\xBF" "Date: 2015-10-09\nIS took control of Soran.\n";
  const auto doc = split_report("r.txt", text, lexicon());
  REQUIRE(doc.published);
  REQUIRE(doc.sentences.size() == 2);
  const auto& took = doc.sentences[1];
  CHECK(text.substr(took.begin, took.end - took.begin) == "IS took control of Soran.");
}

TEST_CASE("a report ends where its boilerplate begins", "[report]") {
  const auto doc = split_report("r.txt", "Date: 2015-10-09\nIS took control of Soran.\n\nAbout The Author\nWe are activists.\n", lexicon());
  REQUIRE(doc.published);
  CHECK(doc.published->iso() == "2015-10-09");
  CHECK(doc.text.substr(doc.body_end, 16) == "About The Author");
  for (const auto& s : doc.sentences) CHECK(s.end <= doc.body_end);
}

TEST_CASE("the lexicon finds the longest phrase of the asked kinds", "[lexicon]") {
  const auto tokens = tokenize("ISIS militants took control of Ahras");
  const auto actors = lexicon().find(tokens, {"actor"});
  REQUIRE(actors.size() == 1);
  CHECK(actors[0].phrase->canonical == "Islamic State");
  CHECK(actors[0].last - actors[0].first == 2);  // "ISIS militants", not "ISIS"
  const auto triggers = lexicon().find(tokens, {"control"});
  REQUIRE(triggers.size() == 1);
  CHECK(triggers[0].phrase->written == "took control");
}

TEST_CASE("EventBatches visits its events in reading order, skips empty batches and joins on request", "[event]") {
  auto batch = [](std::initializer_list<const char*> ids) {
    std::vector<Event> events;
    for (const char* id : ids) {
      Event event;
      event.id = id;
      events.push_back(event);
    }
    return events;
  };
  EventBatches events;
  CHECK(events.empty());
  CHECK(events.begin() == events.end());
  events.add(batch({"a", "b"}));
  events.add(batch({}));
  events.add(batch({"c"}));
  EventBatches more;
  more.add(batch({"d", "e"}));
  events.add(std::move(more));
  CHECK(events.size() == 5);
  CHECK(events.batch_count() == 3);
  const Event* first_c = nullptr;
  std::string order;
  for (const Event& event : events) {
    order += event.id;
    if (event.id == "c") first_c = &event;
  }
  CHECK(order == "abcde");
  events.add(batch({"f"}));  // adding a batch moves no event already there
  CHECK(&*std::next(events.begin(), 2) == first_c);
  const std::vector<Event> joined = std::move(events).joined();
  REQUIRE(joined.size() == 6);
  CHECK(joined[0].id == "a");
  CHECK(joined[5].id == "f");
}

namespace {
std::optional<WrittenDate> written_in(const std::string& text, DateState& state, std::optional<CivilDate> published = std::nullopt) {
  return read_written_date(tokenize(text), text, lexicon(), state, published);
}
}  // namespace

TEST_CASE("dates written out, in either order and script, with or without their year", "[dates]") {
  DateState state;
  auto d = written_in("On 3 April 2017, the army shelled the town.", state);
  REQUIRE(d);
  CHECK(d->date.date.iso() == "2017-04-03");
  CHECK(d->date.precision == TimePrecision::Day);
  CHECK(state.year == 2017);
  // the year carries on to a day written without one
  d = written_in("On 9 May, rebels attacked.", state);
  REQUIRE(d);
  CHECK(d->date.date.iso() == "2017-05-09");
  d = written_in("By June 21st, 2018 the town was empty.", state);
  REQUIRE(d);
  CHECK(d->date.date.iso() == "2018-06-21");
  d = written_in("The report of 2019-11-02 says so.", state);
  REQUIRE(d);
  CHECK(d->date.date.iso() == "2019-11-02");
  d = written_in("في 7 آذار 2014 قصفت الطائرات البلدة.", state);
  REQUIRE(d);
  CHECK(d->date.date.iso() == "2014-03-07");
  d = written_in("في 12 سبتمبر اشتباكات عنيفة.", state);
  REQUIRE(d);
  CHECK(d->date.date.iso() == "2014-09-12");
}

TEST_CASE("a day without a year and no year in the report takes the publication's, never after it", "[dates]") {
  DateState state;
  const auto published = CivilDate::parse("2016-02-10");
  auto d = written_in("On 20 December the town fell.", state, published);
  REQUIRE(d);
  CHECK(d->date.date.iso() == "2015-12-20");
  DateState fresh;
  d = written_in("On 5 February the town fell.", fresh, published);
  REQUIRE(d);
  CHECK(d->date.date.iso() == "2016-02-05");
  DateState none;
  d = written_in("On 5 February the town fell.", none);
  REQUIRE(d);
  CHECK(d->date.precision == TimePrecision::Undated);
}

TEST_CASE("spans, month headings and days counted from the last day told", "[dates]") {
  DateState state;
  auto d = written_in("Fighting on 12 and 13 October 2015 left the road closed.", state);
  REQUIRE(d);
  CHECK(d->date.precision == TimePrecision::Week);
  CHECK(d->date.date.iso() == "2015-10-12");
  d = written_in("November 2015", state);
  REQUIRE(d);
  CHECK(d->date.precision == TimePrecision::Month);
  CHECK(state.month == 11);
  state.last_day = CivilDate::parse("2015-11-03");
  d = written_in("The next day, the army advanced.", state);
  REQUIRE(d);
  CHECK(d->anchored);
  CHECK(d->date.date.iso() == "2015-11-04");
  d = written_in("وفي اليوم التالي انسحبت الفصائل.", state);
  REQUIRE(d);
  CHECK(d->date.date.iso() == "2015-11-04");
  CHECK_FALSE(written_in("Rebels may attack the town soon.", state));
}

TEST_CASE("a year written alone sets the year of later days, and a range of years does not", "[dates]") {
  DateState state;
  CHECK_FALSE(written_in("Siege of the town (2013)", state));
  CHECK(state.year == 2013);
  auto d = written_in("On 4 June the siege was broken.", state);
  REQUIRE(d);
  CHECK(d->date.date.iso() == "2013-06-04");
  DateState range;
  CHECK_FALSE(written_in("Battle of the city (2012–2016)", range));
  CHECK(range.year == 0);
}

TEST_CASE("a run-on sentence is read in pieces cut at clause breaks or spaces, never inside a character", "[report]") {
  std::string text;
  while (text.size() < 12000) text += "قصفت الطائرات بلدة سراقب وقتل مدنيون ";
  text += "and rebels captured Soran, Kafra and Albal without a full stop";
  const auto doc = split_report("r.txt", text, lexicon());
  CHECK(doc.sentences_cut >= 5);
  std::size_t covered = 0;
  for (const auto& s : doc.sentences) {
    CHECK(s.end - s.begin <= kMaxSentenceBytes);
    const auto piece = std::string_view(doc.text).substr(s.begin, s.end - s.begin);
    CHECK(is_valid_utf8(piece));
    covered += piece.size();
  }
  CHECK(covered + doc.sentences.size() >= text.size() - 2);  // only the spaces at the cuts are left out
}

TEST_CASE("reports pasted one after another are each read, with their own date and boilerplate", "[report]") {
  const std::string text =
      "Rebels take a town\nDate: 2016-03-01\n\nRebels captured Soran on Monday.\n\nRelated Posts\nLeave a Reply\n"
      "Some other story entirely.\n\nArmy shells the north\nDate: 2016-04-02\n\nThe army shelled Kafra yesterday.\n"
      "About The Author\nWe are activists.\n";
  const auto reports = split_reports("many.txt", text, lexicon());
  REQUIRE(reports.size() == 2);
  REQUIRE(reports[0].published);
  CHECK(reports[0].published->iso() == "2016-03-01");
  REQUIRE(reports[1].published);
  CHECK(reports[1].published->iso() == "2016-04-02");
  CHECK(reports[1].part == 1);
  CHECK(text.substr(reports[1].begin, 21) == "Army shells the north");
  // each report's boilerplate ends its body, and no sentence of the first runs into the second
  for (const auto& s : reports[0].sentences) CHECK(s.end <= reports[0].body_end);
  CHECK(reports[0].body_end < reports[1].begin);
  bool found = false;
  for (const auto& s : reports[1].sentences) found = found || text.substr(s.begin, s.end - s.begin) == "The army shelled Kafra yesterday.";
  CHECK(found);
  // a single report stays one, even with a header line
  CHECK(split_reports("one.txt", "Title\nDate: 2016-03-01\n\nRebels captured Soran.\n", lexicon()).size() == 1);
}

TEST_CASE("written_with_article tells 'the city' from 'a city' in Arabic, after a joined letter too", "[tokens]") {
  CHECK(written_with_article("المدينة"));
  CHECK(written_with_article("والبلدة"));
  CHECK(written_with_article("بالقرية"));
  CHECK(written_with_article("للقرية"));
  CHECK_FALSE(written_with_article("مدينة"));
  CHECK_FALSE(written_with_article("بلدة"));
  CHECK_FALSE(written_with_article("لبنان"));
}

TEST_CASE("read_dateline reads a release's dateline and where its text begins", "[dates]") {
  const std::string text = "EASTERN SYRIA, Feb. 3, 2018 — Coalition aircraft struck Raqqa.";
  const auto dateline = read_dateline(text);
  REQUIRE(dateline);
  CHECK(dateline->date.iso() == "2018-02-03");
  CHECK(text.substr(dateline->text_begins).rfind("Coalition", 0) == 0);
  const auto spelt = read_dateline("RAQQA, Syria, March 3, 2018 -- Strikes continued.");
  REQUIRE(spelt);
  CHECK(spelt->date.iso() == "2018-03-03");
  CHECK_FALSE(read_dateline("On Feb. 3, 2018 coalition forces struck Raqqa."));       // no place before it
  CHECK_FALSE(read_dateline("Coalition forces struck Raqqa, Feb. 3, 2018."));          // no dash after it
  CHECK_FALSE(read_dateline("NORTHERN SYRIA, Feb. 40, 2018 — forces struck Raqqa."));  // no such day
}
