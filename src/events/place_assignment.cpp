#include "events/place_assignment.hpp"

#include <algorithm>
#include <optional>

namespace conflictmap {

PlaceAssigner::PlaceAssigner(const Lexicon& lexicon)
    : lexicon_(lexicon), list_start_(lexicon.mask({"list_start"})), speech_(lexicon.mask({"speech"})),
      origin_(lexicon.mask({"origin"})), spread_(lexicon.mask({"spread"})), expulsion_(lexicon.mask({"expulsion"})), purpose_(lexicon.mask({"purpose"})),
      pronoun_(lexicon.mask({"pronoun"})), within_(lexicon.mask({"within"})),
      located_after_(lexicon.mask({"located_after"})), relative_(lexicon.mask({"relative"})) {}

void PlaceAssigner::assign(std::string_view text, const std::vector<Token>& tokens,
                           const std::vector<const PlaceMention*>& mentions, std::vector<Trigger>& triggers,
                           const std::vector<std::size_t>& live) const {
  const auto list_starts = lexicon_.find(tokens, list_start_);
  // "attacking villages in the Deir ez-Zor countryside; the next day, the campaign was announced in X", "attacking
  // A and B in an attempt to cut off the highway linking X to Y": a semicolon or a clause of purpose ends what a
  // verb before it acted on
  std::vector<std::size_t> boundaries;  // token indexes a boundary stands right before
  for (std::size_t k = 1; k < tokens.size(); ++k) {
    if (text.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end).find(';') != std::string_view::npos ||
        text.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end).find("\xD8\x9B") != std::string_view::npos) {
      boundaries.push_back(k);
    }
  }
  for (const auto& p : lexicon_.find(tokens, purpose_)) boundaries.push_back(p.first);
  auto separated = [&](std::size_t a, std::size_t b) {  // a boundary between tokens a and b (a < b)
    for (const auto k : boundaries) {
      if (k > a && k <= b) return true;
    }
    return false;
  };
  // "backed by Russian air strikes": support of the action told takes no place of its own
  std::vector<std::size_t> acting;
  for (const auto t : live) {
    if (!triggers[t].supporting) acting.push_back(t);
  }
  for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
    const PlaceMention& m = *mentions[mi];
    if (m.region) continue;
    // "the hill where the old fort is located": a place said to lie somewhere is described, not acted on
    if (m.last < tokens.size() && lexicon_.match_at(tokens, m.last, located_after_)) continue;
    std::optional<std::size_t> chosen;
    std::optional<std::size_t> list_at;
    for (const auto& ls : list_starts) {
      if (ls.last <= m.first) list_at = ls.first;
    }
    // a place inside a verb written twice ("الطيران الحربي مدينة سراقب بأربع غارات") follows its first word
    for (const auto t : acting) {
      if (triggers[t].first_end <= m.first) chosen = separated(triggers[t].first, m.first) ? std::nullopt : std::optional(t);
    }
    if (list_at) {
      // "… including A and B": the list belongs to the last change of control before it, else the last strike,
      // rather than to a battle word in between
      std::optional<std::size_t> territorial, strike;
      for (const auto t : acting) {
        if (triggers[t].last > *list_at || separated(triggers[t].first, m.first)) continue;
        const auto& kind = triggers[t].phrase->kind;
        if (is_territorial_kind(kind)) territorial = t;
        if (is_strike_kind(kind)) strike = t;
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
      for (const auto t : acting) {
        if (triggers[t].first < m.last) continue;
        if (separated(m.first, triggers[t].first)) break;
        bool speech_between = false;
        for (std::size_t k = m.last; k < triggers[t].first && !speech_between; ++k) {
          speech_between = lexicon_.match_at(tokens, k, speech_).has_value();
        }
        if (!speech_between) chosen = t;
        break;
      }
      // "X came under air and artillery strikes": verbs joined to the first after the place share it
      if (chosen) {
        std::size_t end = triggers[*chosen].last;
        for (const auto t : acting) {
          if (t == *chosen || triggers[t].first < end) continue;
          if (triggers[t].first > end + 2) break;
          triggers[t].places.push_back(mi);
          end = triggers[t].last;
        }
      }
    }
    // "brought by IS from Deir Ezzor to Hasaka": where people came from or went is not what was hit or taken
    // "attacked from the al-Hawl area": nor where an attack or an advance set out from. A verb of expulsion
    // takes its place after "from": "expelled IS from Manbij" took Manbij
    // "from their base in X", "من معاقلهم في X": the same, with what set out named between
    auto set_out_from = [&](std::size_t trigger_end) {
      // "the fighting spread to X", "clashes extended to X": where fighting spread is where it was fought
      if (m.first > 1 && lexicon_.match_at(tokens, m.first - 1, origin_) && lexicon_.is_kind(tokens[m.first - 2], spread_)) {
        return false;
      }
      if (m.first > 0 && lexicon_.match_at(tokens, m.first - 1, origin_)) return true;
      if (m.first < 2 || !lexicon_.match_at(tokens, m.first - 1, within_)) return false;
      for (std::size_t k = m.first - 2; k + 4 >= m.first && k >= trigger_end; --k) {
        if (lexicon_.match_at(tokens, k, origin_)) return true;
        const bool other_place = std::any_of(mentions.begin(), mentions.end(), [&](const PlaceMention* o) { return o->first <= k && k < o->last; });
        const bool verb = std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& t) { return t.first <= k && k < t.last; });
        if (other_place || verb || k == 0) return false;
      }
      return false;
    };
    if (chosen && m.first > 0 && m.first - 1 >= triggers[*chosen].last && set_out_from(triggers[*chosen].last) &&
        !lexicon_.match_at(tokens, triggers[*chosen].first, expulsion_)) {
      const auto& kind = triggers[*chosen].phrase->kind;
      if (is_strike_kind(kind) || is_territorial_kind(kind) || kind == "clash") chosen.reset();
    }
    if (chosen) triggers[*chosen].places.push_back(mi);
  }
  // "the bridge, which rebels had seized from IS", "الجسر الذي تم الاستيلاء عليه": a verb in a relative clause in
  // the past passive acted on the place the clause hangs on
  for (const auto t : acting) {
    auto& trigger = triggers[t];
    if (!trigger.places.empty() || trigger.first < 2) continue;
    std::size_t k = trigger.first - 1;
    while (k > 0 && (tokens[k].form == "was" || tokens[k].form == "were" || tokens[k].form == "been" ||
                     tokens[k].form == "had" || tokens[k].form == "\xD8\xAA\xD9\x85")) {  // تم
      --k;
    }
    if (k == trigger.first - 1 || k == 0) continue;  // no passive auxiliary
    const bool relative = tokens[k].form == "which" || tokens[k].form == "that" || lexicon_.match_at(tokens, k, relative_);
    if (!relative) continue;
    for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
      if (mentions[mi]->last == k && !mentions[mi]->region) trigger.places.push_back(mi);
    }
    trigger.background = !trigger.places.empty();
  }
  // "استهدف الطيران الحربي بلدة X بثلاث غارات", "aircraft hit X with four strikes": a strike word that names no
  // place, after one of its kind that does, tells the same strikes; its count is theirs
  for (std::size_t k = 1; k < live.size(); ++k) {
    auto& t = triggers[live[k]];
    if (!is_strike_kind(t.phrase->kind) || !t.places.empty() || t.supporting) continue;
    for (std::size_t j = k; j-- > 0;) {
      auto& before = triggers[live[j]];
      if (before.phrase->kind != t.phrase->kind || before.places.empty()) continue;
      before.count_at = t.first;
      t.folded = true;
      break;
    }
  }
  // "rebels regained it", "تقدم قوات النظام وسيطرتها على المنطقة": a territorial verb without places takes those
  // of the territorial verb before it. A verb written with its object ("دخلوا سراقب واقتحموها", they entered
  // Saraqib and stormed it) takes the places of the verb before it whatever that verb's kind: "it" is what was
  // just named
  for (std::size_t k = 0; k < live.size(); ++k) {
    auto& t = triggers[live[k]];
    // "advanced towards Saraqib and took it", "تقدموا نحو سراقب وسيطروا عليها": a pronoun object is what was just
    // named, whatever the verb before it; so is "the area" a strike hit ("attacked X and Y, while aircraft
    // conducted 50 raids in the area")
    bool pronoun_object = t.last < tokens.size() && lexicon_.match_at(tokens, t.last, pronoun_).has_value();
    for (std::size_t k2 = t.last; !pronoun_object && k2 < std::min(tokens.size(), t.last + 3); ++k2) {
      pronoun_object = lexicon_.match_at(tokens, k2, pronoun_).has_value() && tokens[k2].form != "it" && tokens[k2].form != "them";
    }
    if (!t.places.empty() || (!is_territorial_kind(t.phrase->kind) && !t.phrase->object_pronoun && !pronoun_object)) continue;
    for (std::size_t j = k; j-- > 0;) {
      const auto& before = triggers[live[j]];
      if ((is_territorial_kind(before.phrase->kind) || t.phrase->object_pronoun || pronoun_object) && !before.places.empty()) {
        t.places = before.places;
        t.borrowed = true;
        t.lender = live[j];
        break;
      }
    }
  }
}

}  // namespace conflictmap
