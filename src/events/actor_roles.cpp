#include "events/actor_roles.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace conflictmap {

namespace {

bool all_capitals(std::string_view text) {
  bool letter = false;
  for (const char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

std::string written(const PhraseMatch& a, const std::vector<Token>& tokens, std::string_view text) {
  return std::string(text.substr(tokens[a.first].begin, tokens[a.last - 1].end - tokens[a.first].begin));
}

Actor actor(const PhraseMatch& a, const std::vector<Token>& tokens, std::string_view text) {
  return {a.phrase->canonical, written(a, tokens, text)};
}

// "… and entered", "… and then captured", "وسيطرت": the trigger follows "and" with nothing but adverbs between
bool joined_to_verb_before(const Trigger& t, const std::vector<Token>& tokens) {
  if (tokens[t.first].script == Script::Arabic) {
    return tokens[t.first].form.rfind("\xD9\x88", 0) == 0 && !tokens[t.first].alt.empty();
  }
  for (std::size_t back = 1; back <= 3 && back <= t.first; ++back) {
    const auto& w = tokens[t.first - back].form;
    if (w == "and") return true;
    if (w != "then" && w != "also" && w != "later" && w != "subsequently" && w != "had" && w != "have") return false;
  }
  return false;
}

bool is_state(const PhraseMatch& a) { return a.phrase->side == "government" || a.phrase->side == "external"; }

}  // namespace

ActorRoles::ActorRoles(const Lexicon& lexicon)
    : lexicon_(lexicon), actor_(lexicon.mask({"actor"})), supporter_(lexicon.mask({"supporter"})),
      backed_after_(lexicon.mask({"backed_after"})), relative_(lexicon.mask({"relative"})),
      control_(lexicon.mask({"control"})), opposed_(lexicon.mask({"opposed"})),
      accompanying_(lexicon.mask({"accompanying"})),
      attack_(lexicon.mask({"clash", "air_strike", "shelling", "car_bomb", "suicide_bomb"})),
      attacked_on_(lexicon.mask({"attacked_on"})), positions_(lexicon.mask({"positions"})),
      military_adjective_(lexicon.mask({"military_adjective"})), taking_(lexicon.mask({"control", "regain"})),
      group_anaphor_(lexicon.mask({"group_anaphor"})) {}

SentenceActors ActorRoles::find(const std::vector<Token>& tokens, std::string_view text,
                                const std::vector<std::size_t>& place_starts) const {
  // an acronym the lexicon writes in capitals ("IS", "SDF") is the acronym only when the text writes it so:
  // "Aleppo is divided" names no Islamic State
  auto actors = lexicon_.find(tokens, actor_);
  // "Syrian and Russian warplanes", "الطائرات السورية والروسية": adjectives joined by "and" share one noun, after
  // them in English and before them in Arabic; the first adjective with that noun names a party too
  std::vector<PhraseMatch> sharing;
  for (const auto& a : actors) {
    const Token& first = tokens[a.first];
    std::vector<Token> words;
    std::size_t start = 0;
    if (first.script == Script::Latin && a.last - a.first >= 2 && a.first >= 2 && tokens[a.first - 1].form == "and") {
      start = a.first - 2;
      words.push_back(tokens[start]);
      words.insert(words.end(), tokens.begin() + static_cast<std::ptrdiff_t>(a.first + 1),
                   tokens.begin() + static_cast<std::ptrdiff_t>(a.last));
    } else if (first.script == Script::Arabic && a.last - a.first == 1 && a.first >= 2 && !first.alt.empty() &&
               first.form.rfind("\xD9\x88", 0) == 0) {  // و
      start = a.first - 2;
      words = {tokens[start], tokens[start + 1]};
    } else {
      continue;
    }
    auto joined = lexicon_.match_at(words, 0, actor_);
    // "الجيشان السوري والروسي", the Syrian and Russian armies: a noun in the dual is its singular once per adjective
    const std::string& head = words.front().form;
    if (!joined && first.script == Script::Arabic && head.size() > 6 &&
        (head.ends_with("\xD8\xA7\xD9\x86") || head.ends_with("\xD9\x8A\xD9\x86"))) {  // ان / ين
      words.front().form = head.substr(0, head.size() - 4);
      words.front().alt.clear();
      lexicon_.annotate(words);
      joined = lexicon_.match_at(words, 0, actor_);
    }
    if (!joined || joined->last != words.size()) continue;
    const bool taken = std::any_of(actors.begin(), actors.end(), [&](const PhraseMatch& b) { return b.last > start && b.first < a.first - 1; });
    if (taken) continue;
    PhraseMatch shared = *joined;
    shared.first = start;
    shared.last = first.script == Script::Latin ? start + 1 : start + 2;
    sharing.push_back(shared);
  }
  if (!sharing.empty()) {
    actors.insert(actors.end(), sharing.begin(), sharing.end());
    std::sort(actors.begin(), actors.end(), [](const PhraseMatch& x, const PhraseMatch& y) { return x.first < y.first; });
  }
  actors.erase(std::remove_if(actors.begin(), actors.end(),
                              [&](const PhraseMatch& a) {
                                // "an army base", "a rebel stronghold": a word describing a thing, no party
                                if (a.first > 0 && (tokens[a.first - 1].form == "a" || tokens[a.first - 1].form == "an")) {
                                  return true;
                                }
                                // "قاعدة كويرس", "the base of Kuweires": a word the lexicon writes with the
                                // article ("القاعدة"), written without it right before a place's name, is a
                                // noun in construct with that place
                                const auto& first = tokens[a.first];
                                if (a.phrase->words.size() == 1 && first.script == Script::Arabic &&
                                    written_with_article(a.phrase->written) &&
                                    !written_with_article(text.substr(first.begin, first.end - first.begin)) &&
                                    (std::find(place_starts.begin(), place_starts.end(), a.last) != place_starts.end() ||
                                     std::find(place_starts.begin(), place_starts.end(), a.first) != place_starts.end() ||
                                     // "تحالف للثوار", a coalition of the rebels: the party is the one after "of"
                                     (a.last < tokens.size() && tokens[a.last].form.rfind("\xD9\x84\xD9\x84", 0) == 0))) {
                                  return true;
                                }
                                // "القاعدة الجوية", "القاعدة العسكرية": the base named by its adjective, not al-Qaeda
                                if (a.phrase->words.size() == 1 && first.script == Script::Arabic && a.last < tokens.size() &&
                                    lexicon_.is_kind(tokens[a.last], military_adjective_)) {
                                  return true;
                                }
                                if (a.phrase->words.size() != 1 || !all_capitals(a.phrase->written)) return false;
                                const auto& token = tokens[a.first];
                                return !all_capitals(text.substr(token.begin, token.end - token.begin));
                              }),
               actors.end());
  // "backed by coalition air strikes", "U.S.-backed", "بدعم من الطيران الروسي": a party that supports the
  // attack is neither its actor nor the side it fought
  std::vector<char> supporting(actors.size(), 0);
  for (const auto& m : lexicon_.find(tokens, supporter_ | accompanying_ | backed_after_)) {
    const bool before_actor = (m.phrase->kind_bit & backed_after_) != 0;
    for (std::size_t k = 0; k < actors.size(); ++k) {
      // "U.S.-backed forces": the actor ends where "backed" begins
      if (before_actor && actors[k].last == m.first) supporting[k] = 1;
      // "backed by Iranian militias and Russian warplanes": the first actor within a few words, and those
      // joined to it by "and" or a comma
      if (!before_actor && actors[k].first >= m.last && actors[k].first <= m.last + 2) {
        supporting[k] = 1;
        for (std::size_t j = k + 1; j < actors.size() && actors[j].first <= actors[j - 1].last + 1; ++j) {
          const bool joined = actors[j].first == actors[j - 1].last || tokens[actors[j - 1].last].form == "and" ||
                              tokens[actors[j - 1].last].form == "و";
          if (!joined) break;
          supporting[j] = 1;
        }
        break;
      }
    }
  }
  // "rebel-held Saraqib", "IS-controlled areas", "government-besieged Daraya": a party joined by a hyphen to a
  // participle of holding describes who holds the place, not who acts in the sentence ("rebel-held Saraqib was
  // shelled" names no rebel shelling); it may be the side the action was against
  std::vector<char> holding(actors.size(), 0);
  for (std::size_t k = 0; k < actors.size(); ++k) {
    const std::size_t next = actors[k].last;
    if (next >= tokens.size() || tokens[next].script != Script::Latin) continue;
    const auto gap = text.substr(tokens[next - 1].end, tokens[next].begin - tokens[next - 1].end);
    const auto& word = tokens[next].form;
    if (gap == "-" && (word == "held" || word == "controlled" || word == "besieged" || word == "occupied")) holding[k] = 1;
  }
  // "Saraqib, which IS controls, …", "المناطق التي تسيطر عليها قوات النظام": a relative clause of holding names
  // the holder of the place before it. English puts the holder between the relative word and the verb; Arabic
  // puts the verb first and the holder after it.
  static const std::unordered_set<std::string_view> holding_verbs = {"controls", "control", "holds", "hold",
                                                                     "controlled", "held", "occupies", "occupied"};
  for (std::size_t k = 0; k < actors.size(); ++k) {
    const std::size_t first = actors[k].first, last = actors[k].last;
    if (tokens[first].script == Script::Latin) {
      if (first > 0 && (tokens[first - 1].form == "which" || tokens[first - 1].form == "that") && last < tokens.size() &&
          holding_verbs.count(tokens[last].form)) {
        holding[k] = 1;
      }
      continue;
    }
    bool verb = false;
    for (std::size_t back = 1; back <= 4 && back <= first; ++back) {
      const Token& before = tokens[first - back];
      if (lexicon_.is_kind(before, relative_)) {
        if (verb) holding[k] = 1;
        break;
      }
      verb = verb || lexicon_.is_kind(before, control_) || lexicon_.is_kind_alt(before, control_);
    }
  }
  // "anti-ISIL forces", "anti-government protests", "عمليات مناوئة لداعش": the party after "anti" is the one
  // fought against
  for (std::size_t k = 0; k < actors.size(); ++k) {
    const std::size_t first = actors[k].first;
    if (first == 0) continue;
    const Token& before = tokens[first - 1];
    if (before.script == Script::Latin) {
      const auto gap = text.substr(before.end, tokens[first].begin - before.end);
      if (before.form == "anti" && (gap == "-" || gap == " ")) holding[k] = 1;
    }
    if (lexicon_.is_kind(before, opposed_) || lexicon_.is_kind_alt(before, opposed_)) {
      holding[k] = 1;
    }
  }
  std::vector<char> target(actors.size(), 0);  // the party an attack lands on: of the other sides, the first
  // "an attack on government forces", "strikes on IS positions", "هجوماً على القوات المسلحة", "غارات على مواقع
  // داعش": the party an attack or a strike lands on is its target, the other side
  for (std::size_t k = 0; k < actors.size(); ++k) {
    std::size_t on = actors[k].first;
    if (on > 0 && (lexicon_.is_kind(tokens[on - 1], positions_) || lexicon_.is_kind_alt(tokens[on - 1], positions_))) --on;
    if (on == 0 || !lexicon_.is_kind(tokens[on - 1], attacked_on_)) continue;
    for (std::size_t back = 2; back <= 5 && back <= on; ++back) {
      const Token& before = tokens[on - back];
      if (lexicon_.is_kind(before, attack_) || lexicon_.is_kind_alt(before, attack_)) {
        holding[k] = 1;
        target[k] = 1;
        break;
      }
    }
  }
  // "shelled SDF positions", "استهدفت الفصائل تجمعات قوات النظام": the party whose positions an attack or a strike
  // hits, told before it, is its target, with or without "on"
  for (std::size_t k = 0; k < actors.size(); ++k) {
    const auto positions = [&](std::size_t i) {
      return i < tokens.size() && (lexicon_.is_kind(tokens[i], positions_) || lexicon_.is_kind_alt(tokens[i], positions_));
    };
    const bool arabic = tokens[actors[k].first].script == Script::Arabic;
    const std::size_t first = actors[k].first;
    if (!(arabic ? first > 0 && positions(first - 1) : positions(actors[k].last))) continue;
    const std::size_t from = first >= 7 ? first - 7 : 0;
    for (std::size_t i = from; i < first; ++i) {
      if (lexicon_.is_kind(tokens[i], attack_) || lexicon_.is_kind_alt(tokens[i], attack_)) {
        holding[k] = 1;
        target[k] = 1;
        break;
      }
    }
  }
  // "seized from IS", "captured from the regime", "تم الاستيلاء عليه من داعش": the party a place was taken from
  // lost it; it is the other side, never the taker
  for (std::size_t k = 0; k < actors.size(); ++k) {
    const std::size_t first = actors[k].first;
    if (first == 0 || (tokens[first - 1].form != "from" && tokens[first - 1].form != "\xD9\x85\xD9\x86")) continue;  // من
    for (std::size_t back = 2; back <= 4 && back <= first; ++back) {
      const Token& before = tokens[first - back];
      if (lexicon_.is_kind(before, taking_) || lexicon_.is_kind_alt(before, taking_)) {
        holding[k] = 1;
        break;
      }
    }
  }
  SentenceActors out;
  for (std::size_t k = 0; k < actors.size(); ++k) {
    (supporting[k] ? out.backers : holding[k] ? out.holders : out.acting).push_back(actors[k]);
    if (target[k]) out.targets.push_back(actors[k]);
  }
  return out;
}

namespace {

// "Syrian and Russian warplanes", "الجيشان السوري والروسي": of parties joined by "and", the first named acts
// first; `eligible` says which parties count
template <typename Eligible>
const PhraseMatch* first_joined(const PhraseMatch* party, const SentenceActors& actors, const std::vector<Token>& tokens,
                                Eligible eligible) {
  for (bool moved = true; moved;) {
    moved = false;
    for (const auto& a : actors.acting) {
      if (&a == party || !eligible(a)) continue;
      const bool and_between = a.last + 1 == party->first && (tokens[a.last].form == "and" || tokens[a.last].form == "و");
      const bool joined = a.last == party->first && tokens[party->first].script == Script::Arabic &&
                          tokens[party->first].form.rfind("\xD9\x88", 0) == 0;  // و
      if (and_between || joined) {
        party = &a;
        moved = true;
        break;
      }
    }
  }
  return party;
}

}  // namespace

Actor ActorRoles::actor_of(const Trigger& t, const SentenceActors& actors, const std::vector<Token>& tokens,
                           std::string_view text, const ActorMemory& memory, const Actor* coordinated) const {
  // the support's own actor: the backer written nearest to it
  if (t.supporting && !actors.backers.empty()) {
    const PhraseMatch* nearest = &actors.backers.front();
    auto gap = [&](const PhraseMatch& a) { return a.first > t.first ? a.first - t.first : t.first - a.first; };
    for (const auto& a : actors.backers) {
      if (gap(a) < gap(*nearest)) nearest = &a;
    }
    return actor(*nearest, tokens, text);
  }
  // aircraft belong to states: an air strike's actor is a government or a foreign power when the sentence names
  // one ("coalition forces aircraft targeted two IS sites")
  if (t.phrase->kind == "air_strike") {
    const PhraseMatch* state = nullptr;
    for (const auto& a : actors.acting) {
      if (!is_state(a)) continue;
      if (!state || a.first < t.first) state = &a;
    }
    if (state) return actor(*first_joined(state, actors, tokens, is_state), tokens, text);
    // no state named here: the air power an earlier sentence named ("Coalition forces struck … Near X, four
    // strikes …"), since the armed groups on the ground fly no aircraft
    if (!memory.last_state.canonical.empty()) return memory.last_state;
  }
  // civilians are what an attack hits, not who makes it; nor does the side a place was taken from take it ("the
  // Kurdish units clashed with IS near a bridge that had been taken from IS")
  const bool taking = t.phrase->kind == "control" || t.phrase->kind == "regain";
  auto acts = [&](const PhraseMatch& a) {
    if (a.phrase->side == "civilian") return false;
    return !taking || std::none_of(actors.holders.begin(), actors.holders.end(), [&](const PhraseMatch& h) {
      return h.phrase->canonical == a.phrase->canonical;
    });
  };
  // "Turkish artillery shelled SDF positions", "Russian warplanes": a party whose name holds the trigger's word
  // is the one that fired
  for (const auto& a : actors.acting) {
    if (acts(a) && a.first <= t.first && a.last > t.first) return actor(a, tokens, text);
  }
  const PhraseMatch* before = nullptr;
  const PhraseMatch* after = nullptr;
  for (const auto& a : actors.acting) {
    if (!acts(a)) continue;
    if (a.last <= t.first) before = &a;
    if (!after && a.first >= t.first_end && a.first <= t.first_end + 3) after = &a;
  }
  // "Turkish troops clashed with Kurdish militias and entered the town": a verb joined by "and" to the one
  // before it, with no subject of its own, shares that verb's subject
  if (coordinated && !coordinated->canonical.empty() && joined_to_verb_before(t, tokens) &&
      !(tokens[t.first].script == Script::Arabic && after)) {
    return *coordinated;
  }
  // "pushed back by rebel groups", "fell to IS", "the capture in spring by government troops": the agent follows
  if (t.agent_follows) {
    for (const auto& a : actors.acting) {
      if (a.first >= t.agent_at && a.first <= t.agent_at + 2) return actor(a, tokens, text);
    }
    if (after) return actor(*after, tokens, text);
  }
  // Arabic puts the verb first: "بسط تنظيم داعش سيطرته"
  if (tokens[t.first].script == Script::Arabic && after) return actor(*after, tokens, text);
  if (before) return actor(*first_joined(before, actors, tokens, acts), tokens, text);
  if (after) return actor(*after, tokens, text);
  // "Fierce clashes took place near X, where Levant Front fighters killed seven IS militants": the sentence's
  // first party, however far after the event noun, before one an earlier sentence named
  for (const auto& a : actors.acting) {
    if (acts(a)) return actor(a, tokens, text);
  }
  // a bomb that explodes with no party named was set by someone the report does not know: whoever the sentence
  // before named fought, not planted it ("… shelled SDF positions. A car bomb exploded in al-Bab")
  if (t.phrase->kind == "car_bomb" || t.phrase->kind == "suicide_bomb") return {};
  // "The group then attacked army positions", "بدأت المجموعة في تنفيذ هجمات": the armed group named last, though a
  // state was named after it
  if (!memory.last_group.canonical.empty() && !lexicon_.find(tokens, group_anaphor_).empty()) return memory.last_group;
  return memory.last;
}

Actor ActorRoles::other_side(const Actor& first, const SentenceActors& actors, const std::vector<Token>& tokens,
                             std::string_view text) const {
  for (const auto* group : {&actors.targets, &actors.acting, &actors.holders}) {
    for (const auto& a : *group) {
      if (a.phrase->canonical != first.canonical && a.phrase->side != "civilian") return actor(a, tokens, text);
    }
  }
  return {};
}

std::string ActorRoles::side_of(const std::string& canonical, const SentenceActors& actors) const {
  for (const auto& a : actors.acting) {
    if (a.phrase->canonical == canonical) return a.phrase->side;
  }
  return {};
}

void ActorRoles::remember(const SentenceActors& actors, const std::vector<Token>& tokens, std::string_view text,
                          ActorMemory& memory) const {
  for (const auto& a : actors.acting) {
    if (a.phrase->side != "civilian") memory.last = actor(a, tokens, text);  // civilians act in nothing
    if (is_state(a)) memory.last_state = actor(a, tokens, text);
    if (a.phrase->side == "non-state") memory.last_group = actor(a, tokens, text);
  }
}

}  // namespace conflictmap
