#include "events/event_triggers.hpp"

#include "names/arabic_normaliser.hpp"

#include <algorithm>

namespace conflictmap {

const std::vector<std::string>& trigger_kinds() {
  static const std::vector<std::string> kinds = {"control",  "regain",       "withdraw", "air_strike", "shelling", "clash",
                                                 "car_bomb", "suicide_bomb", "arrests",  "agreement",  "civilians"};
  return kinds;
}

bool is_territorial_kind(const std::string& kind) { return kind == "control" || kind == "regain" || kind == "withdraw"; }

bool is_strike_kind(const std::string& kind) { return kind == "air_strike" || kind == "shelling"; }

TriggerFinder::TriggerFinder(const Lexicon& lexicon)
    : lexicon_(lexicon), trigger_(lexicon.mask(trigger_kinds())), attempt_(lexicon.mask({"attempt"})), intention_(lexicon.mask({"intention"})),
      relative_(lexicon.mask({"relative"})), past_auxiliary_(lexicon.mask({"past_auxiliary"})),
      present_auxiliary_(lexicon.mask({"present_auxiliary"})), agent_after_(lexicon.mask({"agent_after"})),
      supporter_(lexicon.mask({"supporter"})), still_(lexicon.mask({"still"})),
      bombardment_(lexicon.mask({"bombardment"})), achieved_(lexicon.mask({"achieved"})),
      carried_out_(lexicon.mask({"carried_out"})), actor_(lexicon.mask({"actor"})),
      people_(lexicon.mask({"people"})), came_under_(lexicon.mask({"came_under"})), purpose_(lexicon.mask({"purpose"})),
      lost_verb_(lexicon.mask({"lost_verb"})), driving_out_(lexicon.mask({"driving_out"})) {}

std::vector<Trigger> TriggerFinder::find(const std::vector<Token>& tokens) const {
  std::vector<Trigger> triggers;
  // "the Free Syrian Army", "هيئة تحرير الشام", "the Levant Liberation Committee": a word of taking a place inside
  // a party's name takes nothing (a strike word inside one, "Russian airstrikes", still tells the strikes)
  std::vector<char> in_party_name;  // read only for a sentence with a word of taking a place
  auto inside_party_name = [&](const PhraseMatch& m) {
    if (in_party_name.empty()) {
      in_party_name.assign(tokens.size(), 0);
      for (const auto& a : lexicon_.find(tokens, actor_)) {
        for (std::size_t i = a.first; i < a.last; ++i) in_party_name[i] = 1;
      }
    }
    return std::any_of(in_party_name.begin() + static_cast<std::ptrdiff_t>(m.first),
                       in_party_name.begin() + static_cast<std::ptrdiff_t>(m.last), [](char c) { return c != 0; });
  };
  const auto purposes = lexicon_.find(tokens, purpose_);
  for (const auto& m : lexicon_.find(tokens, trigger_)) {
    if (is_territorial_kind(m.phrase->kind) && inside_party_name(m)) continue;
    Trigger t;
    t.phrase = m.phrase;
    t.first = m.first;
    t.last = t.first_end = m.last;
    // "drove the army out of X": "out of" takes X only after a verb of driving, its object between; the verb
    // begins the trigger, so that who drove is the party before it
    if (m.phrase->words.size() == 2 && m.phrase->words[0] == "out" && m.phrase->words[1] == "of") {
      std::optional<std::size_t> verb;
      for (std::size_t back = 2; back <= 6 && back <= m.first && !verb; ++back) {
        if (lexicon_.is_kind(tokens[m.first - back], driving_out_)) verb = m.first - back;
      }
      if (!verb) continue;
      t.first = *verb;
      t.first_end = *verb + 1;
    }
    const bool territorial = is_territorial_kind(m.phrase->kind);
    // English participles: "was captured by the SDF" tells an event whose agent follows; "villages seized by IS"
    // and "is controlled by IS" describe who holds a place. A strike or a battle with its agent after it tells the
    // event whatever its form: "shelling by rebels hit X", "the town shelled by the army"
    const bool by_after = m.last < tokens.size() && lexicon_.match_at(tokens, m.last, agent_after_);
    // written in lower case: "IS took control" names the Islamic State, "is controlled" is a verb
    const bool auxiliary_before = m.first > 0 && !tokens[m.first - 1].capitalised;
    const bool past_auxiliary = auxiliary_before && lexicon_.match_at(tokens, m.first - 1, past_auxiliary_);
    const bool present_auxiliary = auxiliary_before && lexicon_.match_at(tokens, m.first - 1, present_auxiliary_ | still_);
    if (by_after) {
      t.agent_follows = true;
      t.agent_at = m.last + 1;
      if (!past_auxiliary && territorial) t.descriptive = true;
    } else {
      // "the capture in spring by government troops of …": a noun of the event, its agent a few words on
      for (std::size_t k = m.last + 1; k < std::min(tokens.size(), m.last + 4); ++k) {
        if (!lexicon_.match_at(tokens, k, agent_after_)) continue;
        t.agent_follows = true;
        t.agent_at = k + 1;
        break;
      }
      // "an attack on X launched by the army", "هجوما على X شنته قوات النظام", "الغارات التي نفذتها طائرات
      // روسية": a verb of carrying out a few words after the event noun gives it its agent, who follows the verb
      for (std::size_t k = m.last; !t.agent_follows && k < std::min(tokens.size(), m.last + 6); ++k) {
        const auto carried = lexicon_.match_at(tokens, k, carried_out_);
        if (!carried) continue;
        t.agent_follows = true;
        t.agent_at = carried->last;
      }
    }
    if (territorial && present_auxiliary) t.descriptive = true;
    // Arabic puts the subject between: "ما زالت قوات النظام تسيطر على …"
    // ("ما زالت قوات النظام تحاول السيطرة على …", still trying to take it, is fighting going on: see attempts below)
    if (territorial && tokens[m.first].script == Script::Arabic) {
      for (std::size_t back = 2; back <= 5 && back <= m.first; ++back) {
        if (!lexicon_.match_at(tokens, m.first - back, still_)) continue;
        bool trying = false;
        for (std::size_t k = m.first - back + 1; k < m.first && !trying; ++k) trying = lexicon_.match_at(tokens, k, attempt_).has_value();
        if (!trying) t.descriptive = true;
      }
    }
    // "under the control of IS", "تحت سيطرة داعش" describe who holds a place; "came under", "fell under",
    // "وقعت تحت سيطرة", "سقطت تحت سيطرة" tell that it changed hands, to the party that follows
    auto came_under = [&](std::size_t k) {
      return lexicon_.is_kind(tokens[k], came_under_) || lexicon_.is_kind_alt(tokens[k], came_under_);
    };
    if (m.phrase->words.front() == "under") {
      if (!(m.first > 0 && came_under(m.first - 1))) t.descriptive = true;
    } else if (territorial && tokens[m.first].script == Script::Arabic && m.first >= 2 &&
               lexicon_.match_at(tokens, m.first - 1, present_auxiliary_)) {
      // the verb leads its subject: "وقعت مدينة سراقب تحت سيطرة …"
      for (std::size_t k = m.first - 1; k-- > 0 && k + 5 >= m.first;) {
        if (!came_under(k)) continue;
        t.descriptive = false;
        t.agent_follows = true;
        t.agent_at = m.last;
        break;
      }
    }
    // "فقدت قوات النظام السيطرة على X": a verb of losing before the noun of control, its subject between, makes
    // the control the party's loss
    if (territorial && tokens[m.first].script == Script::Arabic) {
      for (std::size_t k = m.first; k-- > 0 && k + 5 >= m.first;) {
        if (lexicon_.is_kind(tokens[k], lost_verb_) || lexicon_.is_kind_alt(tokens[k], lost_verb_)) {
          t.lost = true;
          break;
        }
      }
    }
    // "all now controlled by the SDF", "now under the control of IS": "now" tells that the place changed hands
    for (std::size_t back = 1; back <= 2 && back <= m.first; ++back) {
      if (territorial && tokens[m.first - back].form == "now") t.descriptive = false;
    }
    // "fell to IS", "under the control of the SDF": the phrase ends where its agent begins
    if (m.phrase->words.size() >= 2 && (m.phrase->words.back() == "to" || m.phrase->words.back() == "of") &&
        m.phrase->words.front() != "out") {
      t.agent_follows = true;
      t.agent_at = m.last;
    }
    // "كان قد سيطر": a pluperfect recalls what was already so
    if (m.first >= 2 && tokens[m.first - 2].form == "كان" && tokens[m.first - 1].form == "قد") t.descriptive = true;
    // "المناطق التي تسيطر عليها قوات النظام": a relative clause on a control verb says who holds a place
    // ("الجسر الذي تم الاستيلاء عليه", the bridge which was seized: a relative clause in the past passive tells the taking)
    if (territorial && m.first >= 1 && tokens[m.first - 1].form != "\xD8\xAA\xD9\x85") {  // تم
      for (std::size_t back = 1; back <= 2 && back <= m.first; ++back) {
        if (lexicon_.match_at(tokens, m.first - back, relative_)) t.descriptive = true;
      }
    }
    // "backed by coalition air strikes", "بدعم من الطيران الروسي": the support of an attack, not a strike told
    // at its place
    for (std::size_t back = 1; back <= 3 && back <= m.first; ++back) {
      const auto support = lexicon_.match_at(tokens, m.first - back, supporter_);
      if (support && support->last + 2 >= m.first) t.supporting = true;
    }
    // "launched a counterattack to recapture X": an infinitive of purpose is intended, not done; "managed to
    // control", "were able to take" tell it done
    bool purpose = false;
    if (territorial && m.first > 0 && tokens[m.first - 1].form == "to") {
      bool achieved = false;
      for (std::size_t back = 2; back <= 6 && back <= m.first && !achieved; ++back) {
        achieved = lexicon_.match_at(tokens, m.first - back, achieved_).has_value();
      }
      if (!achieved) purpose = true;
    }
    // "أرسل تعزيزات لاستعادة السيطرة عليها", "للسيطرة على": a verbal noun joined to "ل" is the purpose, not done
    // ("لاستعادة السيطرة": the noun of control after such a verbal noun shares its purpose)
    auto joined_to_for = [&](std::size_t k) {
      if (tokens[k].script != Script::Arabic || tokens[k].alt.empty()) return false;
      const auto joined = split_joined_prefix(tokens[k].form);
      return joined && joined->prefix == "\xD9\x84";
    };
    if (territorial && (joined_to_for(m.first) ||
                        (m.first > 0 && joined_to_for(m.first - 1) && lexicon_.is_kind_alt(tokens[m.first - 1], trigger_)))) {
      purpose = true;
    }
    // "plans to capture", "will attack": intended, not done; "trying to control", "in an attempt to capture":
    // not done either, but an attempt to take a place is fighting there
    for (std::size_t back = 1; back <= 3 && back <= m.first; ++back) {
      if (lexicon_.match_at(tokens, m.first - back, intention_)) t.descriptive = true;
      if (const auto tried = lexicon_.match_at(tokens, m.first - back, attempt_)) {
        // "IS, which is trying hard to control the countryside": a relative clause describes the party's aim
        bool described = false;
        for (std::size_t r = 1; r <= 3 && r <= tried->first && !described; ++r) {
          const auto& w = tokens[tried->first - r].form;
          described = w == "which" || w == "who" || w == "that" || lexicon_.match_at(tokens, tried->first - r, relative_);
        }
        // an attempt to attack or to advance is fighting already
        if ((m.phrase->kind == "control" || m.phrase->kind == "regain") && !described) t.attempted = true;
        else if (m.phrase->kind != "clash" || described) t.descriptive = true;
      }
    }
    // "in an attempt to ease the pressure and attack X", "في محاولة لتخفيف الضغط ومهاجمة X": what a clause of
    // purpose goes on to name is intended too, unless it is the attempt itself
    // (right after it, or joined by "and" to what it names: "معركة من أجل مدينة الباب شملت هجوماً", a battle for
    // al-Bab that included an attack, tells the attack)
    const bool joined_by_and = (tokens[m.first].script == Script::Arabic && !tokens[m.first].alt.empty() &&
                                tokens[m.first].form.rfind("\xD9\x88", 0) == 0) ||
                               (m.first > 0 && tokens[m.first - 1].form == "and");
    for (const auto& p : purposes) {
      if (p.last == m.first || (joined_by_and && p.last < m.first && m.first <= p.last + 6)) purpose = true;
    }
    if (purpose && !t.attempted) t.descriptive = true;
    // "four suspects were captured", "captured two IS leaders", "أسر عناصر": people taken are arrested, no
    // place is taken
    // ("ISIS militants took control": people before an active verb are who took it)
    if (m.phrase->kind == "control") {
      if (past_auxiliary) {
        for (std::size_t k = m.first >= 4 ? m.first - 4 : 0; k + 1 < m.first && !t.captive; ++k) {
          t.captive = lexicon_.match_at(tokens, k, people_).has_value();
        }
      }
      for (std::size_t k = m.last; !t.agent_follows && k < std::min(tokens.size(), m.last + 3) && !t.captive; ++k) {
        t.captive = lexicon_.match_at(tokens, k, people_).has_value() && !inside_party_name(PhraseMatch{nullptr, k, k + 1});
      }
    }
    if (!triggers.empty() && triggers.back().phrase->kind == t.phrase->kind && t.first <= triggers.back().last + 3) {
      triggers.back().last = t.last;
      triggers.back().count_at = t.first;  // "الطيران … بأربع غارات": the count goes with the second word
      continue;
    }
    triggers.push_back(t);
  }
  // "قصفت الطائرات", "bombarded by warplanes": a bombardment, its means unsaid, written beside the aircraft that
  // made it is that air strike, not a second event ("air and artillery strikes" stay two)
  for (std::size_t k = 0; k < triggers.size(); ++k) {
    if (triggers[k].phrase->kind != "shelling" || !lexicon_.match_at(tokens, triggers[k].first, bombardment_)) continue;
    for (std::size_t j = 0; j < triggers.size(); ++j) {
      if (triggers[j].phrase->kind != "air_strike") continue;
      const std::size_t gap = triggers[j].first >= triggers[k].last ? triggers[j].first - triggers[k].last
                              : triggers[k].first >= triggers[j].last ? triggers[k].first - triggers[j].last
                                                                        : 0;
      if (gap <= 2) triggers[k].merged_into_strike = true;
    }
  }
  triggers.erase(std::remove_if(triggers.begin(), triggers.end(), [](const Trigger& t) { return t.merged_into_strike; }),
                 triggers.end());
  // "pushed back by rebel groups" still tells a reversal; "now controlled by" a change
  for (auto& t : triggers) {
    if (t.descriptive && t.phrase->kind == "regain" && t.agent_follows) t.descriptive = false;
  }
  return triggers;
}

}  // namespace conflictmap
