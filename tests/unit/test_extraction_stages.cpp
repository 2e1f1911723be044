// Each stage of extraction on its own, on sentences written for the test.
#include <catch2/catch.hpp>

#include "embedded_data.hpp"

#include "events/actor_roles.hpp"
#include "events/document_places.hpp"
#include "events/event_reconciliation.hpp"
#include "events/event_triggers.hpp"
#include "events/place_assignment.hpp"
#include "events/strike_counts.hpp"
#include "gazetteer/gazetteer_files.hpp"

using namespace conflictmap;

namespace {

const Lexicon& lexicon() { return testing::embedded_lexicon(); }

const Resolver& resolver() { return testing::syria_resolver(); }

std::vector<Token> annotated(const std::string& text) {
  auto tokens = tokenize(text);
  lexicon().annotate(tokens);
  return tokens;
}

std::size_t token_at(const std::vector<Token>& tokens, const std::string& form) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].form == form) return i;
  }
  FAIL("no token " << form);
  return 0;
}


// One-word mentions of these names, found in the tokens, in order
std::vector<PlaceMention> one_word_mentions(const std::vector<Token>& tokens, const std::vector<std::string>& names) {
  std::vector<PlaceMention> mentions(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    mentions[i].first = token_at(tokens, names[i]);
    mentions[i].last = mentions[i].first + 1;
  }
  return mentions;
}

}  // namespace

TEST_CASE("TriggerFinder tells events from states, intentions and support", "[stages][triggers]") {
  const TriggerFinder finder(lexicon());
  auto only = [&](const std::string& text) {
    const auto triggers = finder.find(annotated(text));
    REQUIRE(triggers.size() == 1);
    return triggers.front();
  };
  CHECK_FALSE(only("Rebels captured the town.").descriptive);
  CHECK(only("The villages seized by IS lie east.").descriptive);
  CHECK(only("The town is controlled by rebels.").descriptive);
  const auto passive = only("The town was captured by the SDF.");
  CHECK_FALSE(passive.descriptive);
  CHECK(passive.agent_follows);
  CHECK(only("Troops are preparing to capture the town.").descriptive);
  CHECK(only("The army, backed by air strikes, moved on.").supporting);
  CHECK(only("المناطق التي تسيطر عليها قوات النظام").descriptive);
  CHECK(is_territorial_kind("regain"));
  CHECK(is_strike_kind("shelling"));
  CHECK_FALSE(is_strike_kind("clash"));
}

TEST_CASE("PlaceAssigner gives a place to the nearest verb before it, lists to the verb of control", "[stages][places]") {
  const TriggerFinder finder(lexicon());
  const PlaceAssigner assigner(lexicon());
  const std::string text = "Rebels shelled Alpha, then captured several villages including Beta and Gamma after clashes.";
  const auto tokens = annotated(text);
  auto triggers = finder.find(tokens);
  REQUIRE(triggers.size() == 3);  // shelled, captured, clashes
  const auto mentions = one_word_mentions(tokens, {"alpha", "beta", "gamma"});
  std::vector<const PlaceMention*> pointers{&mentions[0], &mentions[1], &mentions[2]};
  assigner.assign(text, tokens, pointers, triggers, {0, 1, 2});
  CHECK(triggers[0].places == std::vector<std::size_t>{0});
  CHECK(triggers[1].places == std::vector<std::size_t>{1, 2});
  CHECK(triggers[2].places.empty());
}

TEST_CASE("PlaceAssigner: no place across a semicolon or a clause of purpose", "[stages][places]") {
  const TriggerFinder finder(lexicon());
  const PlaceAssigner assigner(lexicon());
  const std::string text = "Rebels attacked Alpha in order to cut the road linking Beta; later Gamma was quiet.";
  const auto tokens = annotated(text);
  auto triggers = finder.find(tokens);
  REQUIRE(triggers.size() == 1);  // attacked
  const auto mentions = one_word_mentions(tokens, {"alpha", "beta", "gamma"});
  std::vector<const PlaceMention*> pointers{&mentions[0], &mentions[1], &mentions[2]};
  assigner.assign(text, tokens, pointers, triggers, {0});
  CHECK(triggers[0].places == std::vector<std::size_t>{0});
}

TEST_CASE("PlaceAssigner lends a verb of control the places of the one before it", "[stages][places]") {
  const TriggerFinder finder(lexicon());
  const PlaceAssigner assigner(lexicon());
  const std::string text = "IS took control of Alpha but rebels regained it.";
  const auto tokens = annotated(text);
  auto triggers = finder.find(tokens);
  REQUIRE(triggers.size() == 2);
  PlaceMention alpha;
  alpha.first = token_at(tokens, "alpha");
  alpha.last = alpha.first + 1;
  assigner.assign(text, tokens, {&alpha}, triggers, {0, 1});
  CHECK(triggers[1].borrowed);
  CHECK(triggers[1].places == std::vector<std::size_t>{0});
}

TEST_CASE("ActorRoles: backers apart, acronyms in capitals, the agent after 'by', air power remembered", "[stages][actors]") {
  const ActorRoles roles(lexicon());
  const TriggerFinder finder(lexicon());
  {
    const std::string text = "The SDF, backed by coalition aircraft, captured the dam.";
    const auto tokens = annotated(text);
    const auto actors = roles.find(tokens, text);
    REQUIRE(actors.acting.size() == 1);
    CHECK(actors.acting.front().phrase->canonical == "Syrian Democratic Forces");
    REQUIRE(actors.backers.size() == 1);
    CHECK(actors.backers.front().phrase->canonical == "US-led coalition");
  }
  {
    const std::string text = "Aleppo is quiet while IS fighters wait.";
    const auto tokens = annotated(text);
    const auto actors = roles.find(tokens, text);
    REQUIRE(actors.acting.size() == 1);
    CHECK(tokens[actors.acting.front().first].form == "is");
    CHECK(text.substr(tokens[actors.acting.front().first].begin, 2) == "IS");
  }
  {
    const std::string text = "The town was captured by government troops.";
    const auto tokens = annotated(text);
    const auto actors = roles.find(tokens, text);
    const auto triggers = finder.find(tokens);
    REQUIRE(triggers.size() == 1);
    CHECK(roles.actor_of(triggers.front(), actors, tokens, text, {}).canonical == "Syrian government forces");
  }
  {
    ActorMemory memory;
    const std::string first = "Russian jets were over the province.";
    const auto first_tokens = annotated(first);
    roles.remember(roles.find(first_tokens, first), first_tokens, first, memory);
    CHECK(memory.last_state.canonical == "Russian air force");
    const std::string text = "Four strikes hit IS positions.";
    const auto tokens = annotated(text);
    const auto triggers = finder.find(tokens);
    REQUIRE(!triggers.empty());
    CHECK(roles.actor_of(triggers.front(), roles.find(tokens, text), tokens, text, memory).canonical == "Russian air force");
  }
}

TEST_CASE("strike counts: the number before the trigger, shares among places, the death toll", "[stages][counts]") {
  {
    const auto tokens = annotated("More than 70 air strikes hit the towns.");
    const auto at = token_at(tokens, "air");
    CHECK(count_before(tokens, at, lexicon()) == 70);
  }
  {
    const auto tokens = annotated("Ten strikes, 8 of them on Alpha while two of them on Beta and Gamma.");
    const auto shares = strike_shares(tokens, lexicon());
    REQUIRE(shares.size() == 2);
    const auto share = share_per_place(shares, {token_at(tokens, "alpha"), token_at(tokens, "beta"), token_at(tokens, "gamma")},
                                       tokens.size());
    CHECK(share.at(0) == 8);
    CHECK(share.at(1) == 1);
    CHECK(share.at(2) == 1);
  }
  CHECK(fatalities_in(annotated("The shelling killed 12 civilians."), lexicon()) == 12);
  CHECK_FALSE(fatalities_in(annotated("The shelling went on."), lexicon()));
}

TEST_CASE("EventReconciler: one capture per place and controller, fighting that ends in a capture goes", "[stages][reconcile]") {
  EventReconciler reconciler;
  std::vector<Event> events;
  Event capture;
  capture.type = SubEventType::NonStateActorOvertakesTerritory;
  capture.new_controller = "Syrian opposition";
  capture.place.place_id = "P1";
  capture.place.written = "Alpha";
  capture.place.precision = 1;
  Event clash = capture;
  clash.type = SubEventType::ArmedClash;
  clash.new_controller.clear();
  reconciler.begin_sentence(0, events);
  if (reconciler.admit(clash, false)) events.push_back(clash);
  if (reconciler.admit(capture, false)) events.push_back(capture);
  reconciler.end_sentence(events);
  REQUIRE(events.size() == 1);
  CHECK(events.front().type == SubEventType::NonStateActorOvertakesTerritory);
  reconciler.begin_sentence(1, events);
  CHECK_FALSE(reconciler.admit(capture, false));  // told already
  Event other = capture;
  other.place.written = "Beta";
  CHECK(reconciler.admit(other, true));  // placed only at its area: not the same place as Alpha
  Event retaken = capture;
  retaken.new_controller = "Islamic State";
  CHECK(reconciler.admit(retaken, false));
}

TEST_CASE("DocumentPlaces gives every sentence the report's governorate and the area it writes", "[stages][document]") {
  std::vector<ResolvedMention> first(2), second(1);
  first[0].mention.text = "northern countryside of Aleppo";
  first[0].mention.region = true;
  first[1].mention.text = "Soran";
  first[1].mention.known = true;
  second[0].mention.text = "Tal Rifaat";
  second[0].mention.known = true;
  DocumentPlaces document(resolver(), {&first, &second});
  CHECK(first[0].resolution.has_point());  // areas are resolved at once
  CHECK_FALSE(first[1].resolved);          // names wait for a verb
  const auto& context = document.context(1);
  REQUIRE(context.texts.size() == 2);
  CHECK(context.texts.back() == "northern countryside of Aleppo");
  document.resolve(first[1], 0);
  CHECK(first[1].resolved);
  CHECK(first[1].resolution.place_id == "C1664");  // the Suran near Mare', not its namesakes
}
