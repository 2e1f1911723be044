#include "events/event_extractor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <set>

#include "events/explicit_date.hpp"
#include "events/relative_date.hpp"

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

struct ResolvedMention {
  PlaceMention mention;
  Resolution resolution;
  bool resolved = false;
};

// "more than 70 air strikes", "10 air raids", "عدد من الضربات": the number just before a strike trigger
std::optional<int> count_before(const std::vector<Token>& tokens, std::size_t trigger, const Lexicon& lexicon) {
  for (std::size_t back = 1; back <= 3 && back <= trigger; ++back) {
    const std::size_t at = trigger - back;
    std::size_t width = 0;
    if (auto n = read_number(tokens, at, lexicon, true, &width); n && at + width == trigger) return n;
    if (auto m = lexicon.match_at(tokens, at, lexicon.vague_kinds()); m && m->last == trigger) {
      return static_cast<int>(m->phrase->value);
    }
  }
  return std::nullopt;
}

// The lowest death toll the sentence states: numbers and vague words next to "killed", "قتلى", …
std::optional<int> fatalities_in(const std::vector<Token>& tokens, const Lexicon& lexicon) {
  std::optional<int> total;
  const auto death = lexicon.mask({"death"});
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!lexicon.match_at(tokens, i, death)) continue;
    for (std::size_t j = (i >= 5 ? i - 5 : 0); j < std::min(tokens.size(), i + 4); ++j) {
      if (j == i) continue;
      std::size_t width = 0;
      if (auto n = read_number(tokens, j, lexicon, true, &width)) {
        total = total.value_or(0) + *n;
        j += width - 1;
      }
    }
    if (total) return total;
  }
  return total;
}

// "IS took Soran after clashes with the regime": fighting that ends in a capture the same sentence tells is
// that capture, not a second event at the place.
// `taken` holds the places the sentence says changed hands, also those an earlier sentence already gave.
void drop_fighting_that_took_places(std::vector<Event>& events, std::size_t sentence_begin,
                                    const std::set<std::string>& taken) {
  if (taken.empty()) return;
  const auto first = events.begin() + static_cast<std::ptrdiff_t>(sentence_begin);
  events.erase(std::remove_if(first, events.end(),
                              [&](const Event& e) {
                                return e.type == SubEventType::ArmedClash &&
                                       taken.count(e.place.place_id + "|" + e.place.written) > 0;
                              }),
               events.end());
}

}  // namespace

EventExtractor::EventExtractor(const Resolver& resolver, const Lexicon& lexicon)
    : resolver_(resolver), lexicon_(lexicon), mentions_(resolver, lexicon), triggers_(lexicon), actor_(lexicon.mask({"actor"})),
      supporter_(lexicon.mask({"supporter"})), backed_after_(lexicon.mask({"backed_after"})), list_start_(lexicon.mask({"list_start"})),
      origin_(lexicon.mask({"origin"})), of_them_(lexicon.mask({"of_them"})), speech_(lexicon.mask({"speech"})),
      anaphor_(lexicon.mask({"anaphor"})) {}

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

bool all_capitals(std::string_view text) {
  bool letter = false;
  for (const char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

}  // namespace

std::vector<PhraseMatch> EventExtractor::actors_acting(const std::vector<Token>& tokens, std::string_view text,
                                                      std::vector<PhraseMatch>& backers) const {
  // "backed by coalition air strikes", "U.S.-backed", "بدعم من الطيران الروسي": a party that supports the
  // attack is neither its actor nor the side it fought
  // an acronym the lexicon writes in capitals ("IS", "SDF") is the acronym only when the text writes it so:
  // "Aleppo is divided" names no Islamic State
  auto actors = lexicon_.find(tokens, actor_);
  actors.erase(std::remove_if(actors.begin(), actors.end(),
                              [&](const PhraseMatch& a) {
                                if (a.phrase->words.size() != 1 || !all_capitals(a.phrase->written)) return false;
                                const auto& token = tokens[a.first];
                                return !all_capitals(text.substr(token.begin, token.end - token.begin));
                              }),
               actors.end());
  std::vector<char> supporting(actors.size(), 0);
  for (const auto& m : lexicon_.find(tokens, supporter_ | backed_after_)) {
    const bool before_actor = (m.phrase->kind_bit & backed_after_) != 0;
    for (std::size_t k = 0; k < actors.size(); ++k) {
      // "U.S.-backed forces": the actor ends where "backed" begins
      if (before_actor && actors[k].last == m.first) supporting[k] = 1;
      // "backed by Iranian militias and Russian warplanes": the first actor within a few words, and those
      // joined to it by "and" or a comma
      if (actors[k].first >= m.last && actors[k].first <= m.last + 2) {
        supporting[k] = 1;
        for (std::size_t j = k + 1; j < actors.size() && actors[j].first <= actors[j - 1].last + 1; ++j) {
          const bool joined = actors[j].first == actors[j - 1].last ||
                              tokens[actors[j - 1].last].form == "and" || tokens[actors[j - 1].last].form == "و";
          if (!joined) break;
          supporting[j] = 1;
        }
        break;
      }
    }
  }
  std::vector<PhraseMatch> acting;
  for (std::size_t k = 0; k < actors.size(); ++k) {
    (supporting[k] ? backers : acting).push_back(actors[k]);
  }
  return acting;
}

ExtractedReport EventExtractor::extract(const ReportDocument& report, std::optional<CivilDate> date) const {
  ExtractedReport out;
  const std::optional<CivilDate> published = date ? date : report.published;
  const Gazetteer& gazetteer = resolver_.gazetteer();

  struct SentenceData {
    Sentence span;
    std::string_view text;
    const std::vector<Token>* tokens = nullptr;  // the report's own, annotated once
    std::vector<ResolvedMention> mentions;
    std::vector<PhraseMatch> actors;
    std::vector<PhraseMatch> backers;  // "backed by Russian air strikes"
    ResolveContext context;  // what places its names: the document's places and the area it or the document names
  };
  std::vector<SentenceData> sentences;
  for (const auto& s : report.sentences) {
    SentenceData d;
    d.span = s;
    d.text = std::string_view(report.text).substr(s.begin, s.end - s.begin);
    d.tokens = &s.tokens;
    for (auto& m : mentions_.find(d.text, *d.tokens)) d.mentions.push_back({std::move(m), {}});
    d.actors = actors_acting(*d.tokens, d.text, d.backers);
    sentences.push_back(std::move(d));
  }

  // The document's area: the governorate most of its confidently placed names lie in. Every name is then
  // resolved with it as context, and near the others.
  // Votes by spelling alone: a name several places share splits its vote, and only a name one place has
  // counts as a neighbour.
  std::map<std::string, double> admin1_votes;
  std::vector<LatLon> nearby;
  for (auto& s : sentences) {
    for (auto& m : s.mentions) {
      if (!m.mention.known && !m.mention.region) continue;
      const auto places = resolver_.places_named(m.mention.text);  // remembered by the resolver
      if (places.empty()) continue;
      for (const auto index : places) {
        const Place& place = gazetteer.at(index);
        const std::string& admin1 = place.kind == PlaceKind::Governorate ? place.id : place.admin[0];
        if (!admin1.empty()) admin1_votes[admin1] += 1.0 / static_cast<double>(places.size());
      }
      if (places.size() == 1 && !is_admin_unit(gazetteer.at(places.front()).kind)) {
        nearby.push_back({gazetteer.at(places.front()).lat, gazetteer.at(places.front()).lon});
      }
    }
  }
  // one answer per spelling and context within a report: names recur ("Soran" four times)
  std::map<std::pair<std::string, std::string>, Resolution> answers;
  auto resolve = [&](const std::string& text, const ResolveContext& where) {
    std::string key;
    for (const auto& t : where.texts) key += t + "\n";
    const auto [it, inserted] = answers.try_emplace({text, key});
    if (inserted) it->second = resolver_.resolve(text, where);
    return it->second;
  };
  // each place once: the same town named five times is one neighbour
  std::sort(nearby.begin(), nearby.end(), [](const LatLon& a, const LatLon& b) { return a.lat != b.lat ? a.lat < b.lat : a.lon < b.lon; });
  nearby.erase(std::unique(nearby.begin(), nearby.end(), [](const LatLon& a, const LatLon& b) { return a.lat == b.lat && a.lon == b.lon; }),
               nearby.end());
  ResolveContext context;
  context.explain = false;  // events keep the answer, not the reasoning
  context.nearby = nearby;
  if (!admin1_votes.empty()) {
    const auto best = std::max_element(admin1_votes.begin(), admin1_votes.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (const auto at = gazetteer.find(best->first)) context.texts.push_back(gazetteer.at(*at).display_name());
  }
  // The area the report is about, as it writes it ("Aleppo northern countryside"): the first area it names
  // in the document's governorate, or else the first it names at all.
  ResolveContext quiet;
  quiet.explain = false;
  for (auto& s : sentences) {
    for (auto& m : s.mentions) {
      if (m.mention.region) m.resolution = resolve(m.mention.text, quiet);
    }
  }
  std::string document_area;
  for (const auto& s : sentences) {
    for (const auto& m : s.mentions) {
      if (!m.mention.region || !m.resolution.has_point() || !document_area.empty()) continue;
      document_area = m.mention.text;
    }
  }
  for (auto& s : sentences) {
    // a sentence's own area, when it names one, places its names; else the document's
    std::string area = document_area;
    for (const auto& m : s.mentions) {
      if (m.mention.region && m.resolution.has_point()) {
        area = m.mention.text;
        break;
      }
    }
    s.context = context;
    if (!area.empty()) s.context.texts.push_back(area);
  }
  // A name is resolved only once a verb claims it: most sentences tell no event, and resolving is the costly
  // part of extraction. An area is named for itself ("northern Hama"): it was resolved above, without context.
  auto resolve_mention = [&](SentenceData& s, std::size_t mi) {
    auto& m = s.mentions[mi];
    if (m.resolved || m.mention.region) return;
    m.resolution = resolve(m.mention.text, s.context);
    m.resolved = true;
  };

  std::string stem = std::filesystem::path(report.path).stem().string();
  std::vector<Event> events;
  std::set<std::pair<std::string, std::string>> territorial_seen;  // place, controller
  std::set<std::tuple<int, std::string, std::size_t>> seen;         // type, place, sentence
  Actor last_actor;
  Actor last_state_actor;  // the last government or foreign power named: who flies the aircraft
  auto remember_actors = [&](const SentenceData& s, const auto& actor_text) {
    if (s.actors.empty()) return;
    last_actor = {s.actors.back().phrase->canonical, actor_text(s.actors.back())};
    for (const auto& a : s.actors) {
      if (a.phrase->side == "government" || a.phrase->side == "external") last_state_actor = {a.phrase->canonical, actor_text(a)};
    }
  };
  DateState date_state;
  std::optional<ResolvedMention> last_place;
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    auto& s = sentences[si];
    const auto& tokens = *s.tokens;
    const std::string sentence(s.text);
    // Every sentence moves the report's time on, whether or not it tells an event: "4 September" as a heading,
    // "On 12 March, …", "the next day"
    const EventDate event_date = date_of_sentence(tokens, s.text, date_state, published);
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
    auto actor_text = [&](const PhraseMatch& a) {
      return std::string(s.text.substr(tokens[a.first].begin, tokens[a.last - 1].end - tokens[a.first].begin));
    };
    if (triggers.empty()) {
      remember_actors(s, actor_text);
      continue;
    }
    std::vector<std::size_t> live;
    for (std::size_t t = 0; t < triggers.size(); ++t) {
      if (!triggers[t].descriptive) live.push_back(t);
    }
    if (live.empty()) continue;

    // places to verbs: a list after "including"/"منها" belongs to the last territorial verb; otherwise the
    // nearest verb before the place, or the first after it
    const auto list_starts = lexicon_.find(tokens, list_start_);
    // "backed by Russian air strikes": support of the action told, placed only at an area the sentence names
    std::vector<std::size_t> acting_live;
    for (const auto t : live) {
      if (!triggers[t].supporting) acting_live.push_back(t);
    }
    for (std::size_t mi = 0; mi < s.mentions.size(); ++mi) {
      const auto& m = s.mentions[mi].mention;
      if (m.region) continue;
      std::optional<std::size_t> chosen;
      std::optional<std::size_t> list_at;
      for (const auto& ls : list_starts) {
        if (ls.last <= m.first) list_at = ls.first;
      }
      for (const auto t : acting_live) {
        if (triggers[t].last <= m.first) chosen = t;
      }
      if (list_at) {
        // "… including A and B": the list belongs to the last change of control before it, else the last
        // strike, rather than to a battle word in between
        std::optional<std::size_t> territorial, strike;
        for (const auto t : acting_live) {
          if (triggers[t].last > *list_at) continue;
          const auto& k = triggers[t].phrase->kind;
          if (is_territorial_kind(k)) territorial = t;
          if (k == "air_strike" || k == "shelling") strike = t;
        }
        if (territorial) {
          chosen = territorial;
        } else if (strike) {
          chosen = strike;
        }
      }
      if (!chosen) {
        // "a reporter in Hasaka said: clashes …": a verb after a speech verb tells what was said, not what
        // happened where the speaker is
        for (const auto t : acting_live) {
          if (triggers[t].first < m.last) continue;
          bool speech_between = false;
          for (std::size_t k = m.last; k < triggers[t].first && !speech_between; ++k) {
            speech_between = lexicon_.match_at(tokens, k, speech_).has_value();
          }
          if (!speech_between) chosen = t;
          break;
        }
      }
      // "brought by IS from Deir Ezzor to Hasaka": where people came from or went is not what was hit or taken
      if (chosen && m.first > 0 && m.first - 1 >= triggers[*chosen].last && lexicon_.match_at(tokens, m.first - 1, origin_)) {
        const auto& kind = triggers[*chosen].phrase->kind;
        if (kind == "air_strike" || kind == "shelling" || is_territorial_kind(kind)) chosen.reset();
      }
      if (chosen) triggers[*chosen].places.push_back(mi);
    }
    // "rebels regained it", "تقدم قوات النظام وسيطرتها على المنطقة": a territorial verb without places takes
    // those of the territorial verb before it
    for (std::size_t k = 0; k < live.size(); ++k) {
      auto& t = triggers[live[k]];
      if (!is_territorial_kind(t.phrase->kind) || !t.places.empty()) continue;
      for (std::size_t j = k; j-- > 0;) {
        const auto& before = triggers[live[j]];
        if (is_territorial_kind(before.phrase->kind) && !before.places.empty()) {
          t.places = before.places;
          t.borrowed = true;
          t.lender = live[j];
          break;
        }
      }
    }

    for (const auto t : live) {
      for (const auto mi : triggers[t].places) resolve_mention(s, mi);
    }

    auto actor_for = [&](const Trigger& t) -> Actor {
      const PhraseMatch* before = nullptr;
      const PhraseMatch* after = nullptr;
      // the support's own actor: the backer written nearest to it
      if (t.supporting && !s.backers.empty()) {
        const PhraseMatch* nearest = &s.backers.front();
        auto gap = [&](const PhraseMatch& a) { return a.first > t.first ? a.first - t.first : t.first - a.first; };
        for (const auto& a : s.backers) {
          if (gap(a) < gap(*nearest)) nearest = &a;
        }
        return {nearest->phrase->canonical, actor_text(*nearest)};
      }
      // aircraft belong to states: an air strike's actor is a government or a foreign power when the
      // sentence names one ("coalition forces aircraft targeted two IS sites")
      if (t.phrase->kind == "air_strike") {
        const PhraseMatch* state = nullptr;
        for (const auto& a : s.actors) {
          if (a.phrase->side != "government" && a.phrase->side != "external") continue;
          if (!state || a.first < t.first) state = &a;
        }
        if (state) return {state->phrase->canonical, actor_text(*state)};
        // no state named here: the air power an earlier sentence named ("Coalition forces struck … Near X,
        // four strikes …"), since the armed groups on the ground fly no aircraft
        if (!last_state_actor.canonical.empty()) return last_state_actor;
      }
      for (const auto& a : s.actors) {
        if (a.last <= t.first) before = &a;
        if (!after && a.first >= t.first_end && a.first <= t.first_end + 3) after = &a;
      }
      // "pushed back by rebel groups": the agent follows
      if (t.agent_follows) {
        for (const auto& a : s.actors) {
          if (a.first >= t.agent_at && a.first <= t.agent_at + 2) return {a.phrase->canonical, actor_text(a)};
        }
      }
      if (t.agent_follows && after) return {after->phrase->canonical, actor_text(*after)};
      // Arabic puts the verb first: "بسط تنظيم داعش سيطرته"
      if (tokens[t.first].script == Script::Arabic && after) return {after->phrase->canonical, actor_text(*after)};
      if (before) return {before->phrase->canonical, actor_text(*before)};
      if (after) return {after->phrase->canonical, actor_text(*after)};
      return last_actor;
    };
    auto other_actor = [&](const Actor& first) -> Actor {
      for (const auto& a : s.actors) {
        if (a.phrase->canonical != first.canonical && a.phrase->side != "civilian") return {a.phrase->canonical, actor_text(a)};
      }
      return {};
    };
    auto side_of = [&](const std::string& canonical) {
      for (const auto& a : s.actors) {
        if (a.phrase->canonical == canonical) return a.phrase->side;
      }
      return std::string();
    };

    const auto fatalities = fatalities_in(tokens, lexicon_);
    bool fatalities_used = false;

    // "8 of them were on X while two of them were on Y and Z": shares of the strikes just counted
    std::vector<std::pair<std::size_t, int>> shares;  // token where a share starts, its number
    for (const auto& m : lexicon_.find(tokens, of_them_)) {
      std::size_t width = 0;
      for (std::size_t back = 1; back <= 2 && back <= m.first; ++back) {
        if (auto n = read_number(tokens, m.first - back, lexicon_, true, &width)) {
          shares.emplace_back(m.first, *n);
          break;
        }
      }
    }

    const std::size_t sentence_events_begin = events.size();
    std::set<std::string> sentence_taken;
    std::set<std::size_t> replaced;  // withdrawals whose places another verb gave a controller
    for (const auto k : live) {
      if (triggers[k].borrowed && triggers[triggers[k].lender].phrase->kind == "withdraw") replaced.insert(triggers[k].lender);
    }

    for (const auto k : live) {
      const Trigger& t = triggers[k];
      const std::string& kind = t.phrase->kind;
      if (replaced.count(k)) continue;
      const Actor actor1 = actor_for(t);
      Actor actor2 = other_actor(actor1);
      std::string controller;
      if (is_territorial_kind(kind)) {
        controller = kind == "withdraw" ? actor2.canonical : actor1.canonical;
      }
      std::vector<std::size_t> places = t.places;
      const bool strike = kind == "air_strike" || kind == "shelling";
      std::optional<int> total = strike ? count_before(tokens, t.first, lexicon_) : std::nullopt;
      if (places.empty()) {
        // no place named: an area the sentence names, if any ("the northern countryside of Aleppo")
        for (std::size_t mi = 0; mi < s.mentions.size(); ++mi) {
          if (s.mentions[mi].mention.region && s.mentions[mi].resolution.has_point()) {
            places.push_back(mi);
            break;
          }
        }
        // "The town was shelled", "recaptured the city", "قصفت البلدة": a settlement named in an earlier
        // sentence, referred back to
        if (places.empty() && last_place && !t.supporting) {
          for (const auto& a : lexicon_.find(tokens, anaphor_)) {
            if (a.last <= t.first && t.first - a.last > 6) continue;
            ResolvedMention back = *last_place;
            back.mention.first = a.first;
            back.mention.last = a.last;
            s.mentions.push_back(std::move(back));
            places.push_back(s.mentions.size() - 1);
            break;
          }
        }
        if (places.empty()) {
          report_unplaced(t.first, t.last, fmt::format("'{}' names no place", t.phrase->written));
          continue;
        }
      }
      // counts per place: stated shares, else the total split evenly
      std::map<std::size_t, int> share_of;
      for (std::size_t sh = 0; sh < shares.size(); ++sh) {
        const std::size_t from = shares[sh].first;
        const std::size_t to = sh + 1 < shares.size() ? shares[sh + 1].first : tokens.size();
        std::vector<std::size_t> inside;
        for (const auto mi : places) {
          const auto first = s.mentions[mi].mention.first;
          if (first >= from && first < to) inside.push_back(mi);
        }
        for (const auto mi : inside) share_of[mi] = std::max(1, shares[sh].second / static_cast<int>(inside.size()));
      }
      for (const auto mi : places) {
        const auto& rm = s.mentions[mi];
        if (!rm.resolution.has_point()) {
          report_unplaced(rm.mention.first, rm.mention.last, "no place of this name: " + rm.resolution.note);
          continue;
        }
        if (!rm.mention.known && rm.resolution.status == ResolutionStatus::RegionOnly) {
          report_unplaced(rm.mention.first, rm.mention.last, "placed only at its area: " + rm.resolution.note);
        }
        if (is_territorial_kind(kind) && controller.empty()) {
          report_unplaced(t.first, t.last, "a change of control without a known new controller");
          continue;
        }
        Event e;
        e.type = is_territorial_kind(kind)
                     ? (side_of(controller) == "government" ? SubEventType::GovernmentRegainsTerritory
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
        // an event told of an area ("the northern countryside") is placed at the area's town, loosely
        if (rm.mention.region) e.place.precision = 3;
        if (strike) {
          if (share_of.count(mi)) {
            e.count = share_of[mi];
          } else if (total) {
            e.count = std::max(1, *total / static_cast<int>(places.size()));
          }
        }
        if (fatalities && !fatalities_used && !is_territorial_kind(kind)) {
          e.fatalities = fatalities;
          fatalities_used = true;
        }
        e.provenance.document = report.path;
        e.provenance.span_begin = s.span.begin;
        e.provenance.span_end = s.span.end;
        e.provenance.sentence = sentence;
        const std::string place_key = e.place.place_id + "|" + e.place.written;
        if (is_territorial_kind(kind)) {
          sentence_taken.insert(place_key);
          // places known only by their area stay apart: two unknown villages are not one
          const std::string key = e.place.precision >= 3 || e.place.place_id.empty() ||
                                          rm.resolution.status == ResolutionStatus::RegionOnly
                                      ? e.place.place_id + "|" + e.place.written
                                      : e.place.place_id;
          if (!territorial_seen.insert({key, controller}).second) {
            continue;
          }
        } else if (!seen.insert({static_cast<int>(e.type), place_key, si}).second) {
          continue;
        }
        events.push_back(std::move(e));
      }
    }
    drop_fighting_that_took_places(events, sentence_events_begin, sentence_taken);
    // the settlement a later "the town" refers to: the last one this sentence names and the gazetteer places
    for (std::size_t mi = s.mentions.size(); mi-- > 0;) {
      if (!s.mentions[mi].mention.known || s.mentions[mi].mention.region) continue;
      resolve_mention(s, mi);
      const auto& r = s.mentions[mi].resolution;
      if (r.has_point() && r.precision == Precision::Place && r.status == ResolutionStatus::Resolved) last_place = s.mentions[mi];
      break;
    }
    remember_actors(s, actor_text);
  }
  for (std::size_t i = 0; i < events.size(); ++i) events[i].id = fmt::format("{}-{:03d}", stem, i + 1);
  out.events = std::move(events);
  return out;
}

}  // namespace conflictmap
