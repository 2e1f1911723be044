#include "events/place_mentions.hpp"

#include <algorithm>

#include "events/word_dictionary.hpp"
#include "names/arabic_normaliser.hpp"
#include "names/latin_normaliser.hpp"
#include "names/name_keys.hpp"

namespace conflictmap {

namespace {

const std::vector<std::string> kBlockingKinds = {"actor",    "control", "regain",       "withdraw", "air_strike",
                                                 "shelling", "clash",   "car_bomb",     "suicide_bomb",
                                                 "arrests",  "agreement", "civilians", "relative_day",
                                                 "relative_week", "relative_month", "weekday", "death", "vague",
                                                 "list_start", "of_them", "pronoun"};
const std::vector<std::string> kTerritorial = {"control", "regain", "withdraw", "list_start"};

// Words before a place that make it an area locating others: "countryside of Aleppo", "north of Aleppo".
bool is_region_lead(std::string_view w) {
  static const std::unordered_set<std::string_view> words = {
      "countryside", "province", "provinces", "governorate", "governorates", "ريف", "محافظه", "north", "south", "east", "west",
      "northern", "southern", "eastern", "western", "شمال", "جنوب", "شرق", "غرب", "city", "ضواحي",
      "باديه"};  // "بادية دير الزور", the desert of Deir ez-Zor
  return words.count(w) > 0;
}
// The Arabic adjectives of direction, masculine and feminine ("الشمالي", "الشرقية"), without the article.
bool is_arabic_direction_adjective(std::string_view w) {
  static const std::unordered_set<std::string_view> words = {"شمالي", "جنوبي", "شرقي", "غربي",
                                                             "شماليه", "جنوبيه", "شرقيه", "غربيه"};
  return words.count(w) > 0;
}
// Words after a place that make it an area: "Aleppo countryside", "ريف حلب الشمالي", and the feminine direction
// that agrees with a feminine area word ("محافظة حمص الشرقية", the eastern Homs governorate).
bool is_region_tail(std::string_view w) {
  static const std::unordered_set<std::string_view> words = {"countryside", "province", "governorate", "district", "desert"};
  return words.count(w) > 0 || is_arabic_direction_adjective(w);
}

// The Arabic article as romanised, with its assimilated forms ("ash-Sham", "ad-Dana", "ez-Zor"): the
// resolver's own list, and "ul"/"ud" that Latin texts also write.
bool is_article_word(std::string_view w) { return is_latin_article(w) || w == "ul" || w == "ud"; }

}  // namespace

MentionFinder::MentionFinder(const Resolver& resolver, const Lexicon& lexicon)
    : resolver_(resolver), lexicon_(lexicon), blocking_(lexicon.mask(kBlockingKinds)), territorial_(lexicon.mask(kTerritorial)),
      names_no_place_after_(lexicon.mask({"speech", "people", "organisation"})), group_name_(lexicon.mask({"group_name"})), speech_(lexicon.mask({"speech"})), people_(lexicon.mask({"people"})), title_(lexicon.mask({"title"})),
      locative_(lexicon.mask({"locative"})),
      event_noun_(lexicon.mask({"control", "regain", "withdraw", "air_strike", "shelling", "clash", "car_bomb", "suicide_bomb",
                                "agreement", "civilians"})),
      headline_word_(lexicon.mask({"control", "regain", "withdraw", "air_strike", "shelling", "clash", "car_bomb",
                                   "suicide_bomb", "arrests", "agreement", "civilians", "qualifier", "stop", "people",
                                   "number"})),
      not_a_name_(lexicon.mask({"stop", "connector"})), qualifier_(lexicon.mask({"qualifier"})),
      generic_(lexicon.mask({"generic"})), connector_(lexicon.mask({"connector"})), unit_(lexicon.mask({"unit"})),
      facility_(lexicon.mask({"facility"})), facility_head_(lexicon.mask({"facility_head"})),
      number_(lexicon.mask({"number"})), within_(lexicon.mask({"within"})),
      lying_by_(lexicon.mask({"lying_by"})) {
  for (const auto& place : resolver.gazetteer().places()) {
    for (const auto& name : place.names) {
      Script script = words_script(name.text);
      const auto words = key_words(name.text, script);
      if (words.empty()) continue;
      first_words_.insert(words.front());
      if (script == Script::Latin) first_words_.insert(fold_latin_word(words.front()));
      const auto keys = make_name_keys_from_words(script, words, true);
      if (!keys.folded.empty()) first_words_.insert(keys.folded.substr(0, keys.folded.find(' ')));
    }
  }
}

bool MentionFinder::is_name_word(const Token& token) const {
  if (lexicon_.is_kind(token, not_a_name_)) return false;
  if (lexicon_.is_kind_alt(token, not_a_name_)) return false;
  if (token.form.size() < 2) return false;
  return std::all_of(token.form.begin(), token.form.end(), [](char c) { return !(c >= '0' && c <= '9'); });
}

std::vector<std::string> MentionFinder::key_words_of(std::string_view text, const std::vector<Token>& tokens,
                                                     std::size_t first, std::size_t last) const {
  const auto span = text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
  return key_words(span, tokens[first].script);
}

void MentionFinder::introduced_names(const std::vector<Token>& tokens, std::unordered_set<std::string>& introduced) const {
  for (std::size_t k = 1; k < tokens.size(); ++k) {
    if (tokens[k].script != Script::Arabic) continue;
    const Token& before = tokens[k - 1];
    if (!lexicon_.is_kind(before, qualifier_) && !lexicon_.is_kind_alt(before, qualifier_)) continue;
    introduced.insert(tokens[k].form);
  }
}

std::vector<PlaceMention> MentionFinder::find(std::string_view text, const std::vector<Token>& tokens,
                                              const std::unordered_set<std::string>& introduced) const {
  const std::size_t n = tokens.size();
  std::vector<char> blocked(n, 0), taken(n, 0);
  for (const auto& m : lexicon_.find(tokens, blocking_)) {
    for (std::size_t i = m.first; i < m.last; ++i) blocked[i] = 1;
  }
  std::vector<PlaceMention> mentions;
  auto add = [&](std::size_t first, std::size_t last, bool known, std::size_t clitic_bytes = 0) {
    PlaceMention m;
    m.first = first;
    m.last = last;
    m.known = known;
    const std::size_t begin = tokens[first].begin + clitic_bytes;
    m.text = std::string(text.substr(begin, tokens[last - 1].end - begin));
    for (std::size_t i = first; i < last; ++i) taken[i] = 1;
    mentions.push_back(std::move(m));
  };
  auto free_range = [&](std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) {
      if (blocked[i] || taken[i]) return false;
    }
    return true;
  };

  const std::vector<std::size_t> breaks = clause_breaks(text);
  auto comma_between = [&](std::size_t a, std::size_t b) {
    return std::any_of(breaks.begin(), breaks.end(), [&](std::size_t x) { return x >= tokens[a].end && x < tokens[b].begin; });
  };

  // after the article, joined or not to a conjunction or preposition: "المدينة", "والبلدة", "بالقرية"
  auto arabic_definite = [&](std::size_t k) {
    return tokens[k].script == Script::Arabic &&
           written_with_article(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
  };

  // a settlement or generic word just before: "قرية X", "تل X"
  auto settlement_word_before = [&](std::size_t k) {
    return k > 0 && (lexicon_.is_kind(tokens[k - 1], qualifier_) || lexicon_.is_kind_alt(tokens[k - 1], qualifier_) ||
                     lexicon_.is_kind(tokens[k - 1], generic_));
  };
  // the next item of a list of places: a joined "and" after another place ("وسراقب"), or after its comma
  auto listed_after_place = [&](std::size_t k) {
    const auto joined = split_joined_prefix(tokens[k].form);
    if (joined && !tokens[k].alt.empty() && joined->prefix == "\xD9\x88" && !mentions.empty() &&
        mentions.back().last + 2 >= k) {
      return true;
    }
    return !mentions.empty() && mentions.back().last + 1 == k && comma_between(k - 1, k);
  };
  auto arabic_place_cue = [&](std::size_t k) {
    if (k > 0 && arabic_definite(k - 1) && !lexicon_.is_kind(tokens[k - 1], locative_)) return false;
    if (settlement_word_before(k)) return true;
    if (k > 0 && (lexicon_.is_kind(tokens[k - 1], locative_) || lexicon_.is_kind_alt(tokens[k - 1], locative_))) return true;
    // an event noun in construct with the name: "معركة يبرود", "هجوم منبج", "تحرير الرقة"
    if (k > 0 && (lexicon_.is_kind(tokens[k - 1], event_noun_) || lexicon_.is_kind_alt(tokens[k - 1], event_noun_))) return true;
    // a joined preposition ("بمنبج", "لحلب")
    const auto joined = split_joined_prefix(tokens[k].form);
    if (joined && !tokens[k].alt.empty() && (joined->prefix == "\xD8\xA8" || joined->prefix == "\xD9\x84")) return true;
    return listed_after_place(k);
  };
  // The cues that make an ordinary word a place, where a preposition ("من بداية") does not: a settlement word
  // before it ("قرية البداية"), a place just before it in a list ("منبج، البداية"), or the report having
  // introduced it so before
  auto arabic_settlement_cue = [&](std::size_t k) {
    if (settlement_word_before(k) || listed_after_place(k)) return true;
    return introduced.count(tokens[k].form) || (!tokens[k].alt.empty() && introduced.count(tokens[k].alt));
  };
  auto large_place_named = [&](const Token& token) {
    auto places = resolver_.places_named(token.form);
    if (places.empty() && !token.alt.empty()) places = resolver_.places_named(token.alt);
    if (places.empty()) return false;
    return std::any_of(places.begin(), places.end(), [&](std::size_t index) {
      const Place& place = resolver_.gazetteer().at(index);
      return place.kind == PlaceKind::City || is_admin_unit(place.kind) || place.population >= 20000;
    });
  };
  // "al-", "ash-", "el-" joined by a hyphen to the next word, or "al"/"el" standing before it
  // the bytes of the one-letter conjunction or preposition a token is written with ("و" of "وسراقب"), as written
  auto joined_prefix_bytes = [&](const Token& token) -> std::size_t {
    const auto joined = split_joined_prefix(token.form);
    if (!joined) return 0;
    const std::string_view raw = text.substr(token.begin, token.end - token.begin);
    return raw.substr(0, joined->prefix.size()) == joined->prefix ? joined->prefix.size() : 0;
  };
  auto joined_article = [&](std::size_t k) {
    if (k + 1 >= n || tokens[k].script != Script::Latin || !is_article_word(tokens[k].form)) return false;
    const auto gap = text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end);
    return gap == "-" || gap == "\xE2\x80\x90" || (gap == " " && (tokens[k].form == "al" || tokens[k].form == "el"));
  };
  // "Harakat Nour al-Sahel", "كتائب شهداء إدلب": an armed group's name, whatever places it honours. In Latin
  // letters the name runs as far as its capitals; Arabic writes none, so its next two words are taken.
  for (const auto& m : lexicon_.find(tokens, group_name_)) {
    if (tokens[m.first].script == Script::Latin && !tokens[m.first].capitalised) continue;  // "the liwa of …"
    std::size_t end = m.last;
    if (tokens[m.first].script == Script::Arabic) {
      end = std::min(n, m.last + 2);
    } else {
      while (end < n && end - m.last < 6 && (tokens[end].capitalised || joined_article(end))) ++end;
    }
    for (std::size_t i = m.first; i < end; ++i) blocked[i] = 1;
  }
  // "Bashar al-Assad", "Amer Alrfdan": a known single word beside a capitalised word that is no place,
  // mid-sentence, is part of a person's name
  // ("Suwayda Governorate", "Idlib City": a word of administration makes no person's name)
  auto plain_capital = [&](std::size_t k) {
    return k > 0 && k < n && tokens[k].capitalised && !blocked[k] && is_name_word(tokens[k]) &&
           !is_region_lead(tokens[k].form) && !is_region_tail(tokens[k].form) &&
           !lexicon_.is_kind(tokens[k], qualifier_) && !lexicon_.is_kind(tokens[k], generic_) &&
           !resolver_.knows_name(key_words_of(text, tokens, k, k + 1), tokens[k].script);
  };
  auto beside_a_personal_name = [&](std::size_t i) {
    return (i > 0 && !comma_between(i - 1, i) && plain_capital(i - 1)) ||
           (i + 1 < n && !comma_between(i, i + 1) && plain_capital(i + 1));
  };

  // a headline in title case: most longer Latin words capitalised, common words among them ("Forces Seize Nine
  // Villages"), not only names
  bool title_case = false;
  {
    std::size_t long_words = 0, capitals = 0, common_capitals = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (tokens[k].script != Script::Latin || tokens[k].form.size() < 4) continue;
      ++long_words;
      capitals += tokens[k].capitalised;
      common_capitals += tokens[k].capitalised && k > 0 && lexicon_.is_kind(tokens[k], headline_word_);
    }
    title_case = long_words >= 3 && capitals * 10 >= long_words * 7 && common_capitals >= 2;
  }
  auto latin_place_cue = [&](std::size_t k) {
    if (k == 0) return false;
    static const std::unordered_set<std::string_view> prepositions = {
        "in", "at", "near", "of", "to", "from", "into", "toward", "towards", "around", "outside", "on", "inside", "across"};
    return prepositions.count(tokens[k - 1].form) > 0 || lexicon_.is_kind(tokens[k - 1], qualifier_);
  };
  // 0. "the villages of A, B and C", "the town of X", "the districts of X as well as Y": in English a settlement
  // word and "of" are followed by names, known or not, one or a list, read before
  // single known words can cut them ("Qarqur" of "Qarqur Hamdan")
  for (std::size_t q = 0; q + 2 < n; ++q) {
    if (tokens[q].script != Script::Latin || !lexicon_.is_kind(tokens[q], qualifier_) || tokens[q + 1].form != "of") continue;
    std::size_t i = q + 2;
    while (i < n) {
      std::size_t end = i;
      // "Eastern Ghariyah", "Upper Baqras": a capitalised direction or part word begins a name before another
      auto part_word = [&](std::size_t k) {
        return tokens[k].capitalised && lexicon_.is_kind(tokens[k], connector_) && k + 1 < n && tokens[k + 1].capitalised &&
               is_name_word(tokens[k + 1]);
      };
      while (end < n && !blocked[end] && end - i < 5 &&
             ((tokens[end].capitalised && is_name_word(tokens[end])) || joined_article(end) || part_word(end) ||
              (end > i && is_article_word(tokens[end].form) && end + 1 < n && tokens[end + 1].capitalised)) &&
             !(end > i && comma_between(end - 1, end))) {
        ++end;
      }
      while (end > i && is_article_word(tokens[end - 1].form)) --end;
      if (end == i) break;
      if (free_range(i, end)) add(i, end, resolver_.knows_name(key_words_of(text, tokens, i, end), Script::Latin));
      i = end;
      // the next item: after a comma, "and", "as well as", or a comma and "and"
      bool more = i < n && comma_between(i - 1, i);
      if (i < n && tokens[i].form == "and") {
        more = true;
        ++i;
      } else if (i + 2 < n && tokens[i].form == "as" && tokens[i + 1].form == "well" && tokens[i + 2].form == "as") {
        more = true;
        i += 3;
      }
      if (!more) break;
      while (i < n && (tokens[i].form == "the" || (lexicon_.is_kind(tokens[i], qualifier_)) || tokens[i].form == "of")) ++i;
    }
  }

  // 0b. a military site named by its unit's number, known or not: "Brigade 113", "the 17th Division", "Brigade
  // 550 Base", "Regiment 46", "اللواء 93", "الفرقة 17". The number makes it a name, where "the brigade" alone is
  // none; the report's area places it when the gazetteer does not
  auto number_at = [&](std::size_t k) {
    if (k >= n || tokens[k].form.empty() || !(tokens[k].form[0] >= '0' && tokens[k].form[0] <= '9')) return false;
    std::size_t digits = 0;
    while (digits < tokens[k].form.size() && tokens[k].form[digits] >= '0' && tokens[k].form[digits] <= '9') ++digits;
    const auto rest = std::string_view(tokens[k].form).substr(digits);
    return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
  };
  for (const auto& u : lexicon_.find(tokens, unit_)) {
    const bool arabic = tokens[u.first].script == Script::Arabic;
    if (!arabic && !tokens[u.first].capitalised) continue;
    std::size_t first = u.first, last = u.last;
    if (number_at(last)) {
      ++last;  // "Brigade 113", "اللواء 93"
    } else if (!arabic && first > 0 && number_at(first - 1)) {
      --first;  // "the 17th Division"
    } else {
      continue;
    }
    // "Brigade 550 Base": a site word after the number belongs to the name
    while (last < n && !arabic && tokens[last].capitalised && lexicon_.is_kind(tokens[last], unit_)) ++last;
    if (!free_range(first, last)) continue;
    add(first, last, false);
  }

  // "القصير": a common word the lexicon stops ("قصير", short), written with the article, is the town a city or
  // large town of that name is ("هجوم على القصير"); "بوقت قصير" (in a short time) stays a word
  auto articled_town = [&](std::size_t k) {
    return tokens[k].script == Script::Arabic && arabic_definite(k) && lexicon_.is_kind(tokens[k], not_a_name_) &&
           !lexicon_.is_kind(tokens[k], connector_) && large_place_named(tokens[k]);
  };
  // 1. gazetteer spellings, longest first
  for (std::size_t i = 0; i < n;) {
    const Token& t = tokens[i];
    const bool candidate = !blocked[i] && (is_name_word(t) || articled_town(i)) &&
                           (first_words_.count(t.form) || (!t.alt.empty() && first_words_.count(t.alt)) ||
                            (t.script == Script::Latin && first_words_.count(fold_latin_word(t.form))));
    std::size_t matched = 0;
    std::size_t clitic_bytes = 0;  // a joined conjunction or preposition the name is written with
    if (candidate) {
      // a name runs over name words only (and generic ones: "Tal", "Kafr"); no longer n-gram can match
      std::size_t run = 1;
      while (run < 5 && i + run < n && !blocked[i + run] &&
             (is_name_word(tokens[i + run]) || lexicon_.is_kind(tokens[i + run], generic_) ||
              tokens[i + run].form == "al" || tokens[i + run].form == "el")) {
        ++run;
      }
      for (std::size_t len = run; len >= 1 && !matched; --len) {
        if (!free_range(i, i + len)) continue;
        bool split = false;  // a name does not run across a comma: "Rima, an activist"
        for (std::size_t k = i; k + 1 < i + len && !split; ++k) split = comma_between(k, k + 1);
        if (split) continue;
        if (!is_name_word(tokens[i + len - 1]) && !(len == 1 && articled_town(i))) continue;
        // "Tel al", "Jabal al", "قرية كفر": an article or a generic head ends no name
        if (len > 1 && is_article_word(tokens[i + len - 1].form)) continue;
        if (len > 1 && lexicon_.is_kind(tokens[i + len - 1], generic_)) continue;
        if (t.script == Script::Latin) {
          // in English, a place is written with a capital: "mare" is a word, "Mare" a town
          bool capital = false;
          for (std::size_t k = i; k < i + len; ++k) capital = capital || tokens[k].capitalised;
          if (!capital) continue;
          if (len == 1 && t.form.size() < 3) continue;
          // a name starts with its capital, or with an article joined to it ("al-Bab"): "an Aleppo school" is Aleppo
          if (!t.capitalised && !joined_article(i) && !lexicon_.is_kind(t, generic_)) continue;
          // A capital says nothing at the start of a sentence or in a headline written in title case
          // ("Military sources said", "Forces Seize Nine Villages"): a single word there needs a preposition
          // or a settlement word before it, or to name a city or unit, which reports begin sentences with
          if (len == 1 && (i == 0 || title_case) && !latin_place_cue(i) && !large_place_named(t)) continue;
          // "Hill 800", "Brigade 113": a word before a number names a feature, not the place the word names
          if (len == 1 && i + 1 < n && !tokens[i + 1].form.empty() && !comma_between(i, i + 1) &&
              std::all_of(tokens[i + 1].form.begin(), tokens[i + 1].form.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
          }
        }
        // "Tal", "كفر" alone begin names but name nothing; a short Arabic word alone is too often a word
        if (len == 1 && (lexicon_.is_kind(t, generic_) || lexicon_.is_kind(t, qualifier_) ||
                         lexicon_.is_kind_alt(t, qualifier_))) {
          continue;
        }
        if (len == 1 && t.script == Script::Arabic && t.form.size() < 8 &&
            !(i > 0 && lexicon_.is_kind(tokens[i - 1], qualifier_)) && !large_place_named(t)) {
          continue;
        }
        // A single Arabic word is as often a word as a village ("سلسلة", "قصير", "بحلول"): it is a place when a
        // preposition or a settlement word locates it, when it joins the place before it ("… ومنبج"), or when
        // a city or an administrative unit bears the name, which reports write bare ("هجوم حلب")
        if (len == 1 && t.script == Script::Arabic && !arabic_place_cue(i) && !large_place_named(t)) continue;
        // and one that is also a word of the language ("بداية", "مجموعة", "عنيفة") needs a settlement word or a list
        if (len == 1 && t.script == Script::Arabic && !arabic_settlement_cue(i) && !large_place_named(t) &&
            WordDictionary::arabic().knows(text.substr(t.begin, t.end - t.begin))) {
          continue;
        }
        // "Rima said", "Rima, an activist": a person
        if (i + len < n && lexicon_.match_at(tokens, i + len, names_no_place_after_)) continue;
        if (i + len + 1 < n && lexicon_.match_at(tokens, i + len + 1, speech_) && !comma_between(i + len - 1, i + len)) continue;
        if (len == 1 && t.script == Script::Latin && beside_a_personal_name(i)) continue;
        auto words = key_words_of(text, tokens, i, i + len);
        // "وقرية", "بريف": try the word without its joined preposition too
        if (resolver_.knows_name(words, t.script)) {
          matched = len;
        } else if (!t.alt.empty() && !words.empty()) {
          // "وسد تشرين", "ورأس العين", "بإدلب": the name after a joined conjunction or preposition, whole
          auto peeled = words;
          peeled.front() = t.alt;
          if (resolver_.knows_name(peeled, t.script)) {
            matched = len;
            clitic_bytes = joined_prefix_bytes(t);
          }
        }
      }
    }
    // "President Bashar al-Assad", "الرئيس بشار الأسد": a title names a person
    if (matched) {
      std::size_t name_start = i;  // back over the rest of the name: "President Bashar al-Assad"
      while (name_start > 0 && i - name_start < 3 && t.script == Script::Latin &&
             (tokens[name_start - 1].capitalised || is_article_word(tokens[name_start - 1].form))) {
        --name_start;
      }
      for (std::size_t k = name_start; k <= i && matched; ++k) {
        if (k > 0 && lexicon_.match_at(tokens, k - 1, title_)) matched = 0;
      }
    }
    if (matched) {
      // "Sahl al-Ghab", "Bab al-Nerab", "Abdul al-Aziz": a known word is only part of a name that runs on, or
      // began before it, through a joined article; the whole name is the mention
      std::size_t first = i, last = i + matched;
      // (within its clause: "the Ghab plain: al-Mansoura, …" lists other places after it)
      while (last + 1 < n && joined_article(last) && !blocked[last + 1] && !taken[last + 1] &&
             tokens[last + 1].capitalised && is_name_word(tokens[last + 1]) && !comma_between(last - 1, last)) {
        last += 2;
      }
      auto name_word_before = [&](std::size_t k) {
        return !blocked[k] && !taken[k] && tokens[k].capitalised && is_name_word(tokens[k]) && !comma_between(k, k + 1);
      };
      if (t.script == Script::Latin) {
        if (is_article_word(tokens[first].form) && first > 0 && joined_article(first) && name_word_before(first - 1)) {
          --first;  // the match began at the article: "al-Aziz" of "Abdul al-Aziz"
        } else if (first >= 2 && joined_article(first - 1) && !blocked[first - 1] && !taken[first - 1] &&
                   name_word_before(first - 2)) {
          first -= 2;  // "Zawiya" of "Jabal al-Zawiya"
        }
      }
      // "Tell Harqal", "Kafr Nasih": a generic head written before a known name is part of the name, which may
      // be a different place from the one the rest names (a hill beside the village)
      if (first == i && first > 0 && !blocked[first - 1] && !taken[first - 1] && !comma_between(first - 1, first) &&
          lexicon_.is_kind(tokens[first - 1], generic_) &&
          (t.script == Script::Arabic || tokens[first - 1].capitalised)) {
        --first;
      }
      const bool whole = first == i && last == i + matched;
      add(first, last, whole || resolver_.knows_name(key_words_of(text, tokens, first, last), t.script),
          first == i ? clitic_bytes : 0);
      i = last;
    } else {
      ++i;
    }
  }

  // 1b. the shape of an Arabic place name in Latin letters, known or not: a generic head, a joined article and a
  // capitalised word ("Jabal al-Zawiya", "Khirbat al-Joz", "Tell al-Sultan")
  for (std::size_t i = 0; i + 2 < n; ++i) {
    if (taken[i] || blocked[i] || !tokens[i].capitalised || !lexicon_.is_kind(tokens[i], generic_)) continue;
    std::size_t last = i + 1;
    while (last + 1 < n && joined_article(last) && !blocked[last + 1] && !taken[last + 1] && tokens[last + 1].capitalised &&
           is_name_word(tokens[last + 1]) && !comma_between(last - 1, last)) {
      last += 2;
    }
    if (last == i + 1 || !free_range(i, last)) continue;
    add(i, last, resolver_.knows_name(key_words_of(text, tokens, i, last), tokens[i].script));
    i = last - 1;
  }

  // 1c. a capitalised name after a locative preposition, in a spelling the gazetteer lacks ("in and around
  // Salaheddine" for Salah ad-Din): the resolver, not the table of spellings, says whether it is a place. Only a
  // confident answer for the place itself, by spelling alone, without fuzzy guessing: "in Moscow" stays no place.
  // "shells fell on Kafr Hamra and Asali": a name joined by "and" or "or" to a place just before it is a place too,
  // though namesakes leave it ambiguous alone
  auto joined_to_place = [&](std::size_t k) {
    if (k < 2 || (tokens[k - 1].form != "and" && tokens[k - 1].form != "or")) return false;
    return std::any_of(mentions.begin(), mentions.end(), [&](const PlaceMention& m) { return m.last == k - 1; });
  };
  for (std::size_t i = 1; i < n; ++i) {
    const bool joined = tokens[i].script == Script::Latin && joined_to_place(i);
    if (tokens[i].script != Script::Latin || taken[i] || blocked[i] || !tokens[i].capitalised ||
        !is_name_word(tokens[i]) || !(joined || latin_place_cue(i))) {
      continue;
    }
    std::size_t last = i + 1;
    while (last < n && last - i < 3 && !taken[last] && !blocked[last] && tokens[last].capitalised &&
           is_name_word(tokens[last]) && !comma_between(last - 1, last)) {
      ++last;
    }
    if (last < n && lexicon_.match_at(tokens, last, names_no_place_after_)) continue;
    if (last == i + 1 && beside_a_personal_name(i)) continue;
    // "a reporter in Aleppo countryside said": where the speaker is, not where the event was
    if ((last < n && lexicon_.match_at(tokens, last, speech_)) ||
        (last + 1 < n && lexicon_.match_at(tokens, last + 1, speech_) && !comma_between(last - 1, last))) {
      continue;
    }
    const auto name = text.substr(tokens[i].begin, tokens[last - 1].end - tokens[i].begin);
    if (!(joined ? resolver_.names_places_by_spelling(name) : resolver_.places_by_spelling(name))) continue;
    add(i, last, false);
    i = last - 1;
  }

  // 1e. "the al-Zuhur checkpoint", "the Sadkob station": a capitalised name right before a facility word is
  // the facility's, a place though the gazetteer lacks the name (the facility word belongs to it, as written)
  for (std::size_t i = 0; i < n; ++i) {
    if (tokens[i].script != Script::Latin || taken[i] || blocked[i]) continue;
    const bool article = joined_article(i);
    if (!article && !(tokens[i].capitalised && is_name_word(tokens[i]))) continue;
    std::size_t last = article ? i + 1 : i;
    if (article && !(tokens[last].capitalised && is_name_word(tokens[last]))) continue;
    ++last;
    while (last < n && last - i < 4 && !taken[last] && !blocked[last] && !comma_between(last - 1, last) &&
           (joined_article(last) || (tokens[last].capitalised && is_name_word(tokens[last]) &&
                                     !lexicon_.is_kind(tokens[last], facility_)))) {
      ++last;
    }
    if (last >= n || comma_between(last - 1, last) || !free_range(i, last)) continue;
    const auto facility = lexicon_.match_at(tokens, last, facility_);
    if (!facility || !free_range(last, facility->last)) continue;
    // "Hill 800" and the like are numbered sites; a sentence's first capital names nothing by itself
    if (i == 0 && !article) continue;
    add(i, facility->last, false);
    i = facility->last - 1;
  }

  // 1d. the next item of an Arabic list of places in a spelling the gazetteer lacks: joined by "and" to a place
  // just before it ("منبج وسارين", where the gazetteer writes صرين) or after that place's comma. Arabic writes
  // the conjunction on the word and romanised sources respell letters (س/ص, ت/ط, ه/ة), so a list item is often
  // no gazetteer spelling; the resolver, by spelling alone (exact or normalised, never fuzzy), says whether it is
  // a place. One to three words, the conjunction peeled.
  auto place_just_before = [&](std::size_t k) {
    const auto joined = split_joined_prefix(tokens[k].form);
    const bool conjunction = joined && !tokens[k].alt.empty() && joined->prefix == "\xD9\x88";
    return std::any_of(mentions.begin(), mentions.end(), [&](const PlaceMention& m) {
      return (conjunction && m.last == k) || (m.last == k && comma_between(k - 1, k));
    });
  };
  for (std::size_t i = 1; i < n; ++i) {
    if (tokens[i].script != Script::Arabic || taken[i] || blocked[i] || !is_name_word(tokens[i]) || !place_just_before(i)) {
      continue;
    }
    // "الغاب، الواقعة بين …": a word that says where the place before lies is no next item
    if (lexicon_.match_at(tokens, i, within_ | lying_by_)) continue;
    const std::size_t clitic = comma_between(i - 1, i) ? 0 : joined_prefix_bytes(tokens[i]);
    for (std::size_t len = std::min<std::size_t>(3, n - i); len >= 1; --len) {
      if (!free_range(i, i + len) || !is_name_word(tokens[i + len - 1])) continue;
      bool split = false;
      for (std::size_t k = i; k + 1 < i + len && !split; ++k) split = comma_between(k, k + 1);
      if (split || (len > 1 && lexicon_.is_kind(tokens[i + len - 1], generic_))) continue;
      const std::size_t begin = tokens[i].begin + clitic;
      if (!resolver_.places_by_spelling(text.substr(begin, tokens[i + len - 1].end - begin))) continue;
      add(i, i + len, false, clitic);
      i += len - 1;
      break;
    }
  }

  // "مركز البحوث العلمية", "قاعدة التياس الجوية": a facility's name runs on through the adjectives of relation
  // after it, where a settlement's ends before what is said of it; a direction still locates it
  auto facility_head = [&](std::size_t q) {
    return lexicon_.is_kind(tokens[q], facility_head_) || lexicon_.is_kind_alt(tokens[q], facility_head_);
  };
  auto relation_adjective = [&](std::size_t k) {
    const std::string_view word = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
    if (tokens[k].script != Script::Arabic || !written_with_article(word) || blocked[k] || taken[k]) return false;
    std::string_view form = tokens[k].form;
    if (form.substr(0, 4) == "\xD8\xA7\xD9\x84") form.remove_prefix(4);  // ال
    if (is_arabic_direction_adjective(form)) return false;
    return form.size() >= 6 &&
           (form.substr(form.size() - 2) == "\xD9\x8A" || form.substr(form.size() - 4) == "\xD9\x8A\xD9\x87");  // ي، يه
  };
  // 2. an unknown name beside a qualifier: "Alnashwa neighborhood", "Sodat Abd villages", "قرية كفر بطونة"
  for (std::size_t q = 0; q < n; ++q) {
    if (!lexicon_.is_kind(tokens[q], qualifier_) && !lexicon_.is_kind_alt(tokens[q], qualifier_)) continue;
    // "المدينة", "البلدة": with the article the word is "the city", a place named before, and no name follows it
    if (arabic_definite(q)) continue;
    // "قاعدة التياس الجوية العسكرية": a facility named for a place the gazetteer knows is that facility, written
    // whole
    if (tokens[q].script == Script::Arabic && facility_head(q) && q + 1 < n && (taken[q] || taken[q + 1])) {
      for (auto& m : mentions) {
        if (m.first != q + 1 && m.first != q) continue;
        std::size_t last = m.last;
        while (last < n && last - q <= 5 && relation_adjective(last)) ++last;
        if (m.first == q + 1) m.named_for = m.text;
        m.first = q;
        m.last = last;
        taken[q] = 1;
        for (std::size_t k = q; k < last; ++k) taken[k] = 1;
        m.text = std::string(text.substr(tokens[q].begin, tokens[last - 1].end - tokens[q].begin));
        break;
      }
      continue;
    }
    // "قاعدة للجيش", a base of the army: a word joined to "for the" names whom the place serves, not the place
    if (tokens[q].script == Script::Arabic && q + 1 < n && tokens[q + 1].form.rfind("\xD9\x84\xD9\x84", 0) == 0) continue;
    if (tokens[q].script == Script::Latin) {
      std::size_t start = q;
      // "Nine Villages" in a headline: a number names no place
      while (start > 0 && q - start < 3 && !blocked[start - 1] && !taken[start - 1] && tokens[start - 1].capitalised &&
             !lexicon_.is_kind(tokens[start - 1], number_) &&
             (is_name_word(tokens[start - 1]) || lexicon_.is_kind(tokens[start - 1], generic_))) {
        --start;
      }
      // "em Alwohoush villages": a generic first word is often written in lower case
      if (start < q && start > 0 && !blocked[start - 1] && !taken[start - 1] &&
          lexicon_.is_kind(tokens[start - 1], generic_) && !comma_between(start - 1, start)) {
        --start;
      }
      if (start < q) add(start, q + 1, false);
    } else {
      std::size_t end = q + 1;
      while (end < n && end - q <= 3 && !blocked[end] && !taken[end] &&
             (is_name_word(tokens[end]) || lexicon_.is_kind(tokens[end], generic_)) &&
             !lexicon_.is_kind(tokens[end], qualifier_) && !comma_between(end - 1, end)) {
        ++end;
      }
      // An unknown Arabic name is a word, or a generic head and a word ("رأس النفل"); what follows is what the
      // sentence says of it ("بلدة عرسال القريبة", "قرية الدعوة الصغيرة"), unless the gazetteer knows a longer name
      std::size_t name_end = std::min(end, q + 2);
      if (name_end < end && lexicon_.is_kind(tokens[q + 1], generic_)) ++name_end;
      for (std::size_t longer = end; longer > name_end; --longer) {
        if (resolver_.knows_name(key_words_of(text, tokens, q + 1, longer), Script::Arabic)) {
          name_end = longer;
          break;
        }
      }
      // "قرية صحراء", "معقل رئيسي": after a settlement word, a single indefinite word of the language that the
      // gazetteer does not know is what the sentence says of the place ("a desert village", "a main
      // stronghold"); a name in construct takes the article ("قرية الدعوة") or is no word of the language
      // (a settlement word that ends the sentence has no next word: found by fuzzing)
      const std::string_view next_word =
          end > q + 1 ? text.substr(tokens[q + 1].begin, tokens[q + 1].end - tokens[q + 1].begin) : std::string_view();
      if (end > q + 1 && name_end == q + 2 && !written_with_article(next_word) &&
          !resolver_.knows_name(key_words_of(text, tokens, q + 1, q + 2), Script::Arabic) &&
          WordDictionary::arabic().knows(next_word)) {
        continue;
      }
      if (facility_head(q)) {
        while (name_end < n && name_end - q <= 4 && relation_adjective(name_end)) ++name_end;
      }
      if (end > q + 1) add(q, name_end, false);
    }
  }

  // 2b. "the Tal Karah and Saraqib areas", "the A and B villages": a plural settlement word after
  // two names joined by "and" is said of both; the first is a place though the gazetteer lacks it
  for (std::size_t q = 2; q < n; ++q) {
    if (tokens[q].script != Script::Latin || tokens[q].form.back() != 's' || !lexicon_.is_kind(tokens[q], qualifier_)) continue;
    const auto second = std::find_if(mentions.begin(), mentions.end(), [&](const PlaceMention& m) {
      return m.last == q || (m.last == q + 1 && m.first < q);
    });
    if (second == mentions.end() || second->first < 2 || tokens[second->first - 1].form != "and") continue;
    const std::size_t end = second->first - 1;
    std::size_t start = end;
    while (start > 0 && end - start < 3 && tokens[start - 1].capitalised && is_name_word(tokens[start - 1]) &&
           !comma_between(start - 1, start)) {
      --start;
    }
    if (start < end && free_range(start, end)) add(start, end, false);
  }

  // 3. list items after a territorial verb or "including": each item a place, known or not. The list is
  // short items between commas and "and"; it ends at the first longer stretch.
  // "recaptured three villages in the Ghab plain: A, B and C": a colon after the verb opens its list
  std::vector<std::size_t> colon_after;  // token index after each colon
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const auto gap = text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end);
    if (gap.find(':') != std::string_view::npos) colon_after.push_back(k + 1);
  }
  auto leads = lexicon_.find(tokens, territorial_);
  for (std::size_t l = 0, count = leads.size(); l < count; ++l) {
    if (tokens[leads[l].first].script != Script::Latin) continue;
    for (const auto at : colon_after) {
      if (at > leads[l].last && at <= leads[l].last + 10) {
        PhraseMatch opened = leads[l];
        opened.last = at;
        leads.push_back(opened);
        break;
      }
    }
  }
  for (const auto& lead : leads) {
    // Arabic lists follow "منها" (among them); a verb alone is followed by prose
    if (tokens[lead.first].script == Script::Arabic && lead.phrase->kind != "list_start") continue;
    std::size_t i = lead.last;
    // "captured by InSF", "seized from IS": an agent or a loser follows, not a list of places
    if (i < n && (tokens[i].form == "by" || tokens[i].form == "from")) continue;
    while (i < n && (tokens[i].form == "each" || tokens[i].form == "of" || tokens[i].form == "the")) ++i;
    // "including 2 leaders …": a list of people
    std::size_t look = i;
    if (look < n && std::all_of(tokens[look].form.begin(), tokens[look].form.end(), [](char c) { return c >= '0' && c <= '9'; })) ++look;
    if (look < n && lexicon_.match_at(tokens, look, people_)) continue;
    while (i < n) {
      std::size_t end = i;
      // "وقرية": and joined to the next item's first word
      auto joined_and = [&](std::size_t k) {
        return tokens[k].script == Script::Arabic && !tokens[k].alt.empty() && tokens[k].form.rfind("\xD9\x88", 0) == 0;
      };
      // "A, B as well as C": "as well as" joins items as "and" does
      auto as_well_as = [&](std::size_t k) {
        return k + 2 < n && tokens[k].form == "as" && tokens[k + 1].form == "well" && tokens[k + 2].form == "as";
      };
      while (end < n && !blocked[end] && tokens[end].form != "and" && tokens[end].form != "و" && !as_well_as(end) &&
             !(end > i && (comma_between(end - 1, end) || joined_and(end)))) {
        ++end;
      }
      if (end - i > 4 || end == i) break;
      bool capital = false, known_inside = false;
      for (std::size_t k = i; k < end; ++k) {
        capital = capital || tokens[k].capitalised || tokens[k].script == Script::Arabic;
        known_inside = known_inside || taken[k];
      }
      std::size_t first = i;
      // "Nine Villages", "two towns": a number leads no name
      while (first < end && (!is_name_word(tokens[first]) || lexicon_.is_kind(tokens[first], number_)) &&
             !lexicon_.is_kind(tokens[first], generic_)) {
        ++first;
      }
      // an English item is its capitalised words: "Qirtasiyeh on Monday" ends before "on"
      std::size_t item_end = first;
      auto digits_only = [&](std::size_t k) {
        return !tokens[k].form.empty() && std::all_of(tokens[k].form.begin(), tokens[k].form.end(), [](char c) { return c >= '0' && c <= '9'; });
      };
      while (item_end < end && (tokens[item_end].script != Script::Latin || tokens[item_end].capitalised ||
                                is_article_word(tokens[item_end].form) || lexicon_.is_kind(tokens[item_end], generic_) ||
                                (item_end > first && tokens[item_end - 1].capitalised && digits_only(item_end)))) {
        ++item_end;  // "Hill 800": a numbered feature keeps its number
      }
      while (item_end > first && is_article_word(tokens[item_end - 1].form)) --item_end;
      if (capital && !known_inside && first < item_end && free_range(first, item_end)) add(first, item_end, false);
      const bool more = end < n && (tokens[end].form == "and" || tokens[end].form == "و" || as_well_as(end) ||
                                    comma_between(end - 1, end));
      i = end;
      if (i < n && as_well_as(i)) i += 3;
      if (i < n && (tokens[i].form == "and" || tokens[i].form == "و")) ++i;
      if (!more) break;
    }
  }

  std::sort(mentions.begin(), mentions.end(), [](const PlaceMention& a, const PlaceMention& b) { return a.first < b.first; });
  // a facility written after a name the gazetteer lacks is part of the place as written ("Sadkob station",
  // "Mahlak Street"): it tells the resolver and the reader what the name is (a known name stays the place it
  // names: "an Aleppo school" is in Aleppo)
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    auto& m = mentions[k];
    if (m.known || m.last >= n || tokens[m.first].script != Script::Latin || comma_between(m.last - 1, m.last)) continue;
    const auto facility = lexicon_.match_at(tokens, m.last, facility_);
    if (!facility || !free_range(m.last, facility->last)) continue;
    if (k + 1 < mentions.size() && mentions[k + 1].first < facility->last) continue;
    m.last = facility->last;
    m.text = std::string(text.substr(tokens[m.first].begin, tokens[m.last - 1].end - tokens[m.first].begin));
  }
  // 4. areas, and the locating tail of a place: "Alnashwa neighborhood in the southeast of Hasaka"
  for (auto& m : mentions) {
    std::size_t before = m.first;
    while (before > 0 && (tokens[before - 1].form == "the" || tokens[before - 1].form == "of")) --before;
    // a word of area leads or ends the name in its own clause: "the Ghab plain: A, B" makes no area of A
    const bool lead_beside = before > 0 && !comma_between(before - 1, before);
    if (lead_beside && is_region_lead(tokens[before - 1].form)) m.region = true;
    if (lead_beside && !tokens[before - 1].alt.empty() && is_region_lead(tokens[before - 1].alt)) m.region = true;
    if (m.last < n && !comma_between(m.last - 1, m.last) && is_region_tail(tokens[m.last].form)) m.region = true;
    // "three villages in the Ghab plain", "قرى في الغوطة الشرقية": a region written after "in" is where the
    // sentence's places lie, and its own place only when the sentence names none finer. Written as an object
    // ("attacked Ariha and the Ghab") it is a place acted on like any other.
    if (m.known && lead_beside && lexicon_.is_kind(tokens[before - 1], within_) && resolver_.names_region(m.text)) {
      m.region = true;
    }
  }
  // "the provinces of Idlib and Latakia": an area joined by "and" to an area is one too
  for (std::size_t k = 1; k < mentions.size(); ++k) {
    const auto& before = mentions[k - 1];
    auto& m = mentions[k];
    if (!before.region || m.region || m.first != before.last + 1) continue;
    if (tokens[before.last].form == "and" || tokens[before.last].form == "و") m.region = true;
  }
  // an area is read with the words that make it one: "the northern countryside of Aleppo", "ريف حلب الشمالي"
  for (auto& m : mentions) {
    if (!m.region) continue;
    std::size_t first = m.first, last = m.last;
    while (first > 0 && (is_region_lead(tokens[first - 1].form) || tokens[first - 1].form == "the" ||
                         tokens[first - 1].form == "of" || (!tokens[first - 1].alt.empty() && is_region_lead(tokens[first - 1].alt)))) {
      --first;
    }
    while (first < m.first && (tokens[first].form == "the" || tokens[first].form == "of")) ++first;
    while (last < n && is_region_tail(tokens[last].form)) ++last;
    m.text = std::string(text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
  }
  for (std::size_t k = 0; k + 1 < mentions.size(); ++k) {
    auto& m = mentions[k];
    auto& next = mentions[k + 1];
    if (m.region) continue;
    // "Kafr Hamra in Aleppo", "X, which are part of Y", "قرية X التابعة لمنطقة Y": a place written right after
    // a word of lying within locates the one before it, as an area does
    bool within = false, lying_by = false, connectors_only = true;
    for (std::size_t i = m.last; i < next.first && connectors_only; ++i) {
      if (const auto w = lexicon_.match_at(tokens, i, within_ | lying_by_); w && w->last <= next.first) {
        within = true;
        lying_by = (w->phrase->kind_bit & lying_by_) != 0;
        i = w->last - 1;
        continue;
      }
      connectors_only = lexicon_.is_kind(tokens[i], connector_) ||
                        lexicon_.is_kind_alt(tokens[i], connector_) ||
                        std::all_of(tokens[i].form.begin(), tokens[i].form.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
    if (!connectors_only || !(next.region || within)) continue;
    // an area that locates the place before it ("داديخ شرق سراقب") was not acted on itself
    next.locator = true;
    next.region = true;
    // "located between A and B": what is joined to the locator by "and" locates too
    if (within && k + 2 < mentions.size()) {
      auto& joined = mentions[k + 2];
      const std::size_t gap = joined.first - next.last;
      const bool and_between = gap == 1 && (tokens[next.last].form == "and" || tokens[next.last].form == "و");
      const bool and_joined = gap == 0 && !tokens[joined.first].alt.empty() && tokens[joined.first].form.rfind("\xD9\x88", 0) == 0;
      if ((and_between || and_joined) && !joined.region) {
        joined.region = true;
        joined.locator = true;
      }
    }
    // a place between two others, or overlooking one, is neither of them: it is resolved by its own name
    if (lying_by) continue;
    std::size_t end = next.last;
    while (end < n && is_region_tail(tokens[end].form)) ++end;
    // from where the mention's own text starts: after a joined conjunction it was written with ("وداديخ")
    const std::size_t begin = std::min<std::size_t>(text.find(m.text, tokens[m.first].begin), tokens[m.first].end);
    m.text = std::string(text.substr(begin, tokens[end - 1].end - begin));
  }
  return mentions;
}

}  // namespace conflictmap
