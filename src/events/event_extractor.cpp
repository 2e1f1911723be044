#include "events/event_extractor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/parallel.hpp"
#include "events/document_places.hpp"
#include "events/event_reconciliation.hpp"
#include "events/relative_date.hpp"
#include "events/strike_counts.hpp"

namespace conflictmap {

namespace {

SubEventType type_of(const std::string& kind) {
  if (kind == "air_strike") return SubEventType::AirDroneStrike;
  if (kind == "shelling") return SubEventType::ShellingArtilleryMissile;
  if (kind == "car_bomb") return SubEventType::RemoteExplosive;
  if (kind == "suicide_bomb") return SubEventType::SuicideBomb;
  if (kind == "arrests") return SubEventType::Arrests;
  if (kind == "agreement") return SubEventType::Agreement;
  if (kind == "civilians") return SubEventType::ViolenceAgainstCivilians;
  if (kind == "clash") return SubEventType::ArmedClash;
  return SubEventType::NonStateActorOvertakesTerritory;
}

// The report's headline: its first sentence, when it is a line of its own with no full stop.
bool is_headline(const ReportDocument& report, const Sentence& s) {
  if (report.sentences.empty() || &s != &report.sentences.front()) return false;
  const bool own_line = s.end >= report.text.size() || report.text[s.end] == '\n' || report.text[s.end] == '\r';
  return own_line && s.end > s.begin && report.text[s.end - 1] != '.';
}

void drop_headline_repeats(const ReportDocument& report, std::vector<Event>& events) {
  if (report.sentences.empty() || !is_headline(report, report.sentences.front())) return;
  const std::size_t headline_end = report.sentences.front().end;
  auto from_headline = [&](const Event& e) { return e.provenance.span_begin < headline_end; };
  std::set<std::pair<int, std::string>> in_body;
  for (const auto& e : events) {
    if (!from_headline(e)) in_body.insert({static_cast<int>(e.type), e.place.place_id + "|" + e.place.name});
  }
  events.erase(std::remove_if(events.begin(), events.end(),
                              [&](const Event& e) {
                                return from_headline(e) &&
                                       in_body.count({static_cast<int>(e.type), e.place.place_id + "|" + e.place.name}) > 0;
                              }),
               events.end());
}

struct SentenceSpan {
  std::size_t begin = 0, end = 0;  // byte offsets in the document
};

struct SentenceData {
  SentenceSpan span;  // its tokens are `tokens`, the report's own, not copied
  std::string_view text;
  const std::vector<Token>* tokens = nullptr;  // the report's own, annotated once
  std::vector<ResolvedMention> mentions;
  SentenceActors actors;
};

}  // namespace

namespace {

// "fighting broke out in the town of X, and troops at a base shelled the town": "the town" refers to the
// settlement this sentence named before it, when it named one the gazetteer places as a settlement
const ResolvedMention* settlement_before(const std::vector<ResolvedMention>& mentions, std::size_t before,
                                         const Gazetteer& gazetteer) {
  const ResolvedMention* found = nullptr;
  for (const auto& m : mentions) {
    if (m.mention.last > before || !m.mention.known || m.mention.region || !m.resolved) continue;
    const auto& r = m.resolution;
    if (!r.has_point() || r.precision != Precision::Place || r.candidates.empty() ||
        r.status == ResolutionStatus::RegionOnly) {
      continue;
    }
    if (is_settlement(gazetteer.places()[r.candidates.front().place].kind)) found = &m;
  }
  return found;
}

}  // namespace

EventExtractor::EventExtractor(const Resolver& resolver, const Lexicon& lexicon)
    : resolver_(resolver), lexicon_(lexicon), mentions_(resolver, lexicon), triggers_(lexicon), places_(lexicon),
      actors_(lexicon), anaphor_(lexicon.mask({"anaphor"})), near_(lexicon.mask({"near"})),
      pronoun_(lexicon.mask({"pronoun"})) {}

bool EventExtractor::near_before(const std::vector<Token>& tokens, std::size_t first) const {
  for (std::size_t back = 1; back <= 4 && back <= first; ++back) {
    if (auto m = lexicon_.match_at(tokens, first - back, near_); m && m->last == first) return true;
  }
  return false;
}

EventDate EventExtractor::date_of_sentence(const std::vector<Token>& tokens, std::string_view text, DateState& state,
                                           std::optional<CivilDate> published) const {
  // a day written out, or counted from the last day told
  if (auto written = read_written_date(tokens, text, lexicon_, state, published)) {
    if (written->date.precision == TimePrecision::Day) state.last_day = written->date.date;
    // a month heading ("September 2015") ends the day told before it
    if (written->date.precision == TimePrecision::Month) state.last_day.reset();
    return written->date;
  }
  // "yesterday", "two days ago": counted back from the publication
  if (auto relative = read_relative_date(tokens, text, lexicon_, published)) {
    if (relative->precision == TimePrecision::Day) state.last_day = relative->date;
    return *relative;
  }
  // a sentence that names no time goes on with the day told before it, else the day of publication
  EventDate date;
  if (state.last_day) {
    date.date = *state.last_day;
    date.precision = TimePrecision::Day;
  } else if (published) {
    date.date = *published;
    date.precision = TimePrecision::Day;
  }
  return date;
}

namespace {
// No line break between two sentences: one paragraph.
bool same_paragraph(const ReportDocument& report, const SentenceSpan& before, const SentenceSpan& after) {
  if (before.end > after.begin || after.begin > report.text.size()) return false;
  return report.text.substr(before.end, after.begin - before.end).find('\n') == std::string_view::npos;
}
}  // namespace

ExtractedReport EventExtractor::extract(const ReportDocument& report, std::optional<CivilDate> date,
                                       unsigned threads) const {
  ExtractedReport out;
  std::optional<CivilDate> published = date ? date : report.published;

  // sentences, their mentions and their actors
  // a village introduced as such ("قرية الشريفة") may be written bare elsewhere in the report
  std::unordered_set<std::string> introduced;
  for (const auto& s : report.sentences) mentions_.introduced_names(s.tokens, introduced);
  // each sentence's mentions and actors depend on that sentence alone
  std::vector<SentenceData> sentences(report.sentences.size());
  run_ranges_on_threads(sentences.size(), 64, std::max(1u, threads), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const Sentence& s = report.sentences[i];
      SentenceData& d = sentences[i];
      d.span = {s.begin, s.end};
      d.text = std::string_view(report.text).substr(s.begin, s.end - s.begin);
      d.tokens = &s.tokens;
      for (auto& m : mentions_.find(d.text, *d.tokens, introduced)) d.mentions.push_back({std::move(m), {}, false});
      std::vector<std::size_t> place_starts;
      for (const auto& m : d.mentions) place_starts.push_back(m.mention.first);
      d.actors = actors_.find(*d.tokens, d.text, place_starts);
    }
  });
  std::vector<std::vector<ResolvedMention>*> all_mentions;
  for (auto& s : sentences) all_mentions.push_back(&s.mentions);
  DocumentPlaces document(resolver_, all_mentions);

  const std::string stem = std::filesystem::path(report.path).stem().string();
  std::vector<Event> events;
  EventReconciler reconciler;
  ActorMemory actor_memory;
  DateState date_state;
  std::optional<ResolvedMention> last_place;  // the settlement a later "the town" refers to
  std::size_t last_place_sentence = 0;        // the sentence that named it
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    auto& s = sentences[si];
    const auto& tokens = *s.tokens;
    const std::string sentence(s.text);
    auto antecedent_in_sentence = [&](const SentenceData& sd, std::size_t before) {
      return settlement_before(sd.mentions, before, resolver_.gazetteer());
    };
    // "البلدة" refers back; "بلدة" (no article) names the town that follows it
    auto refers_back = [&](const PhraseMatch& a) {
      // "bombed the town of Ariha": the name after "of" is the town, no town named before
      if (a.last < tokens.size() && tokens[a.last].form == "of") return false;
      return tokens[a.first].script != Script::Arabic ||
             written_with_article(s.text.substr(tokens[a.first].begin, tokens[a.first].end - tokens[a.first].begin));
    };
    // a mention of the settlement a word refers to, written where that word is: the one this sentence named
    // before `before`, else the last one placed
    auto refer_back = [&](const PhraseMatch& a, std::size_t before) -> std::optional<std::size_t> {
      const auto* here = antecedent_in_sentence(s, before);
      if (!here && !last_place) return std::nullopt;
      ResolvedMention back = here ? *here : *last_place;
      back.mention.first = a.first;
      back.mention.last = a.last;
      s.mentions.push_back(std::move(back));
      return s.mentions.size() - 1;
    };
    // Every sentence moves the report's time on, whether or not it tells an event: "4 September" as a heading,
    // "On 12 March, …", "the next day"
    // a release's dateline is its publication ("Feb. 3, 2018 — … yesterday"), from there on: written in the
    // text beside what it dates, it says more than a date given for the whole document
    const auto dateline = read_dateline(s.text);
    if (dateline) {
      published = dateline->date;
      date_state.last_day = dateline->date;  // and the day told, until the release tells another
    }
    std::vector<Token> after_dateline;
    if (dateline) {
      for (const auto& t : tokens) {
        if (t.begin >= dateline->text_begins) after_dateline.push_back(t);
      }
    }
    const EventDate event_date = date_of_sentence(dateline ? after_dateline : tokens, s.text, date_state, published);
    auto report_unplaced = [&](std::size_t first, std::size_t last, const std::string& reason) {
      UnresolvedMention u;
      u.document = report.path;
      u.begin = s.span.begin + tokens[first].begin;
      u.end = s.span.begin + tokens[last - 1].end;
      u.text = std::string(s.text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
      u.reason = reason;
      u.sentence = sentence;
      out.unresolved.push_back(std::move(u));
    };

    std::vector<Trigger> triggers = triggers_.find(tokens);
    // "the Islamic State-controlled town of Manbij", "rebel-held Saraqib": a participle of holding joined by a
    // hyphen to its holder describes the place, it tells no change
    for (auto& t : triggers) {
      if (!is_territorial_kind(t.phrase->kind) || t.first == 0) continue;
      const auto& before = tokens[t.first - 1];
      if (before.script == Script::Latin && s.text.substr(before.end, tokens[t.first].begin - before.end) == "-") {
        t.descriptive = true;
      }
    }
    std::vector<std::size_t> live;
    for (std::size_t t = 0; t < triggers.size(); ++t) {
      if (!triggers[t].descriptive) live.push_back(t);
    }
    if (!live.empty()) {
      std::vector<const PlaceMention*> mentions;
      for (const auto& m : s.mentions) mentions.push_back(&m.mention);
      places_.assign(s.text, tokens, mentions, triggers, live);
      for (const auto t : live) {
        for (const auto mi : triggers[t].places) document.resolve(s.mentions[mi], si);
      }
    }

    const auto fatalities = live.empty() ? std::nullopt : fatalities_in(tokens, lexicon_);
    bool fatalities_used = false;
    const auto shares = strike_shares(tokens, lexicon_);
    std::set<std::size_t> replaced;  // withdrawals whose places another verb gave a controller
    for (const auto k : live) {
      if (triggers[k].borrowed && triggers[triggers[k].lender].phrase->kind == "withdraw") replaced.insert(triggers[k].lender);
    }

    reconciler.begin_sentence(si, events);
    std::optional<Actor> previous_actor;  // of the trigger before, for a verb joined to it by "and"
    const bool names_no_place = s.mentions.empty();
    std::optional<std::size_t> carried_index;  // the place carried from the sentence before, once added
    for (const auto k : live) {
      const Trigger& t = triggers[k];
      static const std::string attempted_kind = "clash", captive_kind = "arrests", lost_kind = "withdraw";
      const std::string& kind = t.captive ? captive_kind : t.attempted ? attempted_kind : t.lost ? lost_kind : t.phrase->kind;
      if (replaced.count(k) || t.folded) continue;
      const Actor actor1 = actors_.actor_of(t, s.actors, tokens, s.text, actor_memory, previous_actor ? &*previous_actor : nullptr);
      previous_actor = actor1;
      const Actor actor2 = actors_.other_side(actor1, s.actors, tokens, s.text);
      const bool territorial = is_territorial_kind(kind);
      const std::string controller = !territorial ? "" : kind == "withdraw" ? actor2.canonical : actor1.canonical;
      std::vector<std::size_t> places = t.places;
      bool carried_place = false;
      const bool strike = is_strike_kind(kind);
      std::optional<int> total = strike ? count_before(tokens, t.first, lexicon_) : std::nullopt;
      if (strike && !total && t.count_at) total = count_before(tokens, *t.count_at, lexicon_);
      // "after days of clashes, the army seized X", "recaptured X amid heavy shelling": fighting or strikes that
      // name no place, told with a capture that does, were for the place captured (strikes that only back the
      // attack, "backed by air strikes", are not said to have hit it)
      if (places.empty() && (kind == "clash" || (strike && !t.supporting))) {
        for (const auto other : live) {
          if (is_territorial_kind(triggers[other].phrase->kind) && !triggers[other].attempted &&
              !triggers[other].places.empty()) {
            places = triggers[other].places;
            break;
          }
        }
      }
      // "seized both the town and the dam beside it": "the town" written as the verb's first object,
      // beside places named, is the settlement named before, taken too
      if (!places.empty() && (territorial || strike) && !t.supporting) {
        std::size_t first_place = tokens.size();
        for (const auto mi : places) first_place = std::min(first_place, s.mentions[mi].mention.first);
        for (const auto& a : lexicon_.find(tokens, anaphor_)) {
          if (a.first < t.last || a.first > t.last + 2 || a.last > first_place || !refers_back(a)) continue;
          if (const auto back = refer_back(a, t.first)) places.insert(places.begin(), *back);
          break;
        }
      }
      if (places.empty()) {
        // no place named: an area the sentence names, if any ("the northern countryside of Aleppo")
        for (std::size_t mi = 0; mi < s.mentions.size(); ++mi) {
          // a place that only locates another ("the hills of X, part of Y") was not what the sentence acted on
          // (support for an attack is placed at the area its targets lie in: "backed by air strikes, the SDF
          // attacked X north of Raqqa" puts the strikes north of Raqqa, not at X)
          if (s.mentions[mi].mention.region && (!s.mentions[mi].mention.locator || t.supporting) &&
              s.mentions[mi].resolution.has_point()) {
            places.push_back(mi);
            break;
          }
        }
        // "The town was shelled", "recaptured the city", "قصفت البلدة": a settlement named in an earlier
        // sentence, referred back to
        if (places.empty() && (last_place || antecedent_in_sentence(s, tokens.size())) && !t.supporting) {
          // "استعاد الجيش السيطرة عليها", "the army recaptured it": a pronoun object of a taking, in a sentence that
          // names no place, is the settlement just named
          auto referring = lexicon_.find(tokens, anaphor_);
          if (territorial && names_no_place) {
            for (const auto& p : lexicon_.find(tokens, pronoun_)) {
              if (p.first >= t.last && p.first <= t.last + 3) referring.push_back(p);
            }
          }
          for (const auto& a : referring) {
            if (a.last <= t.first && t.first - a.last > 6) continue;
            if (lexicon_.match_at(tokens, a.first, anaphor_) && !refers_back(a)) continue;
            const auto back = refer_back(a, a.first);
            if (!back) continue;
            places.push_back(*back);
            break;
          }
        }
        // "… became a battleground in Aleppo. Ground troops shelled targets …": a strike or clash told in a
        // sentence that names no place at all, right after one in the same paragraph that named a settlement,
        // happened there; near it, since the writer did not say where
        bool carried = false;
        if (places.empty() && names_no_place && last_place && last_place_sentence + 1 == si && !territorial &&
            !t.supporting && same_paragraph(report, sentences[si - 1].span, s.span)) {
          if (!carried_index) {
            ResolvedMention back = *last_place;
            back.mention.first = t.first;
            back.mention.last = t.last;
            s.mentions.push_back(std::move(back));
            carried_index = s.mentions.size() - 1;
          }
          places.push_back(*carried_index);
          carried = true;
        }
        if (places.empty()) {
          report_unplaced(t.first, t.last, fmt::format("'{}' names no place", t.phrase->written));
          continue;
        }
        carried_place = carried;
      }
      // counts per place: stated shares, else the total split evenly
      std::vector<std::size_t> place_starts;
      for (const auto mi : places) place_starts.push_back(s.mentions[mi].mention.first);
      const auto share_of = share_per_place(shares, place_starts, tokens.size());
      for (std::size_t p = 0; p < places.size(); ++p) {
        const auto& rm = s.mentions[places[p]];
        if (!rm.resolution.has_point()) {
          report_unplaced(rm.mention.first, rm.mention.last, "no place of this name: " + rm.resolution.note);
          continue;
        }
        const bool area_only = rm.resolution.status == ResolutionStatus::RegionOnly;
        if (!rm.mention.known && area_only) {
          report_unplaced(rm.mention.first, rm.mention.last, "placed only at its area: " + rm.resolution.note);
        }
        if (territorial && controller.empty()) {
          report_unplaced(t.first, t.last, "a change of control without a known new controller");
          continue;
        }
        Event e;
        e.type = territorial ? (actors_.side_of(controller, s.actors) == "government" ? SubEventType::GovernmentRegainsTerritory
                                                                                      : SubEventType::NonStateActorOvertakesTerritory)
                             : type_of(kind);
        e.actor1 = actor1;
        e.actor2 = actor2;
        e.new_controller = controller;
        e.date = event_date;
        e.place.place_id = rm.resolution.place_id;
        e.place.name = rm.resolution.place_name;
        e.place.written = rm.mention.text;
        e.place.point = rm.resolution.point;
        e.place.precision = static_cast<int>(rm.resolution.precision);
        // an event told of an area ("the northern countryside") is placed at the area's town, loosely; one told
        // near a place ("near Kuweires", "بالقرب من كويرس") near it
        if (rm.mention.region) e.place.precision = 3;
        if (near_before(tokens, rm.mention.first) || carried_place) e.place.precision = std::max(e.place.precision, 2);
        if (strike) {
          if (const auto share = share_of.find(p); share != share_of.end()) {
            e.count = share->second;
          } else if (total) {
            e.count = std::max(1, *total / static_cast<int>(places.size()));
          }
        }
        if (fatalities && !fatalities_used && !territorial) {
          e.fatalities = fatalities;
          fatalities_used = true;
        }
        e.provenance.document = report.path;
        e.provenance.span_begin = s.span.begin;
        e.provenance.span_end = s.span.end;
        e.provenance.sentence = sentence;
        if (reconciler.admit(e, area_only, t.background)) events.push_back(std::move(e));
      }
    }
    reconciler.end_sentence(events);
    // the settlement a later "the town" refers to: the last one this sentence names and the gazetteer places,
    // among those its events were at when it told any ("targeted Douma in a suburb of Damascus. Buildings were
    // destroyed by the attacks": Douma's)
    std::set<std::size_t> event_places;
    for (const auto k : live) event_places.insert(triggers[k].places.begin(), triggers[k].places.end());
    for (std::size_t mi = s.mentions.size(); mi-- > 0;) {
      if (!s.mentions[mi].mention.known || s.mentions[mi].mention.region) continue;
      if (!event_places.empty() && !event_places.count(mi)) continue;
      document.resolve(s.mentions[mi], si);
      const auto& r = s.mentions[mi].resolution;
      // an airbase or a dam is no "town": the one before it may be
      if (r.has_point() && r.precision == Precision::Place && !r.candidates.empty() &&
          !is_settlement(resolver_.gazetteer().places()[r.candidates.front().place].kind)) {
        continue;
      }
      if (r.has_point() && r.precision == Precision::Place &&
          (r.status == ResolutionStatus::Resolved || r.status == ResolutionStatus::Ambiguous)) {
        last_place = s.mentions[mi];
        last_place_sentence = si;
      }
      break;
    }
    actors_.remember(s.actors, tokens, s.text, actor_memory);
  }
  // A headline tells in short what the body tells in full: its events that the body gives again go
  drop_headline_repeats(report, events);
  // a file of several reports numbers each report's events apart: "file-p2-001"
  const std::string prefix = report.part == 0 ? stem : fmt::format("{}-p{}", stem, report.part + 1);
  for (std::size_t i = 0; i < events.size(); ++i) events[i].id = fmt::format("{}-{:03d}", prefix, i + 1);
  out.events = std::move(events);
  return out;
}

}  // namespace conflictmap
