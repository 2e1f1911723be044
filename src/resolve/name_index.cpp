#include "resolve/name_index.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <tuple>
#include <cstdlib>
#include <optional>
#include <thread>

#include "core/answer_memory.hpp"
#include "core/parallel.hpp"
#include "core/text_hash.hpp"
#include "names/place_words.hpp"
#include "names/romanise.hpp"
#include "names/similarity.hpp"

namespace conflictmap {

namespace {
std::atomic<std::uint64_t> next_index_serial{1};

std::uint32_t pack_trigram(char a, char b, char c) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(a)) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b)) << 8) | static_cast<unsigned char>(c);
}

template <typename F>
void for_each_trigram(const std::string& skeleton, F&& f) {
  const std::string padded = "^" + skeleton + "$";
  for (std::size_t i = 0; i + 3 <= padded.size(); ++i) f(pack_trigram(padded[i], padded[i + 1], padded[i + 2]));
}

}  // namespace

namespace {
bool both_arabic(const NameKeys& a, const NameKeys& b) {
  return a.script == Script::Arabic && b.script == Script::Arabic;
}

// one name in Latin letters, the other in Arabic: compare the transliteration with the romanised Arabic
double cross_script_spelling(const NameKeys& a, const NameKeys& b) {
  return a.script == Script::Arabic ? vowel_tolerant_similarity(b.compact, a.roman)
                                    : vowel_tolerant_similarity(a.compact, b.roman);
}

SpellingScript spelling_script(Script script) {
  return script == Script::Arabic ? SpellingScript::Arabic : SpellingScript::Latin;
}

// Two spellings of one script: their compact keys with the gazetteer's costs of spelling edits.
double same_script_spelling(const NameKeys& query, std::string_view query_compact, std::string_view candidate_compact,
                            const SpellingCosts& costs) {
  return costs.similarity(spelling_script(query.script), query_compact, candidate_compact);
}

double blend(double skeleton, const NameKeys& query, const NameKeys& candidate, const SpellingCosts& costs) {
  if (query.script != candidate.script) {
    return 0.4 * skeleton + 0.6 * cross_script_spelling(query, candidate);
  }
  return 0.4 * skeleton + 0.6 * same_script_spelling(query, query.compact, candidate.compact, costs);
}
}  // namespace

namespace {

// The parts of a name's keys after a generic first word ("Kafr", "Tal", "كفر", "عين"): two names that share
// only "Kafr" are no closer than their second words.
struct NameRest {
  std::string_view skeleton;
  std::string_view compact;  // latin_compact() after the generic word
  std::string_view skeleton_of_generic;
};

std::optional<NameRest> rest_after_generic_word(const NameKeys& keys) {
  struct Generic {
    std::string word;
    std::string skeleton;
    std::string compact;  // in latin_compact() form
  };
  static const std::vector<Generic> generics = [] {
    std::vector<Generic> out;
    for (const std::string_view word : generic_name_words()) {
      const auto keys = make_name_keys(word);
      out.push_back({std::string(word), keys.skeleton, keys.latin_compact()});
    }
    return out;
  }();
  const auto space = keys.folded.find(' ');
  if (space == std::string::npos) return std::nullopt;
  const std::string_view first(keys.folded.data(), space);
  const std::string& compact = keys.latin_compact();
  for (const auto& generic : generics) {
    if (generic.word != first) continue;
    if (keys.skeleton.compare(0, generic.skeleton.size(), generic.skeleton) != 0) return std::nullopt;
    if (compact.compare(0, generic.compact.size(), generic.compact) != 0) return std::nullopt;
    return NameRest{std::string_view(keys.skeleton).substr(generic.skeleton.size()),
                    std::string_view(compact).substr(generic.compact.size()), generic.skeleton};
  }
  return std::nullopt;
}

}  // namespace

namespace {

// `query_rest` is the query's rest_after_generic_word(), made once per lookup; `skeleton` the similarity of
// the whole skeletons with the dots rule both_arabic() gives, when the caller has it already.
double name_similarity_given(const NameKeys& query, const std::optional<NameRest>& query_rest, const NameKeys& candidate,
                             std::optional<double> skeleton, const SpellingCosts& costs) {
  if (query_rest) {
    const auto candidate_rest = rest_after_generic_word(candidate);
    if (candidate_rest && candidate_rest->skeleton_of_generic == query_rest->skeleton_of_generic) {
      const double skeleton = skeleton_similarity(query_rest->skeleton, candidate_rest->skeleton,
                                                  both_arabic(query, candidate));
      double spelling = 0;
      if (query.script == candidate.script && query.script != Script::Arabic) {
        spelling = same_script_spelling(query, query_rest->compact, candidate_rest->compact, costs);
      } else if (query.script == candidate.script) {
        spelling = edit_similarity(query_rest->compact, candidate_rest->compact);  // both romanised from Arabic
      } else if (query.script == Script::Arabic) {
        spelling = vowel_tolerant_similarity(candidate_rest->compact, query_rest->compact);
      } else {
        spelling = vowel_tolerant_similarity(query_rest->compact, candidate_rest->compact);
      }
      return 0.4 * skeleton + 0.6 * spelling;
    }
  }
  if (!skeleton) skeleton = skeleton_similarity(query.skeleton, candidate.skeleton, both_arabic(query, candidate));
  return blend(*skeleton, query, candidate, costs);
}

}  // namespace

double name_similarity(const NameKeys& query, const NameKeys& candidate, const SpellingCosts& costs) {
  return name_similarity_given(query, rest_after_generic_word(query), candidate, std::nullopt, costs);
}

// Entries by skeleton; each skeleton's members sorted by script and spelling, so a lookup compares each
// distinct spelling once. The spellings are stored once each, back to back, in `spellings`.
FlatTextMap<NameIndex::SkeletonMember> NameIndex::skeleton_table(const std::vector<IndexedName>& entries,
                                                                 std::string& spellings) {
  std::unordered_map<std::string_view, std::uint32_t, TextHash> offsets;
  offsets.reserve(entries.size() * 2);
  auto offset_of = [&](const std::string& text) {
    auto [it, inserted] = offsets.try_emplace(text, static_cast<std::uint32_t>(spellings.size()));
    if (inserted) spellings += text;
    return it->second;
  };
  std::vector<std::pair<std::string_view, SkeletonMember>> pairs;
  pairs.reserve(entries.size());
  for (std::uint32_t e = 0; e < entries.size(); ++e) {
    const auto& entry = entries[e];
    if (entry.keys.skeleton.empty()) continue;
    const auto& latin = entry.keys.latin_compact();
    pairs.emplace_back(entry.keys.skeleton,
                       SkeletonMember{e, entry.place, entry.name, offset_of(entry.keys.compact),
                                      static_cast<std::uint32_t>(entry.keys.compact.size()), offset_of(latin),
                                      static_cast<std::uint32_t>(latin.size()), entry.keys.script, entry.derived});
  }
  auto table = FlatTextMap<SkeletonMember>::from_pairs(pairs);
  table.sort_each_run([](const SkeletonMember& a, const SkeletonMember& b) {
    return std::tie(a.script, a.own, a.latin, a.entry) < std::tie(b.script, b.own, b.latin, b.entry);
  });
  return table;
}

NameIndex::NameIndex(const Gazetteer& gazetteer) : gazetteer_(&gazetteer), serial_(next_index_serial++) {
  const auto& places = gazetteer.places();
  const std::size_t expected = gazetteer.name_count() * 2;
  entries_.reserve(expected);
  // Folded names of admin units, to recognise "Tal Sheer Aazaz": a village name suffixed with its district's.
  std::unordered_map<std::string, std::vector<std::string>> unit_names;
  for (const auto& place : places) {
    if (!is_admin_unit(place.kind)) continue;
    for (const auto& name : place.names) {
      if (detect_script(name.text) == Script::Arabic) continue;
      unit_names[place.id].push_back(make_name_keys(name.text).folded);
    }
  }
  // Keys are computed on every core, each for a slice of the places; they are added in place order
  // afterwards, so the index is the same however many threads ran.
  struct Pending {
    std::uint32_t name;
    NameKeys keys;
    bool derived;
    std::string word_form;
  };
  std::vector<std::vector<Pending>> pending(places.size());
  auto compute = [&](std::size_t begin, std::size_t end) {
    for (std::size_t p = begin; p < end; ++p) {
      const Place& place = places[p];
      auto& out = pending[p];
      for (std::uint32_t n = 0; n < place.names.size(); ++n) {
        const std::string& text = place.names[n].text;
        Script script = words_script(text);
        auto words = key_words(text, script);
        // A feature word at an edge ("Kuweires Airbase") also indexes the name without it.
        const bool feature_edge =
            !words.empty() && (kind_of_feature_word(words.front()) || kind_of_feature_word(words.back()));
        auto keys = make_name_keys_from_words(script, words);
        if (keys.empty()) continue;
        const std::string folded = keys.folded;
        out.push_back({n, std::move(keys), false, join_words(words)});
        // "Big Arab Hasan", "Upper Baqras", "كفر زيتا القريبة": also the name of the whole village
        if (words.size() >= 2 && (is_part_word(words.front()) || is_part_word(words.back()))) {
          std::vector<std::string> whole(words);
          if (is_part_word(whole.front())) whole.erase(whole.begin());
          if (whole.size() >= 2 && is_part_word(whole.back())) whole.pop_back();
          auto keys_whole = make_name_keys_from_words(script, std::move(whole));
          if (!keys_whole.empty() && keys_whole.folded != folded) out.push_back({n, std::move(keys_whole), true, {}});
        }
        if (feature_edge) {
          auto stripped = make_name_keys_from_words(script, std::move(words), true);
          if (stripped.folded != folded && !stripped.empty()) out.push_back({n, std::move(stripped), true, {}});
        }
        if (script != Script::Latin || is_admin_unit(place.kind)) continue;
        for (const auto& code : {place.admin[1], place.admin[2]}) {
          const auto it = unit_names.find(code);
          if (it == unit_names.end()) continue;
          for (const auto& unit : it->second) {
            if (folded.size() > unit.size() + 2 && folded.compare(folded.size() - unit.size(), unit.size(), unit) == 0 &&
                folded[folded.size() - unit.size() - 1] == ' ') {
              out.push_back({n, make_name_keys(folded.substr(0, folded.size() - unit.size() - 1)), true, {}});
            }
          }
        }
      }
    }
  };
  const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  std::vector<std::thread> workers;
  const std::size_t slice = (places.size() + threads - 1) / threads;
  for (std::size_t t = 1; t < threads; ++t) {
    workers.emplace_back(compute, std::min(places.size(), t * slice), std::min(places.size(), (t + 1) * slice));
  }
  compute(0, std::min(places.size(), slice));
  for (auto& worker : workers) worker.join();
  std::vector<std::string_view> entry_word_forms;  // in pending, which outlives them
  entry_word_forms.reserve(expected);
  for (std::uint32_t p = 0; p < places.size(); ++p) {
    // A name two sources write alike ("Tall Sha`ir" as English and as a romanisation) is one entry: the
    // first, from the source merged first, which matches and ranks the same and costs lookups half as much.
    auto& items = pending[p];
    for (std::size_t i = 1; i < items.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (items[j].derived == items[i].derived && items[j].word_form == items[i].word_form &&
            items[j].keys.folded == items[i].keys.folded) {
          items[i].keys = NameKeys{};  // marked as a repeat
          break;
        }
      }
    }
    for (auto& item : items) {
      if (item.keys.empty()) continue;
      entry_word_forms.push_back(item.word_form);
      entries_.push_back({p, item.name, std::move(item.keys), item.derived});
    }
  }
  // Laid out flat once entries_ has stopped growing, since the tables' keys point into it. Three tables, each
  // from its own pairs, built side by side: their probes are memory-bound and overlap well.
  run_items_on_threads(3, available_cores(), [&](std::size_t table) {
    if (table == 0) {
      by_skeleton_ = skeleton_table(entries_, spellings_);
    } else {
      std::vector<std::pair<std::string_view, EntryRef>> pairs;
      pairs.reserve(entries_.size());
      for (std::uint32_t e = 0; e < entries_.size(); ++e) {
        const auto& entry = entries_[e];
        const EntryRef ref{e, entry.place, entry.name, entry.keys.script, entry.derived};
        if (table == 1) pairs.emplace_back(entry.keys.folded, ref);
        if (table == 2 && !entry_word_forms[e].empty()) pairs.emplace_back(entry_word_forms[e], ref);
      }
      (table == 1 ? by_folded_ : by_exact_) = FlatTextMap<EntryRef>::from_pairs(pairs);
    }
  });
  std::unordered_map<std::string, std::uint32_t> skeleton_ids;
  for (std::uint32_t e = 0; e < entries_.size(); ++e) {
    const auto& skeleton = entries_[e].keys.skeleton;
    if (skeleton.empty()) continue;
    auto [it, inserted] = skeleton_ids.emplace(skeleton, static_cast<std::uint32_t>(skeletons_.size()));
    if (inserted) {
      skeletons_.push_back(skeleton);
      skeleton_entries_.emplace_back();
    }
    skeleton_entries_[it->second].push_back(e);
  }
  // Entries of one skeleton with the same spelling side by side: a fuzzy lookup scores each spelling once
  // (a name many places share, or that several sources give, is one comparison).
  for (auto& ids : skeleton_entries_) {
    std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto& ka = entries_[a].keys;
      const auto& kb = entries_[b].keys;
      return std::tie(ka.script, ka.folded, ka.compact, ka.roman, a) < std::tie(kb.script, kb.folded, kb.compact, kb.roman, b);
    });
  }
  for (std::uint32_t s = 0; s < skeletons_.size(); ++s) {
    for_each_trigram(skeletons_[s], [&](std::uint32_t t) {
      auto& list = trigrams_[t];
      if (list.empty() || list.back() != s) list.push_back(s);
    });
  }
}

void NameIndex::collect_fuzzy(const NameKeys& query, double min_fuzzy, std::vector<NameHit>& hits) const {
  // Two consonants say too little to guess from; equal skeletons are scored by lookup() itself.
  if (query.skeleton.size() < 3) return;
  // per skeleton, how many trigrams it shares with the query; every count touched is zeroed again below
  thread_local std::vector<std::uint16_t> shared_counts;
  if (shared_counts.size() < skeletons_.size()) shared_counts.resize(skeletons_.size());
  std::vector<std::uint32_t> touched;
  int query_trigrams = 0;
  for_each_trigram(query.skeleton, [&](std::uint32_t t) {
    ++query_trigrams;
    const auto it = trigrams_.find(t);
    if (it == trigrams_.end()) return;
    for (const auto s : it->second) {
      if (shared_counts[s]++ == 0) touched.push_back(s);
    }
  });
  const int needed = std::max(1, query_trigrams / 3);
  const auto query_rest = rest_after_generic_word(query);
  // A similarity of min_fuzzy allows at most this many edits, so longer or shorter skeletons cannot qualify.
  const auto length = static_cast<long>(query.skeleton.size());
  const long max_edits = static_cast<long>((1.0 - min_fuzzy + 0.15) * static_cast<double>(length)) + 1;
  for (const auto s : touched) {
    const int count = shared_counts[s];
    shared_counts[s] = 0;
    if (count < needed || skeletons_[s] == query.skeleton) continue;
    if (std::labs(static_cast<long>(skeletons_[s].size()) - length) > max_edits) continue;
    // a loose bound: the dots of Arabic letters are forgiven only for Arabic pairs, checked in name_similarity
    const double skeleton = skeleton_similarity(query.skeleton, skeletons_[s], query.script == Script::Arabic);
    if (skeleton < min_fuzzy - 0.15) continue;
    const NameKeys* last = nullptr;
    double similarity = 0;
    for (const auto e : skeleton_entries_[s]) {
      const auto& candidate = entries_[e];
      const auto& keys = candidate.keys;
      if (!last || keys.script != last->script || keys.folded != last->folded || keys.compact != last->compact ||
          keys.roman != last->roman) {
        // the skeleton's similarity is reused where the same dots rule applies (always, unless the query is
        // Arabic and this name Latin)
        const bool same_rule = (query.script == Script::Arabic) == both_arabic(query, keys);
        similarity = name_similarity_given(query, query_rest, keys, same_rule ? std::optional<double>(skeleton) : std::nullopt,
                                           gazetteer_->spelling_costs());
        last = &keys;
      }
      if (similarity < min_fuzzy) continue;
      // across scripts only the lossy skeleton is compared, so a near miss there proves less
      const double score = similarity * (candidate.keys.script == query.script ? 0.85 : 0.78);
      hits.push_back({e, candidate.place, candidate.name, score, MatchKind::Fuzzy});
    }
  }
}

// A misspelling recurs wherever its writer wrote the place again, and the fuzzy search costs most: each
// thread remembers the fuzzy hits of the last few thousand spellings for this index (a pure function of the
// index and the query, so remembering changes no answer).
void NameIndex::collect_fuzzy_remembered(const NameKeys& query, double min_fuzzy, std::vector<NameHit>& hits) const {
  thread_local AnswerMemory<std::vector<NameHit>> memory(4096);
  std::string key;
  key.reserve(query.folded.size() + query.skeleton.size() + 16);
  key.push_back(static_cast<char>(query.script));
  key += query.folded;
  key.push_back('\x1f');
  key += query.skeleton;
  key.push_back('\x1f');
  key.append(reinterpret_cast<const char*>(&min_fuzzy), sizeof min_fuzzy);
  const auto& remembered = memory.get(serial_, key, [&] {
    std::vector<NameHit> found;
    collect_fuzzy(query, min_fuzzy, found);
    return found;
  });
  hits.insert(hits.end(), remembered.begin(), remembered.end());
}

std::vector<NameHit> NameIndex::lookup(const NameKeys& query, std::string_view exact_text, double min_fuzzy,
                                       bool fuzzy) const {
  // the three keys' slots are fetched from memory together
  const std::uint64_t exact_hash = text_hash(exact_text);
  const std::uint64_t folded_hash = text_hash(query.folded);
  const bool by_skeleton = query.skeleton.size() >= 2;
  const std::uint64_t skeleton_hash = by_skeleton ? text_hash(query.skeleton) : 0;
  if (!exact_text.empty()) by_exact_.prefetch(exact_hash);
  by_folded_.prefetch(folded_hash);
  if (by_skeleton) by_skeleton_.prefetch(skeleton_hash);
  const auto spelt_exactly = exact_text.empty() ? std::span<const EntryRef>() : by_exact_.find(exact_text, exact_hash);
  const auto spelt_folded = by_folded_.find(query.folded, folded_hash);
  const auto members = by_skeleton ? by_skeleton_.find(query.skeleton, skeleton_hash) : std::span<const SkeletonMember>();
  std::vector<NameHit> hits;
  hits.reserve(spelt_exactly.size() + spelt_folded.size() + members.size() + (fuzzy ? 16 : 0));
  auto offer = [&](const EntryRef& ref, double similarity, MatchKind match) {
    if (ref.derived) similarity -= 0.03;
    hits.push_back({ref.entry, ref.place, ref.name, similarity, match});
  };
  for (const auto& ref : spelt_exactly) offer(ref, 1.0, MatchKind::Exact);
  for (const auto& ref : spelt_folded) offer(ref, ref.script == query.script ? 0.95 : 0.9, MatchKind::Normalised);
  {
    if (!members.empty()) {
      // A skeleton match scores at most 0.9, and only the best hit per place counts: the other names of a
      // place already found as spelt need no scoring (they are mostly its names in the other script).
      thread_local std::vector<std::uint32_t> settled;
      settled.clear();
      for (const auto& hit : hits) {
        if (hit.similarity > 0.9) settled.push_back(hit.place);
      }
      std::uint32_t last_own = UINT32_MAX;
      double spelling = 0;
      std::uint32_t last_other_script = UINT32_MAX;
      double by_vowels = 0;
      const double length_steps = static_cast<double>(std::min<std::size_t>(3, query.skeleton.size() - 1));
      const std::size_t query_length = query.latin_compact().size();
      for (const auto& member : members) {
        if (std::find(settled.begin(), settled.end(), member.place) != settled.end()) continue;
        double similarity = 0;
        MatchKind match = MatchKind::Normalised;
        if (member.script != query.script) {
          // Across scripts, short skeletons are common to many names ("NC": Nashwa, Ayn Aysha) and count
          // for less, unless the vowels Arabic writes agree with the transliteration too ("عداما", "A'dama").
          if (member.latin != last_other_script) {
            last_other_script = member.latin;
            const std::string_view other = spelling_at(member.latin, member.latin_size);
            // each letter one side lacks costs at least 0.3: too different a length cannot reach 0.85
            const std::size_t longer = std::max(other.size(), query_length);
            const std::size_t gap = other.size() > query_length ? other.size() - query_length : query_length - other.size();
            // the spelling must beat the score the skeleton alone gives, and reach 0.85
            const double needed = std::max(0.85, (0.5 + 0.12 * length_steps - 0.45) / 0.45);
            const bool reachable =
                longer > 0 && 0.3 * static_cast<double>(gap) <= (1.0 - needed) * static_cast<double>(longer);
            const double vowels = !reachable                        ? 0.0
                                  : query.script == Script::Arabic ? vowel_tolerant_similarity(other, query.roman, needed)
                                                                   : vowel_tolerant_similarity(query.compact, other, needed);
            by_vowels = vowels >= needed ? 0.45 + 0.45 * vowels : 0.0;
          }
          similarity = std::max(0.5 + 0.12 * length_steps, by_vowels);
        } else {
          // Within one script the spelling is compared too: the same consonants with other vowels
          // ("Baidou", "Badi") are only a near miss.
          if (member.own != last_own) {
            last_own = member.own;
            spelling = same_script_spelling(query, query.compact, spelling_at(member.own, member.own_size),
                                            gazetteer_->spelling_costs());
          }
          const double blended = 0.4 + 0.6 * spelling;  // the skeletons are equal
          if (spelling >= 0.6) {
            similarity = 0.6 + 0.3 * blended;
          } else {
            similarity = 0.85 * blended;
            match = MatchKind::Fuzzy;
          }
        }
        if (member.derived) similarity -= 0.03;
        hits.push_back({member.entry, member.place, member.name, similarity, match});
      }
    }
  }
  if (fuzzy) collect_fuzzy_remembered(query, min_fuzzy, hits);
  // The best hit per place (the most similar; of equals, the first entry), in one pass: each place's slot
  // holds the position of its best hit so far, and the slots touched are cleared again.
  thread_local std::vector<std::int32_t> best_of_place;
  if (best_of_place.size() < gazetteer_->size()) best_of_place.assign(gazetteer_->size(), -1);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    std::int32_t& best = best_of_place[hits[i].place];
    if (best < 0) {
      best = static_cast<std::int32_t>(kept);
      hits[kept++] = hits[i];
      continue;
    }
    NameHit& held = hits[static_cast<std::size_t>(best)];
    if (hits[i].similarity > held.similarity || (hits[i].similarity == held.similarity && hits[i].entry < held.entry)) {
      held = hits[i];
    }
  }
  hits.resize(kept);
  for (const auto& hit : hits) best_of_place[hit.place] = -1;
  // Context moves a score by a bounded amount, so the best few dozen by name always hold the winner.
  constexpr std::size_t kMaxHits = 48;
  const auto by_similarity = [](const NameHit& a, const NameHit& b) {
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    return a.place < b.place;
  };
  if (hits.size() > kMaxHits) {
    std::partial_sort(hits.begin(), hits.begin() + kMaxHits, hits.end(), by_similarity);
    hits.resize(kMaxHits);
  } else {
    std::sort(hits.begin(), hits.end(), by_similarity);
  }
  return hits;
}

}  // namespace conflictmap
