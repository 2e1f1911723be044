// Extraction patterns of the language, each on sentences written for the test: verbs of control in every
// side's idiom, states and intentions that tell no event, who acts and who only backs, and fighting that ends in
// a capture.
#include <catch2/catch.hpp>

#include "embedded_data.hpp"

#include <algorithm>

#include "events/event_extractor.hpp"
#include "events/word_dictionary.hpp"
#include "gazetteer/gazetteer_files.hpp"

using namespace conflictmap;

namespace {

const Resolver& resolver() { return testing::syria_resolver(); }

const Lexicon& lexicon() { return testing::embedded_lexicon(); }

std::vector<Event> extract(const std::string& text) {
  static const EventExtractor extractor(resolver(), lexicon());
  return extractor.extract(split_report("t.txt", "Date: 2019-05-02\n" + text + "\n", lexicon())).events;
}

std::vector<Event> at(const std::vector<Event>& events, const std::string& place_id) {
  std::vector<Event> out;
  std::copy_if(events.begin(), events.end(), std::back_inserter(out), [&](const Event& e) { return e.place.place_id == place_id; });
  return out;
}

bool has_control(const std::vector<Event>& events, const std::string& place_id, const std::string& controller) {
  for (const auto& e : at(events, place_id)) {
    if (e.new_controller == controller) return true;
  }
  return false;
}

bool has_type(const std::vector<Event>& events, const std::string& place_id, SubEventType type) {
  const auto here = at(events, place_id);
  return std::any_of(here.begin(), here.end(), [&](const Event& e) { return e.type == type; });
}

// fighting at a place that the party did not take there
bool fought_not_taken(const std::vector<Event>& events, const std::string& place_id, const std::string& party) {
  return has_type(events, place_id, SubEventType::ArmedClash) && !has_control(events, place_id, party);
}

// the actor of the first event at a place, or "(no event)"
std::string actor_at(const std::vector<Event>& events, const std::string& place_id) {
  const auto here = at(events, place_id);
  return here.empty() ? "(no event)" : here.front().actor1.canonical;
}

constexpr const char* kSaraqib = "C3916";
constexpr const char* kManbij = "C1767";
constexpr const char* kRaqqa = "C5710";
constexpr const char* kKafrNabl = "C4068";

}  // namespace

TEST_CASE("verbs of control in the idioms of each side give the taker as new controller", "[extraction]") {
  CHECK(has_control(extract("Kurdish fighters seized Manbij on Tuesday."), kManbij, "Syrian Democratic Forces"));
  CHECK(has_control(extract("Government troops recaptured Saraqib after a week."), kSaraqib, "Syrian government forces"));
  CHECK(has_control(extract("The army restored security and stability to Saraqib."), kSaraqib, "Syrian government forces"));
  CHECK(has_control(extract("Rebel fighters wrested Kafr Nabl from the regime."), kKafrNabl, "Syrian opposition"));
  CHECK(has_control(extract("Saraqib fell to the rebels on Monday."), kSaraqib, "Syrian opposition"));
  CHECK(has_control(extract("Manbij was captured by the SDF on Friday."), kManbij, "Syrian Democratic Forces"));
  // "IS" before a verb is the Islamic State, not the auxiliary "is"
  CHECK(has_control(extract("IS took control of Manbij."), kManbij, "Islamic State"));
  CHECK(has_control(extract("سيطرت قوات النظام على مدينة سراقب."), kSaraqib, "Syrian government forces"));
  CHECK(has_control(extract("استعادت فصائل المعارضة بلدة كفرنبل."), kKafrNabl, "Syrian opposition"));
}

TEST_CASE("a state or an intention is no change of control", "[extraction]") {
  CHECK(at(extract("Villages seized by IS lie east of Manbij and are empty."), kManbij).empty());
  CHECK(at(extract("Raqqa is controlled by IS fighters."), kRaqqa).empty());
  CHECK(at(extract("Turkish forces are preparing to capture Manbij."), kManbij).empty());
  const auto held = at(extract("قصف الطيران المواقع التي تسيطر عليها قوات النظام في سراقب."), kSaraqib);
  CHECK(std::none_of(held.begin(), held.end(), [](const Event& e) { return !e.new_controller.empty(); }));
}

TEST_CASE("a party that backs an attack is neither its actor nor its controller", "[extraction]") {
  const auto sdf = extract("The SDF, backed by coalition air strikes, captured Manbij.");
  REQUIRE(has_control(sdf, kManbij, "Syrian Democratic Forces"));
  for (const auto& e : at(sdf, kManbij)) CHECK(e.actor1.canonical != "US-led coalition");
  const auto regime = extract("Regime forces backed by Russian air power captured Saraqib.");
  CHECK(has_control(regime, kSaraqib, "Syrian government forces"));
  CHECK_FALSE(has_control(regime, kSaraqib, "Russian air force"));
  const auto backed = extract("U.S.-backed forces captured Manbij.");
  CHECK(has_control(backed, kManbij, "Syrian Democratic Forces"));
  const auto arabic = extract("سيطرت قوات النظام بدعم من الطيران الروسي على مدينة سراقب.");
  CHECK(has_control(arabic, kSaraqib, "Syrian government forces"));
}

TEST_CASE("fighting that ends in a capture told in the same sentence is the capture alone", "[extraction]") {
  const auto events = extract("After heavy clashes, rebels captured Saraqib.");
  CHECK(has_control(events, kSaraqib, "Syrian opposition"));
  CHECK_FALSE(has_type(events, kSaraqib, SubEventType::ArmedClash));
}

TEST_CASE("a place that locates a speaker gets no event from what the speaker says", "[extraction]") {
  const auto events = extract("A correspondent in Raqqa said: clashes broke out between the factions.");
  CHECK(at(events, kRaqqa).empty());
}

TEST_CASE("strikes written as bare strikes or air raids are air strikes at their place", "[extraction]") {
  const auto near = extract("Coalition forces struck IS in Syria. Near Raqqa, four strikes destroyed two IS vehicles.");
  REQUIRE(has_type(near, kRaqqa, SubEventType::AirDroneStrike));
  CHECK(at(near, kRaqqa).front().count == 4);
  CHECK(at(near, kRaqqa).front().actor1.canonical == "US-led coalition");
  const auto arabic = extract("شنت الطائرات الحربية الروسية غارات جوية على مدينة سراقب.");
  REQUIRE(has_type(arabic, kSaraqib, SubEventType::AirDroneStrike));
  CHECK(at(arabic, kSaraqib).front().actor1.canonical == "Russian air force");
}

TEST_CASE("events take the date their sentence writes, counts from, or goes on with", "[extraction][dates]") {
  static const EventExtractor extractor(resolver(), lexicon());
  const auto events = extractor.extract(split_report("t.txt",
      "On 4 May 2016, rebels captured Saraqib. The next day, the army recaptured Kafr Nabl. Government troops "
      "shelled Manbij.\n", lexicon())).events;
  REQUIRE(at(events, kSaraqib).size() == 1);
  CHECK(at(events, kSaraqib).front().date.date.iso() == "2016-05-04");
  REQUIRE(at(events, kKafrNabl).size() == 1);
  CHECK(at(events, kKafrNabl).front().date.date.iso() == "2016-05-05");
  REQUIRE(at(events, kManbij).size() == 1);
  CHECK(at(events, kManbij).front().date.date.iso() == "2016-05-05");
}

TEST_CASE("a name joined by an article comes out whole, never cut at the article", "[extraction][mentions]") {
  static const MentionFinder finder(resolver(), lexicon());
  auto texts = [&](const std::string& sentence) {
    std::vector<std::string> out;
    for (const auto& m : finder.find(sentence, tokenize(sentence))) out.push_back(m.text);
    return out;
  };
  using Catch::Matchers::VectorContains;
  CHECK_THAT(texts("Rebels shelled Bab al-Hawa and Sahl al-Ghab on Monday."), VectorContains(std::string("Sahl al-Ghab")));
  CHECK_THAT(texts("Rebels shelled Bab al-Hawa and Sahl al-Ghab on Monday."), VectorContains(std::string("Bab al-Hawa")));
  for (const auto& t : texts("The army entered Tell al-Sultan and Jabal al-Zawiya.")) {
    INFO(t);
    CHECK(t.substr(t.size() - 2) != "al");
    CHECK(t.substr(t.size() - 3) != "al-");
  }
  CHECK_THAT(texts("The army entered Tell al-Sultan and Jabal al-Zawiya."), VectorContains(std::string("Jabal al-Zawiya")));
}

TEST_CASE("a name after a title is a person's, not a place", "[extraction][mentions]") {
  static const MentionFinder finder(resolver(), lexicon());
  const std::string sentence = "Forces loyal to President Bashar al-Assad shelled Saraqib.";
  const auto mentions = finder.find(sentence, tokenize(sentence));
  REQUIRE(mentions.size() == 1);
  CHECK(mentions.front().text == "Saraqib");
}

TEST_CASE("'the town' and 'البلدة' refer back to the settlement named before", "[extraction]") {
  const auto english = extract("Rebels attacked Saraqib on Monday. Later, the army shelled the town heavily.");
  CHECK(has_type(english, kSaraqib, SubEventType::ShellingArtilleryMissile));
  const auto arabic = extract("هاجمت فصائل المعارضة مدينة سراقب. وقصفت قوات النظام المدينة بالمدفعية.");
  CHECK(has_type(arabic, kSaraqib, SubEventType::ShellingArtilleryMissile));
  // nothing named before: nothing to refer to, and the strike is reported unplaced rather than guessed
  CHECK(extract("The army shelled the town heavily.").empty());
}

namespace {
std::vector<std::string> mention_texts(const std::string& sentence) {
  static const MentionFinder finder(resolver(), lexicon());
  std::vector<std::string> out;
  for (const auto& m : finder.find(sentence, tokenize(sentence))) out.push_back(m.text);
  return out;
}
}  // namespace

TEST_CASE("a single Arabic word is a place only with evidence", "[extraction][mentions]") {
  using Catch::Matchers::VectorContains;
  // a preposition, a settlement word, a joined preposition, an event noun in construct, or a large place
  CHECK_THAT(mention_texts("قصفت الطائرات مواقع في سراقب أمس"), VectorContains(std::string("سراقب")));
  CHECK_THAT(mention_texts("دارت معارك عنيفة قرب مدينة منبج"), VectorContains(std::string("منبج")));
  CHECK_THAT(mention_texts("بدأ هجوم منبج في الصيف"), VectorContains(std::string("منبج")));
  CHECK_THAT(mention_texts("وصلت التعزيزات إلى حلب مساء"), VectorContains(std::string("حلب")));
  // a common word that some village is also called, standing bare, is no place
  CHECK(mention_texts("بحلول المساء توقفت سلسلة الهجمات").empty());
  // "the city" names a place told before; the word after it is not a name
  for (const auto& t : mention_texts("قالت المصادر إن المدينة شهدت قصفا عنيفا")) CHECK(t.rfind("المدينة", 0) != 0);
}

TEST_CASE("a name written with a joined conjunction or preposition is found whole, without it", "[extraction][mentions]") {
  using Catch::Matchers::VectorContains;
  CHECK_THAT(mention_texts("سيطرت القوات على منبج وسراقب"), VectorContains(std::string("سراقب")));
  CHECK_THAT(mention_texts("تقدمت القوات نحو عين عيسى وسد تشرين"), VectorContains(std::string("سد تشرين")));
  // "قرية كفر …": a generic head alone ends no name
  for (const auto& t : mention_texts("انسحب التنظيم من قرية كفر بطونة")) CHECK(t != "قرية كفر");
}

TEST_CASE("an acronym names its actor only in capitals, and an agent named after a noun of the event counts", "[extraction]") {
  // "is" is a verb; "IS" the Islamic State
  for (const auto& e : extract("Aleppo is divided, and rebels shelled Saraqib.")) CHECK(e.actor1.canonical != "Islamic State");
  const auto capture = extract("Shops reopened after the capture in spring by government troops of the town of Saraqib.");
  CHECK(has_control(capture, kSaraqib, "Syrian government forces"));
}

TEST_CASE("a settlement word and 'of' are followed by names, one or a list, known or not", "[extraction][mentions]") {
  using Catch::Matchers::VectorContains;
  const auto texts = mention_texts("The army took the villages of Qarqur Hamdan, Tell Mazra and al-Buwaydah as well as Kafr Zaytoun.");
  CHECK_THAT(texts, VectorContains(std::string("Qarqur Hamdan")));
  CHECK_THAT(texts, VectorContains(std::string("Tell Mazra")));
  CHECK_THAT(texts, VectorContains(std::string("al-Buwaydah")));
  CHECK_THAT(texts, VectorContains(std::string("Kafr Zaytoun")));
  // the list ends at the first word that is no name
  for (const auto& t : mention_texts("Rebels entered the town of Zarbeh and then withdrew quickly.")) CHECK(t == "Zarbeh");
}

TEST_CASE("'now controlled by' tells a change of control, 'controlled by' alone a state", "[extraction]") {
  CHECK(has_control(extract("Fighters reached Manbij, now controlled by the SDF."), kManbij, "Syrian Democratic Forces"));
  CHECK(at(extract("Reporters reached Manbij, controlled by the SDF."), kManbij).empty());
}

TEST_CASE("a list after a verb of control runs over commas, 'and' and 'as well as'", "[extraction][mentions]") {
  using Catch::Matchers::VectorContains;
  const auto texts = mention_texts("Rebels captured Zorbanit, Khalmouniya as well as Qirtasiyeh on Monday.");
  CHECK_THAT(texts, VectorContains(std::string("Zorbanit")));
  CHECK_THAT(texts, VectorContains(std::string("Khalmouniya")));
  CHECK_THAT(texts, VectorContains(std::string("Qirtasiyeh")));
}

TEST_CASE("Arabic seizure verbs, and states written with 'still', 'under' and 'areas of control'", "[extraction]") {
  CHECK(has_control(extract("استولى المتمردون على مدينة سراقب."), kSaraqib, "Syrian opposition"));
  CHECK(has_control(extract("احتلت قوات النظام بلدة كفرنبل."), kKafrNabl, "Syrian government forces"));
  auto no_change = [](const std::vector<Event>& events) {
    return std::none_of(events.begin(), events.end(), [](const Event& e) { return !e.new_controller.empty(); });
  };
  CHECK(no_change(extract("ما زالت قوات النظام تسيطر على سراقب.")));
  CHECK(no_change(extract("نزح المدنيون من سراقب الواقعة تحت سيطرة قوات النظام.")));
  CHECK(no_change(extract("Saraqib remains under the control of the rebels.")));
  CHECK(has_control(extract("Saraqib came under the control of the rebels on Monday."), kSaraqib, "Syrian opposition"));
}

TEST_CASE("an event near a place is placed at it with precision 2", "[extraction]") {
  const auto events = extract("Rebels shelled positions near Saraqib.");
  REQUIRE(at(events, kSaraqib).size() == 1);
  CHECK(at(events, kSaraqib).front().place.precision == 2);
  const auto inside = extract("Rebels shelled positions in Saraqib.");
  REQUIRE(at(inside, kSaraqib).size() == 1);
  CHECK(at(inside, kSaraqib).front().place.precision == 1);
}

TEST_CASE("an unknown Arabic name after a settlement word stops before what is said of it", "[extraction][mentions]") {
  for (const auto& t : mention_texts("تقدمت القوات نحو قرية زوربانيت الصغيرة القريبة من الحدود")) {
    INFO(t);
    CHECK(t.find("الصغيرة") == std::string::npos);
  }
  using Catch::Matchers::VectorContains;
  CHECK_THAT(mention_texts("سيطر التنظيم على قرية رأس زوربان الاستراتيجية"), VectorContains(std::string("قرية رأس زوربان")));
}

TEST_CASE("a verb joined by 'and' shares its subject; civilians and 'an army base' act in nothing", "[extraction][actors]") {
  const auto joined = extract("Turkish troops clashed with Kurdish militias and entered Manbij.");
  REQUIRE(has_type(joined, kManbij, SubEventType::ArmedClash));
  CHECK(at(joined, kManbij).front().actor1.canonical == "Turkish army");
  const auto base = extract("Rebels said they captured Saraqib, an army base, on Monday.");
  CHECK(has_control(base, kSaraqib, "Syrian opposition"));
  const auto victims = extract("Civilians fled as shells hit Manbij.");
  for (const auto& e : victims) CHECK(e.actor1.canonical != "Civilians");
}

TEST_CASE("a capital that says nothing needs a preposition: sentence starts, headlines, numbered features", "[extraction][mentions]") {
  using Catch::Matchers::VectorContains;
  // a known single word at the start of a sentence or in a title-case headline, with no preposition before it
  for (const auto& t : mention_texts("Military sources said fighting went on.")) CHECK(t != "Military");
  CHECK(mention_texts("Military Sources Report Heavy Fighting Overnight").empty());
  // but a city begins sentences and headlines as it likes
  CHECK_THAT(mention_texts("Manbij was shelled overnight."), VectorContains(std::string("Manbij")));
  CHECK_THAT(mention_texts("Rebels Seize Villages Near Manbij After Long Battle"), VectorContains(std::string("Manbij")));
  // "Hill 800": the word names a numbered feature
  for (const auto& t : mention_texts("The army captured Hill 800 on Monday.")) CHECK(t != "Hill");
  // "an Aleppo school": the mention is Aleppo, not "an Aleppo"
  CHECK_THAT(mention_texts("A strike hit an Aleppo school."), VectorContains(std::string("Aleppo")));
}

TEST_CASE("where an attack set out from is not where it struck", "[extraction]") {
  const auto events = extract("Rebels attacked Saraqib from Manbij.");
  CHECK(has_type(events, kSaraqib, SubEventType::ArmedClash));
  CHECK(at(events, kManbij).empty());
}

TEST_CASE("a file of several reports gives each report's events, numbered apart", "[extraction]") {
  static const EventExtractor extractor(resolver(), lexicon());
  const auto reports = split_reports("many.txt",
      "Rebels advance\nDate: 2016-03-01\n\nRebels captured Saraqib on Monday.\n\nRelated Posts\nLeave a Reply\n\n"
      "Army shells Manbij\nDate: 2016-04-02\n\nThe army shelled Manbij yesterday.\n", lexicon());
  REQUIRE(reports.size() == 2);
  const auto first = extractor.extract(reports[0]).events;
  const auto second = extractor.extract(reports[1]).events;
  REQUIRE(at(first, kSaraqib).size() == 1);
  REQUIRE(at(second, kManbij).size() == 1);
  CHECK(at(second, kManbij).front().date.date.iso() == "2016-04-01");
  CHECK(at(first, kSaraqib).front().id != at(second, kManbij).front().id);
  CHECK(at(second, kManbij).front().id.find("-p2-") != std::string::npos);
}

TEST_CASE("a bombardment written beside the aircraft that made it is one air strike", "[extraction]") {
  const auto arabic = extract("قصفت الطائرات الحربية مدينة سراقب.");
  REQUIRE(has_type(arabic, kSaraqib, SubEventType::AirDroneStrike));
  CHECK_FALSE(has_type(arabic, kSaraqib, SubEventType::ShellingArtilleryMissile));
  // the means named apart stay two events
  const auto both = extract("Saraqib came under heavy air and artillery strikes.");
  CHECK(has_type(both, kSaraqib, SubEventType::AirDroneStrike));
  CHECK(has_type(both, kSaraqib, SubEventType::ShellingArtilleryMissile));
}

TEST_CASE("Arabic strike counts after the place, 'بثلاث غارات', belong to the strike on that place", "[extraction]") {
  const auto events = extract("استهدف الطيران الحربي مدينة سراقب بأربع غارات.");
  REQUIRE(at(events, kSaraqib).size() == 1);
  CHECK(at(events, kSaraqib).front().type == SubEventType::AirDroneStrike);
  CHECK(at(events, kSaraqib).front().count == 4);
}

TEST_CASE("a known town outside the report's main governorate keeps its place", "[extraction]") {
  // most places here are in Idlib; Manbij lies in Aleppo governorate and is still Manbij, not Idlib city
  const auto events = extract("قصفت قوات النظام سراقب. وقصفت قوات النظام كفرنبل. سيطرت قوات سوريا الديمقراطية على منبج.");
  CHECK(has_control(events, kManbij, "Syrian Democratic Forces"));
}

TEST_CASE("an Arabic settlement word without the article names what follows and refers to nothing", "[extraction]") {
  // "قرية" + a name is that village: no event goes back to the town named before
  const auto events = extract("قصفت قوات النظام مدينة سراقب. ودارت معارك عنيفة في قرية زوربانيت.");
  for (const auto& e : at(events, kSaraqib)) CHECK(e.type != SubEventType::ArmedClash);
}

TEST_CASE("an infinitive of purpose is intended; 'managed to' tells it done", "[extraction]") {
  const auto purpose = extract("Rebels launched a counterattack to recapture Saraqib.");
  CHECK(has_type(purpose, kSaraqib, SubEventType::ArmedClash));
  CHECK_FALSE(has_control(purpose, kSaraqib, "Syrian opposition"));
  CHECK(has_control(extract("Rebels managed after a week to capture Saraqib."), kSaraqib, "Syrian opposition"));
}

TEST_CASE("a colon after a verb of control opens its list; a direction word begins a name", "[extraction][mentions]") {
  using Catch::Matchers::VectorContains;
  const auto listed = mention_texts("The army recaptured three villages in the plain: Zorbanit, Khalmouniya and Qirtasiyeh.");
  CHECK_THAT(listed, VectorContains(std::string("Zorbanit")));
  CHECK_THAT(listed, VectorContains(std::string("Qirtasiyeh")));
  const auto parts = mention_texts("Troops attacked the towns of Eastern Zorbanit and Western Zorbanit.");
  CHECK_THAT(parts, VectorContains(std::string("Eastern Zorbanit")));
  CHECK_THAT(parts, VectorContains(std::string("Western Zorbanit")));
}

TEST_CASE("an Arabic word that is also a word of the language is a place only after a settlement word", "[extraction][mentions]") {
  using Catch::Matchers::VectorContains;
  // "الطيبة" (the good one) names villages; "بداية" (a beginning) names one too
  CHECK(mention_texts("منذ بداية الحملة تغيرت خطوط الجبهة").empty());
  CHECK_THAT(mention_texts("قصفت المدفعية قرية الطيبة فجرا"), VectorContains(std::string("قرية الطيبة")));
  // introduced once as a village, the report may write it bare afterwards
  static const MentionFinder finder(resolver(), lexicon());
  const std::string first = "دخلت القوات قرية الطيبة صباحا";
  const std::string later = "واندلعت اشتباكات في الطيبة مساء";
  std::unordered_set<std::string> introduced;
  finder.introduced_names(tokenize(first), introduced);
  CHECK(finder.find(later, tokenize(later)).empty());
  const auto found = finder.find(later, tokenize(later), introduced);
  REQUIRE(found.size() == 1);
  CHECK(found.front().text == "الطيبة");
  // names that are no words of the language need no more than a preposition (see above)
  CHECK_THAT(mention_texts("اندلعت اشتباكات في سراقب مساء"), VectorContains(std::string("سراقب")));
}

TEST_CASE("a generic head before a known name belongs to the mention", "[extraction][mentions]") {
  using Catch::Matchers::VectorContains;
  // "Tell Manbij" is a hill by the town, not the town: the whole is what the resolver must read
  CHECK_THAT(mention_texts("Rebels shelled Tell Manbij on Monday."), VectorContains(std::string("Tell Manbij")));
  CHECK_THAT(mention_texts("قصفت القوات تل منبج صباحا"), VectorContains(std::string("تل منبج")));
}

TEST_CASE("nationality adjectives are no places", "[extraction][mentions]") {
  CHECK(mention_texts("Militants remain active near the Iraqi and Jordanian borders.").empty());
}

TEST_CASE("the Arabic dictionary knows words of the language and not village names, and says when it is missing", "[extraction]") {
  const auto& arabic = WordDictionary::arabic();
  CHECK(arabic.knows("بداية"));
  CHECK(arabic.knows("مجموعة"));
  CHECK_FALSE(arabic.knows("سراقب"));
  CHECK_FALSE(arabic.knows(""));
  CHECK_THROWS_WITH(WordDictionary("/nonexistent/xx"), Catch::Contains("/nonexistent/xx.aff: the dictionary is missing"));
}

TEST_CASE("a strike told right after a sentence that named the place, in the same paragraph, happened near it", "[extraction]") {
  // the writer names the town once, then tells what happened there without naming it again
  const auto carried = extract("Fierce fighting raged in Saraqib on Monday. Government artillery shelled rebel positions for hours.");
  REQUIRE(has_type(carried, kSaraqib, SubEventType::ShellingArtilleryMissile));
  for (const auto& e : at(carried, kSaraqib)) {
    if (e.type == SubEventType::ShellingArtilleryMissile) CHECK(e.place.precision == 2);
  }
  const auto arabic = extract("اندلعت اشتباكات عنيفة في مدينة سراقب. وقصفت المدفعية مواقع الفصائل طوال الليل.");
  CHECK(has_type(arabic, kSaraqib, SubEventType::ShellingArtilleryMissile));
  // a new paragraph, or a sentence between, breaks the thread: nothing is guessed
  const auto apart = extract("Fierce fighting raged in Saraqib on Monday.\n\nGovernment artillery shelled rebel positions for hours.");
  CHECK_FALSE(has_type(apart, kSaraqib, SubEventType::ShellingArtilleryMissile));
  const auto later = extract("Fierce fighting raged in Saraqib on Monday. Officials met to discuss aid. "
                             "Government artillery shelled rebel positions for hours.");
  CHECK_FALSE(has_type(later, kSaraqib, SubEventType::ShellingArtilleryMissile));
}

TEST_CASE("after a settlement word, an indefinite word of the language describes the place and names nothing", "[extraction][mentions]") {
  using Catch::Matchers::VectorContains;
  for (const auto& t : mention_texts("سيطر الجيش على آخر معقل رئيسي للمسلحين في المنطقة")) CHECK(t.find("رئيسي") == std::string::npos);
  for (const auto& t : mention_texts("تقدمت القوات نحو قرية صحراوية معزولة")) CHECK(t.find("صحراوية") == std::string::npos);
  // a name in construct with the article is a name, known or not
  CHECK_THAT(mention_texts("دخلت القوات قرية الدعوة الصغيرة بعد معارك"), VectorContains(std::string("قرية الدعوة")));
}

TEST_CASE("a gun battle, a firefight or a skirmish is a clash at its place, in both languages", "[extraction]") {
  CHECK(has_type(extract("A fierce gun battle broke out in Saraqib on Monday."), kSaraqib, SubEventType::ArmedClash));
  CHECK(has_type(extract("Rebels and soldiers fought a firefight near Manbij."), kManbij, SubEventType::ArmedClash));
  CHECK(has_type(extract("اندلعت مواجهات عنيفة في مدينة سراقب مساء أمس."), kSaraqib, SubEventType::ArmedClash));
  CHECK(has_type(extract("تجدد القتال في مدينة منبج."), kManbij, SubEventType::ArmedClash));
  CHECK(has_type(extract("Heavy gunfire was heard across Saraqib overnight."), kSaraqib, SubEventType::ArmedClash));
  CHECK(has_type(extract("Soldiers and rebels exchanged fire in Manbij."), kManbij, SubEventType::ArmedClash));
  CHECK(has_type(extract("جرى تبادل إطلاق النار في مدينة سراقب."), kSaraqib, SubEventType::ArmedClash));
}

TEST_CASE("a capitalised name after a locative preposition is a place when the resolver places it by spelling alone", "[extraction][mentions]") {
  using Catch::Matchers::VectorContains;
  // "Sarakib" is no spelling the gazetteer holds, but a respelling of Saraqib it finds without guessing
  const auto events = extract("Heavy fighting broke out in and around Sarakib on Monday.");
  CHECK(has_type(events, kSaraqib, SubEventType::ArmedClash));
  // places abroad and people are not Syrian places, whatever hamlet shares their name
  CHECK(mention_texts("The observatory, which is based in Britain, counted the dead.").empty());
  CHECK(mention_texts("Coalition aircraft also struck targets in Iraq.").empty());
}

TEST_CASE("a stronghold, like a village, marks the name after it as a place", "[extraction][mentions]") {
  // "معقل" (stronghold) + a name no gazetteer holds: the name is still a place to report
  bool found = false;
  for (const auto& t : mention_texts("استعاد الجيش معقل كفرزوبلا بعد معارك عنيفة")) found = found || t.find("كفرزوبلا") != std::string::npos;
  CHECK(found);
}

TEST_CASE("a long report gives the same events and unresolved mentions with its sentences on several threads",
          "[extraction]") {
  static const EventExtractor extractor(resolver(), lexicon());
  std::string text = "Date: 2019-05-02\n";
  // enough sentences that every thread takes several runs of them, with places, actors and a later "the town"
  for (int i = 0; i < 150; ++i) {
    text += "Rebels captured Saraqib on Monday. The army shelled Manbij and Zorbatiya Qadima. "
            "Warplanes struck the town again. قصفت الطائرات الحربية مدينة سراقب.\n";
  }
  const auto report = split_report("long.txt", text, lexicon());
  const auto one = extractor.extract(report, std::nullopt, 1);
  const auto four = extractor.extract(report, std::nullopt, 4);
  REQUIRE(one.events.size() >= 450);
  REQUIRE(one.events.size() == four.events.size());
  for (std::size_t i = 0; i < one.events.size(); ++i) {
    CHECK(one.events[i].id == four.events[i].id);
    CHECK(one.events[i].place.place_id == four.events[i].place.place_id);
    CHECK(one.events[i].type == four.events[i].type);
    CHECK(one.events[i].provenance.span_begin == four.events[i].provenance.span_begin);
  }
  REQUIRE(one.unresolved.size() == four.unresolved.size());
  for (std::size_t i = 0; i < one.unresolved.size(); ++i) CHECK(one.unresolved[i].begin == four.unresolved[i].begin);
}

TEST_CASE("the next item of an Arabic list, in a spelling the gazetteer lacks, is a place when the resolver places it by spelling",
          "[extraction]") {
  constexpr const char* kSarin = "C2074";  // the gazetteer writes صرين; reports also write سارين
  const auto joined = extract("قصفت الطائرات الحربية مواقع في منبج وسارين أمس.");
  CHECK(has_type(joined, kManbij, SubEventType::AirDroneStrike));
  CHECK(has_type(joined, kSarin, SubEventType::AirDroneStrike));
  const auto commas = extract("استهدفت الغارات منبج، سارين، وسراقب.");
  CHECK(!at(commas, kSarin).empty());
  CHECK(!at(commas, kSaraqib).empty());
  // a word of the language joined to the place is no item of the list: "Manbij and others", "Manbij and its countryside"
  const auto others = extract("قصفت الطائرات منبج وغيرها من البلدات.");
  CHECK(others.size() == 1);
  const auto countryside = extract("قصفت الطائرات منبج وريفها.");
  CHECK(countryside.size() == 1);
  // alone, after no place, the other spelling needs a settlement word or a preposition as before
  CHECK(at(extract("سارين غاز سام استخدم في الحرب."), kSarin).empty());
}

TEST_CASE("an Arabic verb of control or striking is read in its inflections: they took, she struck, they stormed it",
          "[extraction]") {
  // the triggers list the stem; the subject's suffix (وا، ت، ا) and a subject with an object (وها، تها) inflect it
  CHECK(has_control(extract("تقدم مقاتلو هيئة تحرير الشام نحو سراقب وسيطروا عليها بعد الظهر."), kSaraqib,
                    "Hayat Tahrir al-Sham"));
  CHECK(has_control(extract("دخل مقاتلو المعارضة بلدة سراقب واقتحموها فجرا."), kSaraqib, "Syrian opposition"));
  CHECK(has_type(extract("قصفوا مدينة منبج بالمدفعية الثقيلة."), kManbij, SubEventType::ShellingArtilleryMissile));
  // "its bombing" is the verbal noun with a possessive, written as the verb with an object would be: no new event
  const auto noun = extract("أدانت المنظمة قصفها للمدنيين في الأمس.");
  CHECK(noun.empty());
  // "to recapture it" is an intention: an attack, not a change of control
  const auto attempt = extract("هاجمت قوات النظام بلدة سراقب في محاولة لاستعادتها.");
  CHECK(has_type(attempt, kSaraqib, SubEventType::ArmedClash));
  CHECK_FALSE(has_control(attempt, kSaraqib, "Syrian government forces"));
}

TEST_CASE("who holds a place is not who acts there: 'rebel-held', 'which IS controls', 'التي تسيطر عليها'",
          "[extraction]") {
  auto only = [](const std::vector<Event>& events) {
    REQUIRE(events.size() == 1);
    return events.front();
  };
  // the holder is the side the action was against, never its actor
  const auto held = only(extract("Rebel-held Saraqib was shelled overnight."));
  CHECK(held.actor1.canonical.empty());
  CHECK(held.actor2.canonical == "Syrian opposition");
  const auto struck = only(extract("Government forces shelled rebel-held Saraqib."));
  CHECK(struck.actor1.canonical == "Syrian government forces");
  CHECK(struck.actor2.canonical == "Syrian opposition");
  const auto relative = only(extract("Saraqib, which IS controls, was bombed on Monday."));
  CHECK(relative.actor1.canonical.empty());
  CHECK(relative.actor2.canonical == "Islamic State");
  const auto arabic = only(extract("قصفت الطائرات المناطق التي تسيطر عليها قوات النظام في سراقب."));
  CHECK(arabic.actor1.canonical.empty());
  CHECK(arabic.actor2.canonical == "Syrian government forces");
  // a party that both holds a place and acts stays the actor of what it does
  const auto acting = extract("IS, which controls Raqqa, shelled Manbij.");
  CHECK(has_type(acting, kManbij, SubEventType::ShellingArtilleryMissile));
  for (const auto& e : at(acting, kManbij)) CHECK(e.actor1.canonical == "Islamic State");
}

TEST_CASE("a verb of expulsion takes the place after its 'from': 'expelled IS from X', 'ousted … from X'", "[extraction]") {
  CHECK(has_control(extract("The SDF expelled IS from Manbij."), kManbij, "Syrian Democratic Forces"));
  CHECK(has_control(extract("Rebels ousted government forces from Saraqib on Monday."), kSaraqib, "Syrian opposition"));
  // where an advance set out from is still no place of what it took
  CHECK(at(extract("Rebels captured Saraqib, attacking from Manbij."), kManbij).empty());
}

TEST_CASE("a verb of carrying out after an event noun gives the event its agent: 'launched by', 'شنته', 'نفذتها'",
          "[extraction]") {
  // the agent stands after the verb, beyond the few words an Arabic subject usually follows its verb by
  const auto attack = at(extract("شملت المعركة هجوما عسكريا على سراقب شنته قوات النظام من ثلاثة محاور."), kSaraqib);
  REQUIRE_FALSE(attack.empty());
  CHECK(attack.front().actor1.canonical == "Syrian government forces");
  CHECK(attack.front().actor1.written == "قوات النظام");
  // a party named in an earlier sentence does not take the place of the agent the verb names
  const auto events = extract("Russian jets struck Kafr Nabl on Monday.\nوكان الهجوم على سراقب الذي شنته فصائل المعارضة قد بدأ فجرا.");
  const auto opposition = at(events, kSaraqib);
  REQUIRE_FALSE(opposition.empty());
  CHECK(opposition.front().actor1.canonical == "Syrian opposition");
  const auto english = at(extract("Fierce clashes around Saraqib, waged by rebel fighters against the army, went on all night."), kSaraqib);
  REQUIRE_FALSE(english.empty());
  CHECK(english.front().actor1.canonical == "Syrian opposition");
}

TEST_CASE("'خاض' (fought, waged) is fighting, in its inflections, at every place it was fought for", "[extraction]") {
  const auto events = extract("خاضت فصائل المعارضة حربا شرسة ضد قوات النظام دفاعا عن سراقب وكفرنبل.");
  CHECK(has_type(events, kSaraqib, SubEventType::ArmedClash));
  CHECK(has_type(events, kKafrNabl, SubEventType::ArmedClash));
  const auto saraqib = at(events, kSaraqib);
  REQUIRE_FALSE(saraqib.empty());
  CHECK(saraqib.front().actor1.canonical == "Syrian opposition");
  CHECK(has_type(extract("وخاضوا حربا طويلة في منبج."), kManbij, SubEventType::ArmedClash));
}

TEST_CASE("a name before 'News Agency', 'TV' or 'Radio' is an organisation, not a place", "[extraction]") {
  const auto events = extract("The Manbij News Agency reported that warplanes struck Saraqib on Monday.\n"
                              "Raqqa Today TV said clashes broke out in Kafr Nabl.");
  CHECK(at(events, kManbij).empty());
  CHECK(at(events, kRaqqa).empty());
  CHECK(has_type(events, kSaraqib, SubEventType::AirDroneStrike));
  CHECK(has_type(events, kKafrNabl, SubEventType::ArmedClash));
}

TEST_CASE("a month abbreviated with a full stop before its day ends no sentence: 'Feb. 3, 2018 — …'", "[extraction]") {
  const auto events = extract("EASTERN SYRIA, Sept. 14, 2017 — Coalition military forces conducted 12 strikes near Raqqa.");
  const auto raqqa = at(events, kRaqqa);
  REQUIRE_FALSE(raqqa.empty());
  CHECK(raqqa.front().date.date.iso() == "2017-09-14");
  // the dateline is when the release was written: "yesterday" counts back from it
  const auto yesterday = at(extract("EASTERN SYRIA, Sept. 14, 2017 — Coalition forces conducted 12 strikes near Raqqa yesterday."), kRaqqa);
  REQUIRE_FALSE(yesterday.empty());
  CHECK(yesterday.front().date.date.iso() == "2017-09-13");
  // every event of the release is at Raqqa: the dateline's words are no place
  CHECK(raqqa.size() == events.size());
  // a sentence that does end after an abbreviation-like word still ends
  const auto two = extract("Rebels captured Saraqib in Dec. 2015 fighting resumed.\nWarplanes struck Manbij.");
  CHECK(has_type(two, kManbij, SubEventType::AirDroneStrike));
}

TEST_CASE("an armed group's name is no place, whatever places it honours: 'Liwa Ahrar Manbij', 'كتائب شهداء سراقب'",
          "[extraction]") {
  const auto english = extract("Liwa Ahrar Manbij and the al-Nusra Front attacked Kafr Nabl on Monday.");
  CHECK(at(english, kManbij).empty());
  CHECK(has_type(english, kKafrNabl, SubEventType::ArmedClash));
  const auto article = extract("Harakat Nour al-Raqqa al-Islamiya attacked Kafr Nabl.");
  CHECK(at(article, kRaqqa).empty());
  const auto arabic = extract("هاجمت كتائب شهداء سراقب مواقع قوات النظام في كفرنبل.");
  CHECK(at(arabic, kSaraqib).empty());
  CHECK(has_type(arabic, kKafrNabl, SubEventType::ArmedClash));
  // the group's name ends where its capitals do: the place after it is still a place
  CHECK(has_type(extract("Liwa Ahrar fighters attacked Kafr Nabl."), kKafrNabl, SubEventType::ArmedClash));
}

TEST_CASE("an advance on a place is fighting there, not its capture: 'advanced towards', 'تقدمت نحو'", "[extraction]") {
  CHECK(fought_not_taken(extract("Government troops advanced towards Saraqib on Sunday."), kSaraqib,
                         "Syrian government forces"));
  CHECK(fought_not_taken(extract("تقدم مقاتلو المعارضة نحو مدينة سراقب."), kSaraqib, "Syrian opposition"));
}

TEST_CASE("an attempt to take a place is fighting there; a plan or a threat to take it is no event", "[extraction]") {
  CHECK(fought_not_taken(extract("Rebel fighters attempted to capture Saraqib but were repelled."), kSaraqib,
                         "Syrian opposition"));
  CHECK(fought_not_taken(extract("The army was trying to retake Kafr Nabl on Friday."), kKafrNabl,
                         "Syrian government forces"));
  CHECK(fought_not_taken(extract("تحاول قوات النظام السيطرة على بلدة كفرنبل."), kKafrNabl, "Syrian government forces"));
  // intended only: nothing happened yet
  CHECK(at(extract("The SDF plans to capture Manbij next month."), kManbij).empty());
  CHECK(at(extract("Turkey threatened to seize Manbij."), kManbij).empty());
}

TEST_CASE("the party after 'anti-', 'against' or 'ضد' is fought against, not the actor", "[extraction]") {
  const auto anti = at(extract("Anti-IS forces captured Manbij on Monday."), kManbij);
  for (const auto& e : anti) CHECK(e.new_controller != "Islamic State");
  const auto against = at(extract("A new offensive against IS began near Raqqa."), kRaqqa);
  REQUIRE_FALSE(against.empty());
  CHECK(against.front().actor1.canonical != "Islamic State");
  const auto arabic = at(extract("شنت قوات سوريا الديمقراطية هجوما ضد داعش في الرقة."), kRaqqa);
  REQUIRE_FALSE(arabic.empty());
  CHECK(arabic.front().actor1.canonical == "Syrian Democratic Forces");
}

TEST_CASE("an Arabic noun in construct with a place is no party: 'قاعدة كويرس' is a base, not al-Qaeda", "[extraction]") {
  const auto events = extract("سيطر الجيش السوري على قرية قرب قاعدة كويرس الجوية.");
  REQUIRE_FALSE(events.empty());
  for (const auto& e : events) {
    CHECK(e.actor1.canonical == "Syrian government forces");
    CHECK(e.actor2.canonical != "Hayat Tahrir al-Sham");
  }
}

TEST_CASE("a clause of purpose or a semicolon ends the places a verb acted on", "[extraction]") {
  const auto purpose = extract("Rebels attacked Kafr Nabl in an attempt to cut the road linking Saraqib to Manbij.");
  CHECK(has_type(purpose, kKafrNabl, SubEventType::ArmedClash));
  CHECK(at(purpose, kSaraqib).empty());
  CHECK(at(purpose, kManbij).empty());
  const auto semicolon = extract("The SDF attacked villages near Raqqa; the next day, a ceremony was held in Manbij.");
  CHECK(at(semicolon, kManbij).empty());
}

TEST_CASE("a large place written exactly is that place, not a respelling of a village in the report's governorate", "[extraction]") {
  constexpr const char* kAleppo = "C1007";
  const auto events = extract("قصفت قوات النظام القريتين ومهين وصدد في محافظة حمص.\nوبدأ الجيش هجوم حلب.");
  CHECK_FALSE(at(events, kAleppo).empty());
}

TEST_CASE("a word of taking a place inside a party's name takes nothing: 'Free Syrian Army', 'هيئة تحرير الشام'",
          "[extraction]") {
  for (const char* text : {"The Free Syrian Army shelled Saraqib.", "قصفت هيئة تحرير الشام مدينة سراقب.",
                           "The Levant Liberation Committee shelled Saraqib."}) {
    INFO(text);
    const auto events = at(extract(text), kSaraqib);
    REQUIRE_FALSE(events.empty());
    for (const auto& e : events) CHECK(e.new_controller.empty());
  }
}

TEST_CASE("fighting that names no place, told with a capture, was for the place captured", "[extraction]") {
  const auto english = extract("After days of clashes with the rebels, the army captured Saraqib in Idlib Governorate.");
  CHECK(has_control(english, kSaraqib, "Syrian government forces"));
  for (const auto& e : english) CHECK(e.place.place_id == kSaraqib);  // no clash left at the governorate
  const auto arabic = extract("بعد أيام من الاشتباكات سيطرت قوات النظام على سراقب في محافظة إدلب.");
  CHECK(has_control(arabic, kSaraqib, "Syrian government forces"));
  for (const auto& e : arabic) CHECK(e.place.place_id == kSaraqib);
}

TEST_CASE("a governorate written after a name with a capital is no person's name: 'Suwayda Governorate'", "[extraction]") {
  const auto events = extract("Rebel forces pushed into the Suwayda Governorate but were repelled.");
  REQUIRE_FALSE(events.empty());
  CHECK(events.front().place.place_id == "SY13");
}

TEST_CASE("a party that goes along with the actor is not the actor: 'in allegiance with', 'alongside', 'إلى جانب'",
          "[extraction]") {
  CHECK(has_control(extract("Turkish troops in allegiance with the Free Syrian Army captured Manbij."), kManbij,
                    "Turkish army"));
  CHECK(has_control(extract("Government forces, alongside Iranian militias, recaptured Saraqib."), kSaraqib,
                    "Syrian government forces"));
  CHECK(has_control(extract("سيطرت قوات النظام إلى جانب المعارضة على سراقب."), kSaraqib, "Syrian government forces"));
}

TEST_CASE("a military site named by its unit's number is a place, known or not: 'Brigade 113', 'the 17th Division'",
          "[extraction]") {
  // the place as written, with what locates it after it ("Brigade 46 west of Aleppo")
  auto written_at = [](const std::vector<Event>& events, const std::string& written) {
    return std::any_of(events.begin(), events.end(), [&](const Event& e) { return e.place.written.rfind(written, 0) == 0; });
  };
  const auto brigade = extract("Government troops captured Brigade 46 west of Aleppo after heavy fighting.");
  CHECK(written_at(brigade, "Brigade 46"));
  const auto division = extract("Rebels shelled the barracks of the 12th Division outside Raqqa at dawn.");
  CHECK(written_at(division, "12th Division"));
  const auto base = extract("Army units advanced towards the Regiment 80 Base near Manbij.");
  CHECK(written_at(base, "Regiment 80 Base"));
  const auto arabic = extract("سيطرت قوات النظام على الفوج 46 في ريف حلب الغربي.");
  CHECK(written_at(arabic, "الفوج 46"));
  // the unit word alone names nothing
  CHECK_FALSE(written_at(extract("The brigade attacked Saraqib."), "brigade"));
}

TEST_CASE("an attempt to attack or to advance is fighting already", "[extraction]") {
  CHECK(has_type(extract("Army units were attempting to advance towards Saraqib."), kSaraqib, SubEventType::ArmedClash));
  CHECK(at(extract("Army units plan to advance towards Saraqib."), kSaraqib).empty());
}

TEST_CASE("a name that alone gives one place is that place, though the area the report named first lies elsewhere",
          "[extraction]") {
  constexpr const char* kAinIssa = "C5905";
  const auto events = extract("سيطرت قوات النظام على الفوج 46 في ريف حلب الغربي.\nقصفت الطائرات مواقع قرب عين عيسى.");
  const auto here = at(events, kAinIssa);
  REQUIRE_FALSE(here.empty());
  CHECK(here.front().place.precision == 2);  // near it, as written
}

TEST_CASE("what was possibly or in aim to be taken was not taken: 'possibly capture', 'واحتمالاً السيطرة'", "[extraction]") {
  CHECK_FALSE(has_control(extract("The rebels hoped to breach the lines and possibly capture Saraqib."), kSaraqib,
                          "Syrian opposition"));
  CHECK_FALSE(has_control(extract("كان هدف المعارضة اختراق الخطوط واحتمالاً السيطرة على سراقب."), kSaraqib,
                          "Syrian opposition"));
}

TEST_CASE("a facility written after a name the gazetteer lacks is part of the place as written", "[extraction]") {
  auto written = [](const std::vector<Event>& events, const std::string& text) {
    return std::any_of(events.begin(), events.end(), [&](const Event& e) { return e.place.written.rfind(text, 0) == 0; });
  };
  CHECK(written(extract("The SDF captured several positions, including the Qarnoub station and the mill."),
                "Qarnoub station"));
  CHECK(written(extract("IS seized the villages of Zahlabi, Qarnoub field and Tal Hamam."), "Qarnoub field"));
  // a name the gazetteer knows stays that place: the strike is in Saraqib
  const auto known = extract("Warplanes struck a Saraqib school on Monday.");
  CHECK(has_type(known, kSaraqib, SubEventType::AirDroneStrike));
}

TEST_CASE("an Arabic facility's name runs through its adjectives of relation; one named for a known place lies there",
          "[extraction]") {
  auto written = [](const std::vector<Event>& events, const std::string& text) {
    return std::any_of(events.begin(), events.end(), [&](const Event& e) { return e.place.written.rfind(text, 0) == 0; });
  };
  CHECK(written(extract("استولى الثوار على مركز الدراسات الزراعية قرب سراقب."), "مركز الدراسات الزراعية"));
  // a base named for Kweires, in words the resolver cannot read whole: near Kweires, and no al-Qaeda in it
  const auto base = extract("اندلعت اشتباكات عنيفة قرب قاعدة كويرس الجوية العسكرية.");
  REQUIRE_FALSE(base.empty());
  CHECK(base.front().place.written == "قاعدة كويرس الجوية العسكرية");
  CHECK(base.front().place.precision == 2);
  CHECK(base.front().actor1.canonical != "Hayat Tahrir al-Sham");
  // "a base of the army" names no base
  const auto army = extract("استولى الثوار على سراقب وعلى قاعدة للجيش.");
  CHECK_FALSE(written(army, "قاعدة للجيش"));
}

TEST_CASE("strikes 'in the area' hit the places the clause before named", "[extraction]") {
  const auto english = extract("Rebels attacked Saraqib, while warplanes conducted 20 air raids in the area.");
  CHECK(has_type(english, kSaraqib, SubEventType::AirDroneStrike));
  const auto arabic = extract("هاجم الثوار مدينة سراقب بينما شن الطيران الحربي غارات على المنطقة.");
  CHECK(has_type(arabic, kSaraqib, SubEventType::AirDroneStrike));
}

TEST_CASE("a participle of holding joined to its holder tells no change: 'the IS-controlled town of Manbij'",
          "[extraction]") {
  const auto events = extract("The SDF took control of two villages in an advance toward the IS-controlled town of Manbij.");
  CHECK_FALSE(has_control(events, kManbij, "Islamic State"));
  CHECK_FALSE(has_control(events, kManbij, "Syrian Democratic Forces"));
  CHECK(has_type(events, kManbij, SubEventType::ArmedClash));
}

TEST_CASE("a number leads no place's name: 'Forces Seize Nine Villages'", "[extraction]") {
  const auto events = extract("Kurdish Fighters Capture Four Villages in Syria\nThe SDF shelled Manbij.");
  REQUIRE_FALSE(events.empty());
  for (const auto& e : events) CHECK(e.place.written.find("Four") == std::string::npos);
}

TEST_CASE("an indefinite Arabic noun before 'of the …' is no party: 'تحالف للثوار' is no US-led coalition", "[extraction]") {
  const auto events = at(extract("شنها تحالف للثوار هجوما على مدينة سراقب."), kSaraqib);
  for (const auto& e : events) CHECK(e.actor1.canonical != "US-led coalition");
}

TEST_CASE("people captured are arrested, no place is taken: 'three suspects were captured', 'captured two leaders'",
          "[extraction]") {
  const auto passive = extract("Three suspects were captured near Manbij on Monday.");
  CHECK(has_type(passive, kManbij, SubEventType::Arrests));
  for (const auto& e : passive) CHECK(e.new_controller.empty());
  const auto active = extract("The SDF captured two IS leaders in Raqqa.");
  CHECK(has_type(active, kRaqqa, SubEventType::Arrests));
  // who took a place is no captive: "IS fighters took control of Manbij"
  CHECK(has_control(extract("IS fighters took control of Manbij."), kManbij, "Islamic State"));
}

TEST_CASE("'the military' and 'Syrian Armed Forces' are the government's forces, in what they take", "[extraction][actors]") {
  const auto military = extract("On 3 May, the military captured Saraqib, while the IS commander of the town was reported killed.");
  CHECK(has_control(military, kSaraqib, "Syrian government forces"));
  CHECK_FALSE(has_control(military, kSaraqib, "Islamic State"));
  CHECK(has_control(extract("Syrian Armed Forces took control of the rebel stronghold of Kafr Nabl."), kKafrNabl,
                    "Syrian government forces"));
}

TEST_CASE("a place written after 'in', 'part of' or 'التابعة ل' locates the place before it and gets no event",
          "[extraction]") {
  constexpr const char* kAleppo = "C1007";
  constexpr const char* kKafrHamra = "C1134";
  const auto village = extract("Rebels captured the village of Kafr Hamra in Aleppo.");
  CHECK(has_control(village, kKafrHamra, "Syrian opposition"));
  CHECK(at(village, kAleppo).empty());
  // a facility the gazetteer lacks lies in the town written after it: one event, near the town
  const auto facility = extract("سيطر الثوار على مركز الفنون في حلب.");
  REQUIRE(facility.size() == 1);
  CHECK(facility[0].place.place_id == kAleppo);
  CHECK(facility[0].place.precision == 2);
  const auto hills = extract("At dawn the army seized the village of Tall Bazam, which is part of Jabal al-Arbaeen.");
  CHECK(std::none_of(hills.begin(), hills.end(), [](const Event& e) { return e.place.written == "Jabal al-Arbaeen"; }));
  CHECK_FALSE(hills.empty());
  const auto arabic = extract("سيطر الجيش على قرية الرحبة التابعة لمنطقة السفيرة.");
  REQUIRE(arabic.size() == 1);
  CHECK(arabic[0].place.written.find("\xD8\xA7\xD9\x84\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA9") != std::string::npos);  // الرحبة
}

TEST_CASE("a strike with its agent after it is an event, a taking with its agent after it a state", "[extraction]") {
  const auto shelling = extract("Shelling by rebels hit Saraqib overnight.");
  REQUIRE(at(shelling, kSaraqib).size() == 1);
  CHECK(at(shelling, kSaraqib)[0].type == SubEventType::ShellingArtilleryMissile);
  CHECK(at(shelling, kSaraqib)[0].actor1.canonical == "Syrian opposition");
  // the strikes told after a capture, with their agent, are the agent's and at the place they hit
  const auto both = extract("IS advances in Kafr Nabl came with heavy shelling by the coalition on positions in Saraqib.");
  CHECK(has_type(both, kSaraqib, SubEventType::ShellingArtilleryMissile));
  CHECK_FALSE(has_control(both, kSaraqib, "Islamic State"));
  CHECK(at(extract("The villages seized by IS lie east of Saraqib."), kSaraqib).empty());
}

TEST_CASE("'fell under the control of X', 'وقعت تحت سيطرة X' tell a change of hands to X; 'under' alone a state",
          "[extraction]") {
  CHECK(has_control(extract("وقعت سراقب تحت سيطرة تنظيم الدولة بعد معارك عنيفة."), kSaraqib, "Islamic State"));
  CHECK(has_control(extract("عادت مدينة سراقب تحت سيطرة النظام."), kSaraqib, "Syrian government forces"));
  // "occupation" of a place, with its occupier, is its taking
  CHECK(has_control(extract("بعد احتلال داعش لمدينة سراقب فر السكان."), kSaraqib, "Islamic State"));
  CHECK(has_control(extract("Saraqib fell under the control of IS in the spring."), kSaraqib, "Islamic State"));
  CHECK(at(extract("ما زالت سراقب تحت سيطرة تنظيم الدولة."), kSaraqib).empty());
  CHECK(at(extract("سراقب تحت سيطرة تنظيم الدولة منذ عامين."), kSaraqib).empty());
  CHECK(at(extract("Saraqib is under the control of IS."), kSaraqib).empty());
}

TEST_CASE("a taking whose object is a pronoun, in a sentence that names no place, took the place just named",
          "[extraction]") {
  const auto arabic = extract("سيطر تنظيم الدولة على مدينة سراقب في الربيع. ثم استعاد الجيش السيطرة عليها بعد شهرين.");
  CHECK(has_control(arabic, kSaraqib, "Islamic State"));
  CHECK(has_control(arabic, kSaraqib, "Syrian government forces"));
  const auto english = extract("IS overran Saraqib in the spring. Two months later the army recaptured it.");
  CHECK(has_control(english, kSaraqib, "Syrian government forces"));
}

TEST_CASE("the party an attack or a strike lands on is its target, not its actor", "[extraction][actors]") {
  auto actor_at = [](const std::vector<Event>& events, const std::string& place) {
    const auto here = at(events, place);
    return here.empty() ? std::string("(none)") : here.front().actor1.canonical;
  };
  CHECK(actor_at(extract("شن المتمردون هجوما عنيفا على القوات الحكومية في سراقب."), kSaraqib) == "Syrian opposition");
  CHECK(actor_at(extract("Rebels launched a fierce attack on government forces in Saraqib."), kSaraqib) ==
        "Syrian opposition");
  CHECK(actor_at(extract("شنت الطائرات الروسية غارات على مواقع تنظيم الدولة في سراقب."), kSaraqib) ==
        "Russian air force");
  // a taking "على" a place keeps its actor after the verb
  CHECK(has_control(extract("سيطرت قوات النظام على سراقب."), kSaraqib, "Syrian government forces"));
}

TEST_CASE("a name joined by 'and' to a place just before it is a place, though alone it has namesakes", "[extraction][mentions]") {
  constexpr const char* kAssali = "N0097";  // a neighbourhood of Damascus
  const auto events = extract("Government shells fell on Qadam and Asali, south of Damascus, on Friday.");
  CHECK_FALSE(at(events, kAssali).empty());
  // after a word that is no place, the same name needs a cue of its own
  CHECK(at(extract("The commander and Asali were killed."), kAssali).empty());
}

TEST_CASE("where an attack set out from, written with what set out ('from their positions in X'), is not where it struck",
          "[extraction]") {
  const auto english = extract("IS fighters attacked Saraqib from their positions in Kafr Nabl.");
  CHECK_FALSE(at(english, kSaraqib).empty());
  CHECK(at(english, kKafrNabl).empty());
  const auto arabic = extract("هاجم مقاتلو التنظيم سراقب انطلاقا من مواقعهم في كفرنبل.");
  CHECK_FALSE(at(arabic, kSaraqib).empty());
  CHECK(at(arabic, kKafrNabl).empty());
}

TEST_CASE("'the town' refers to the settlement named before it, in its own sentence first, and never to an airbase",
          "[extraction]") {
  const auto same = extract("On Monday fighting broke out in the town of Saraqib, and troops at the Kuweires airbase shelled the town.");
  CHECK(has_type(same, kSaraqib, SubEventType::ShellingArtilleryMissile));
  // written as the first object beside other places, "the town" is taken too
  const auto both = extract("Fighting raged in the town of Saraqib. By Friday rebels had seized both the town and the Kuweires airbase.");
  CHECK(has_control(both, kSaraqib, "Syrian opposition"));
}

TEST_CASE("fighting with no party beside its word is the sentence's first party's; 'القاعدة الجوية' is a base, no party",
          "[extraction][actors]") {
  const auto english = extract("Heavy clashes took place near Saraqib, where rebel fighters killed five IS militants.");
  REQUIRE_FALSE(at(english, kSaraqib).empty());
  CHECK(at(english, kSaraqib).front().actor1.canonical == "Syrian opposition");
  const auto arabic = extract("اندلعت اشتباكات عنيفة قرب سراقب والقاعدة الجوية.");
  REQUIRE_FALSE(at(arabic, kSaraqib).empty());
  CHECK(at(arabic, kSaraqib).front().actor1.canonical != "Hayat Tahrir al-Sham");
}

TEST_CASE("a common word written with the article is the large town of that name: 'القصير', not 'قصير' (short)",
          "[extraction][mentions]") {
  constexpr const char* kQusayr = "C2733";
  const auto town = extract("شنت قوات الحكومة هجوما عنيفا على القصير.");
  REQUIRE_FALSE(at(town, kQusayr).empty());
  CHECK(at(town, kQusayr).front().actor1.canonical == "Syrian government forces");
  CHECK(at(extract("بعد ذلك بوقت قصير قصفت قوات النظام سراقب."), kQusayr).empty());
}

TEST_CASE("'took the town of X', 'managed to take the villages of X' take them; 'took place' takes nothing", "[extraction]") {
  CHECK(has_control(extract("Government troops took the town of Saraqib after heavy fighting."), kSaraqib,
                    "Syrian government forces"));
  CHECK(has_control(extract("Rebels did, in the end, manage to take the towns of Saraqib and Kafr Nabl."), kKafrNabl,
                    "Syrian opposition"));
  const auto meeting = extract("A meeting of the factions took place in Saraqib.");
  CHECK(std::none_of(meeting.begin(), meeting.end(), [](const Event& e) { return !e.new_controller.empty(); }));
}

TEST_CASE("a name before 'mountain' or 'hill' is a place, known or not; one said to be located somewhere gets no event",
          "[extraction][mentions]") {
  const auto mountain = extract("The next day troops assaulted Jabal Zawiyat Hamdan mountain near Saraqib.");
  CHECK(std::any_of(mountain.begin(), mountain.end(),
                    [](const Event& e) { return e.place.written.rfind("Jabal Zawiyat Hamdan", 0) == 0; }));
  const auto located = extract("Troops attacked the hills above the valley where Saraqib is located.");
  CHECK(at(located, kSaraqib).empty());
}

TEST_CASE("'the A and B areas' makes both places; a name before a facility word is the facility's, known or not",
          "[extraction][mentions]") {
  auto written_at = [](const std::vector<Event>& events, const std::string& written) {
    return std::any_of(events.begin(), events.end(), [&](const Event& e) { return e.place.written == written; });
  };
  const auto areas = extract("Rebels advanced in the Hosh Qarmiyan and Saraqib areas on Sunday.");
  CHECK(written_at(areas, "Hosh Qarmiyan"));
  CHECK_FALSE(at(areas, kSaraqib).empty());
  CHECK(written_at(extract("Government troops attacked the al-Zuhurat checkpoint near Saraqib."), "al-Zuhurat checkpoint"));
  // a party before the facility word is whose it is, not its name
  CHECK_FALSE(written_at(extract("Government troops attacked an SDF checkpoint near Saraqib."), "SDF checkpoint"));
}

TEST_CASE("an Arabic verbal noun of taking joined to 'ل' is a purpose, not a taking: 'لاستعادة السيطرة على X'",
          "[extraction]") {
  const auto purpose = extract("أرسل الجيش تعزيزات من بلدة كفرنبل لاستعادة السيطرة على سراقب.");
  CHECK(std::none_of(purpose.begin(), purpose.end(), [](const Event& e) { return !e.new_controller.empty(); }));
  CHECK(has_control(extract("تمكن الجيش من استعادة السيطرة على سراقب."), kSaraqib, "Syrian government forces"));
}

TEST_CASE("a place 'which was seized from X' was taken, by the other side than X, and its fighting stays an event",
          "[extraction]") {
  for (const auto* text : {"Kurdish fighters clashed with IS fighters near Manbij, which was seized from IS last year.",
                           "خاضت وحدات حماية الشعب معارك مع مقاتلي داعش قرب منبج التي تم الاستيلاء عليها من داعش العام الماضي."}) {
    const auto events = extract(text);
    CHECK(has_control(events, kManbij, "Syrian Democratic Forces"));
    CHECK_FALSE(has_control(events, kManbij, "Islamic State"));
    CHECK(has_type(events, kManbij, SubEventType::ArmedClash));
  }
  // the side a place was taken from is not who took it, even written before the verb
  CHECK_FALSE(has_control(extract("IS fighters lost Manbij, which was captured from IS by Kurdish units."), kManbij,
                          "Islamic State"));
}

TEST_CASE("what a clause of purpose names is intended, also joined by 'and'; 'opened a new front' is fighting",
          "[extraction]") {
  const auto arabic = extract("فتحت قوات النظام جبهة جديدة في بلدة سراقب في محاولة لتخفيف الضغط ومهاجمة المعارضة في كفرنبل.");
  CHECK(has_type(arabic, kSaraqib, SubEventType::ArmedClash));
  CHECK(at(arabic, kKafrNabl).empty());
  const auto english = extract("Government forces opened a new front in Saraqib in order to relieve pressure and attack rebels in Kafr Nabl.");
  CHECK(has_type(english, kSaraqib, SubEventType::ArmedClash));
  CHECK(at(english, kKafrNabl).empty());
  // "a battle for X that included an attack" tells the attack
  CHECK_FALSE(at(extract("كانت معركة سراقب معركة من أجل مدينة سراقب شملت هجوماً شنته قوات النظام."), kSaraqib).empty());
}

TEST_CASE("strikes told by how they fell: 'warplanes pounded X', 'a barrel bomb fell on X', 'غارة', 'قاتلت'",
          "[extraction]") {
  CHECK(has_type(extract("Regime warplanes pounded Saraqib overnight."), kSaraqib, SubEventType::AirDroneStrike));
  CHECK(has_type(extract("A barrel bomb fell on Saraqib at dawn."), kSaraqib, SubEventType::AirDroneStrike));
  CHECK(has_type(extract("شن الطيران الحربي غارة على مدينة سراقب."), kSaraqib, SubEventType::AirDroneStrike));
  CHECK(has_type(extract("قاتلت فصائل المعارضة قوات النظام في سراقب."), kSaraqib, SubEventType::ArmedClash));
}

TEST_CASE("a named region after 'in' locates the places listed in it, and is the place only when none is named", "[extraction]") {
  constexpr const char* kGhab = "regions:ghab";
  constexpr const char* kQastun = "C3170";
  // the villages taken are the events; the plain they lie in is where they are
  const auto listed = extract("Army units took back three villages in the al-Ghab plain: Qastun, al-Mansoura and Zzyqatun.");
  CHECK(has_control(listed, kQastun, "Syrian government forces"));
  CHECK(std::none_of(listed.begin(), listed.end(), [](const Event& e) { return e.place.written.find("Ghab") != std::string::npos; }));
  const auto unknown = std::find_if(listed.begin(), listed.end(), [](const Event& e) { return e.place.written == "Zzyqatun"; });
  REQUIRE(unknown != listed.end());
  CHECK(unknown->place.place_id == kGhab);  // an unknown village is placed at the region that holds it
  // a region with nothing finer named is the event's place
  CHECK(has_type(extract("Heavy fighting went on in Eastern Ghouta through the night."), "regions:eastern-ghouta",
                 SubEventType::ArmedClash));
  CHECK(has_type(extract("تواصلت الاشتباكات العنيفة في جبال القلمون طوال الليل."), "regions:qalamoun", SubEventType::ArmedClash));
  // written as an object beside towns, a region is acted on like them
  const auto objects = extract("Rebel fighters attacked Saraqib and the Ghab plain on Sunday.");
  CHECK(has_type(objects, kSaraqib, SubEventType::ArmedClash));
  CHECK(has_type(objects, kGhab, SubEventType::ArmedClash));
}

TEST_CASE("areas in Arabic agree in gender, plains and mountains are written in the plural, and what lies between places is neither", "[extraction]") {
  // the feminine direction after a feminine area word belongs to the area
  const auto east = extract("اندلعت اشتباكات في محافظة حمص الشرقية.");
  REQUIRE(east.size() == 1);
  CHECK(east[0].place.written == "محافظة حمص الشرقية");
  CHECK(east[0].place.precision == 3);
  // "سهول X", the plains of X, marks a place as "قرية X" does
  CHECK(has_type(extract("دارت معارك عنيفة في سهول الغاب."), "regions:ghab", SubEventType::ArmedClash));
  // "X, located between A and B": A and B say where X lies, in both languages
  for (const char* text : {"قصفت المدفعية جبل الأكراد الواقع بين اللاذقية وإدلب.",
                           "Artillery shelled Jabal al-Akrad, located between Latakia and Idlib."}) {
    const auto events = extract(text);
    CHECK(has_type(events, "regions:jabal-akrad", SubEventType::ShellingArtilleryMissile));
    CHECK(events.size() == 1);
  }
}

TEST_CASE("'the town of X' names X, a state's aircraft are its strike, and strikes amid a capture hit the place taken", "[extraction]") {
  constexpr const char* kHass = "C4058";
  constexpr const char* kAriha = "C4278";
  // the settlement word before "of" is no reference to the town named in the sentence before
  const auto two = extract("Fighting went on around Hass all night.\nWarplanes bombed the town of Ariha at dawn.");
  CHECK(has_type(two, kAriha, SubEventType::AirDroneStrike));
  CHECK(!has_type(two, kHass, SubEventType::AirDroneStrike));
  // "Turkish drones", "regime helicopters": whoever flies them made the strike
  const auto drones = extract("Turkish drones hit a convoy near Saraqib.");
  CHECK(actor_at(drones, kSaraqib) == "Turkish army");
  const auto helicopters = extract("Regime helicopters dropped barrel bombs on Kafr Nabl.");
  CHECK(actor_at(helicopters, kKafrNabl) == "Syrian government forces");
  // strikes that name no place, told with a capture, fell on the place captured; strikes that only back the
  // attack are not said to have hit it
  const auto amid = extract("The army retook Saraqib amid heavy shelling.");
  CHECK(has_control(amid, kSaraqib, "Syrian government forces"));
  CHECK(has_type(amid, kSaraqib, SubEventType::ShellingArtilleryMissile));
  const auto backed = extract("Backed by Russian air strikes, the army retook Saraqib.");
  CHECK(has_control(backed, kSaraqib, "Syrian government forces"));
  CHECK(!has_type(backed, kSaraqib, SubEventType::AirDroneStrike));
}

TEST_CASE("a named region written exactly is that region, whatever area the rest of the report is about", "[extraction]") {
  // a report about Idlib, whose first area lies south of Aleppo: the plain in Hama is still the plain
  const auto events = extract(
      "Fighting spread to the outskirts of Saraqib on Sunday as government troops pushed north.\n"
      "Turkish drones struck a convoy near Maarat al-Numan, killing six soldiers.\n"
      "Opposition factions regained control of Nairab after a counter-attack backed by Turkish artillery.\n"
      "Clashes raged around Kafr Nabl and Hass throughout the night.\n"
      "Warplanes bombed the town of Ariha, hitting a market and a school.\n"
      "Government forces entered Khan Tuman, the last rebel stronghold south of Aleppo city.\n"
      "The army advanced into the Sahl al-Ghab and captured Qalaat al-Madiq.");
  const auto plain = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.place.written == "Sahl al-Ghab"; });
  REQUIRE(plain != events.end());
  CHECK(plain->place.place_id == "regions:ghab");
}

TEST_CASE("who fired: a party named with the weapon, barrel bombs, and bombs no party is named for", "[extraction]") {
  constexpr const char* kTalTamer = "C4409";
  constexpr const char* kBab = "C1202";
  // the trigger's word inside a party's name: that party fired, not the one whose positions were hit
  const auto artillery = extract("Turkish artillery shelled SDF positions near Tal Tamer.");
  CHECK(actor_at(artillery, kTalTamer) == "Turkish army");
  // barrel bombs are the government's, whoever the sentence before named
  const auto barrels = extract("Turkish artillery shelled SDF positions near Tal Tamer.\nHelicopters dropped barrel bombs on Kafr Nabl.");
  CHECK(actor_at(barrels, kKafrNabl) == "Syrian government forces");
  const auto arabic = extract("ألقت المروحيات براميل متفجرة على بلدة كفرنبل.");
  CHECK(actor_at(arabic, kKafrNabl) == "Syrian government forces");
  // a bomb with no party named was not set by the party the sentence before named
  const auto bomb = extract("Turkish artillery shelled SDF positions near Tal Tamer.\nA car bomb exploded in the centre of al-Bab.");
  REQUIRE(!at(bomb, kBab).empty());
  CHECK(at(bomb, kBab)[0].actor1.canonical.empty());
}

TEST_CASE("the desert of a town is an area, in both languages", "[extraction]") {
  const std::pair<const char*, const char*> cases[] = {
      {"قتل جنديان بهجوم لخلايا التنظيم في بادية دير الزور.", "بادية دير الزور"},
      {"Fighters ambushed a patrol in the Deir ez-Zor desert.", "Deir ez-Zor desert"}};
  for (const auto& [text, area] : cases) {
    const auto events = extract(text);
    REQUIRE(events.size() == 1);
    CHECK(events[0].place.written == area);
    CHECK(events[0].place.precision == 3);
  }
}

TEST_CASE("an area after a listed name locates it, with the name's joined 'and' peeled", "[extraction]") {
  constexpr const char* kDadikh = "C3910";
  const auto events = extract("استعادت الفصائل السيطرة على قرى النيرب وتل مرديخ وداديخ شرق سراقب.");
  CHECK(has_control(events, kDadikh, "Syrian opposition"));
  // the area east of Saraqib only says where Dadikh lies
  CHECK(at(events, kSaraqib).empty());
}

TEST_CASE("a party that lost a place did not take it, and parties joined by 'and' act in the order named", "[extraction]") {
  // "lost control of X": the side it fought took X
  const auto lost = extract("Government troops lost control of Saraqib after clashes with rebel fighters.");
  CHECK(has_control(lost, kSaraqib, "Syrian opposition"));
  CHECK(!has_control(lost, kSaraqib, "Syrian government forces"));
  // the Arabic verb of losing leads its subject and the noun of control: no side named takes it
  const auto arabic = extract("فقدت قوات النظام السيطرة على بلدة كفرنبل.");
  CHECK(!has_control(arabic, kKafrNabl, "Syrian government forces"));
  // "Turkish-backed fighters" are the opposition Turkey backs, not the side they fought
  const auto backed = extract("Turkish-backed fighters captured Manbij after clashes with the YPG.");
  CHECK(has_control(backed, kManbij, "Syrian opposition"));
  // adjectives that share one noun: the first party named is the actor
  for (const char* text : {"Syrian and Russian warplanes struck Saraqib.", "شنت الطائرات السورية والروسية غارات على سراقب.",
                           "تقدم الجيشان السوري والروسي نحو مدينة سراقب."}) {
    const auto events = extract(text);
    CHECK(actor_at(events, kSaraqib) == "Syrian government forces");
  }
}

TEST_CASE("the party whose positions are hit is the target, with or without 'on'", "[extraction]") {
  const std::pair<const char*, const char*> cases[] = {
      {"Rebels shelled regime positions in Saraqib.", "Syrian opposition"},
      {"استهدفت الفصائل بالصواريخ تجمعات قوات النظام في مدينة سراقب.", "Syrian opposition"},
      {"قصفت قوات النظام مواقع الفصائل في مدينة سراقب.", "Syrian government forces"}};
  for (const auto& [text, shooter] : cases) {
    const auto events = extract(text);
    CHECK(actor_at(events, kSaraqib) == shooter);
  }
}

TEST_CASE("where fighting spread to is where it was fought, where anyone set out from is not", "[extraction]") {
  CHECK(has_type(extract("Fighting spread to Saraqib on Monday."), kSaraqib, SubEventType::ArmedClash));
  CHECK(has_type(extract("Clashes extended to Saraqib overnight."), kSaraqib, SubEventType::ArmedClash));
  // "to" after a verb of moving people or an attack from elsewhere stays where they went, not a fight
  CHECK(at(extract("The army attacked from Kafr Nabl to Saraqib."), kKafrNabl).empty());
}

TEST_CASE("a place a hill overlooks only says where the hill is, and is no area for the report's other names", "[extraction]") {
  constexpr const char* kSalma = "C3704";
  const auto events = extract(
      "On 9 January, the army took control of the hilltop of Tal Zzyq overlooking the town of Salma.\n"
      "Rebels counter-attacked near Kabani.");
  // the town the hill overlooks was not taken
  CHECK(!has_control(events, kSalma, "Syrian government forces"));
  const auto hill = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.place.written == "Tal Zzyq"; });
  REQUIRE(hill != events.end());
  CHECK(hill->new_controller == "Syrian government forces");
  // an unknown hill is placed by the report's area, not by a district whose name looks like the village's
  CHECK(hill->place.place_id != "SY0503");
}

TEST_CASE("'the group' is the armed group named last, though a state was named after it", "[extraction]") {
  constexpr const char* kHoms = "C2528";
  for (const char* text : {"IS fighters seized Palmyra from the army on Sunday.\nThe group then attacked army positions near Homs.",
                           "سيطر تنظيم الدولة على تدمر بعد معارك مع الجيش.\nبعد ذلك بدأت المجموعة في شن هجمات على الجيش قرب حمص."}) {
    CHECK(actor_at(extract(text), kHoms) == "Islamic State");
  }
}

TEST_CASE("driving a party out of a place takes the place, for the party that drove", "[extraction]") {
  CHECK(has_control(extract("Rebels pushed government troops out of Saraqib at dawn."), kSaraqib, "Syrian opposition"));
  CHECK(has_control(extract("Kurdish fighters drove IS militants out of Manbij."), kManbij, "Syrian Democratic Forces"));
  // "out of" with no verb of driving takes nothing
  CHECK(at(extract("Thousands of families fled out of Saraqib."), kSaraqib).empty());
}

TEST_CASE("an Arabic attempt to take a place, in the past or as a purpose, is fighting there and no capture", "[extraction]") {
  for (const char* text : {"شن الجيش هجوماً في محاولة للسيطرة على بلدة كفرنبل.", "حاولت قوات النظام السيطرة على بلدة كفرنبل."}) {
    const auto events = extract(text);
    CHECK(has_type(events, kKafrNabl, SubEventType::ArmedClash));
    CHECK(!has_control(events, kKafrNabl, "Syrian government forces"));
  }
  // reinforcements sent to take a place tell no fighting yet
  CHECK(at(extract("أرسل الجيش تعزيزات للسيطرة على بلدة كفرنبل."), kKafrNabl).empty());
}

TEST_CASE("still trying to take a place is fighting there, still holding it is no event", "[extraction]") {
  CHECK(has_type(extract("ما زالت قوات النظام تحاول السيطرة على بلدة كفرنبل."), kKafrNabl, SubEventType::ArmedClash));
  CHECK(at(extract("ما زالت قوات النظام تسيطر على بلدة كفرنبل."), kKafrNabl).empty());
}
