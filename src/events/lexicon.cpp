#include "events/lexicon.hpp"

#include <algorithm>
#include <unordered_set>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "io/data_location.hpp"
#include "io/delimited_table.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

namespace {

// A TSV with a header, where lines starting with '#' are comments.
std::vector<std::pair<long, std::vector<std::string>>> read_lexicon_rows(const std::filesystem::path& path,
                                                                         const std::vector<std::string>& columns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), 0, "", "cannot read the lexicon file");
  std::vector<std::pair<long, std::vector<std::string>>> rows;
  std::string line;
  long number = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const auto tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (header) {
      for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c >= fields.size() || fields[c] != columns[c]) {
          throw InputError(path.string(), number, columns[c], "the header must name the columns " + [&] {
            std::string all;
            for (const auto& name : columns) all += (all.empty() ? "" : ", ") + name;
            return all;
          }());
        }
      }
      header = false;
      continue;
    }
    while (fields.size() < columns.size()) fields.emplace_back();
    rows.emplace_back(number, std::move(fields));
  }
  if (header) throw InputError(path.string(), 0, "", "the lexicon file is empty");
  return rows;
}

}  // namespace

Lexicon Lexicon::load(const std::filesystem::path& folder) {
  Lexicon lexicon;
  for (const auto& [line, f] : read_lexicon_rows(folder / "actors.tsv", {"canonical", "side", "alias"})) {
    Phrase p;
    p.kind = "actor";
    p.canonical = f[0];
    p.side = f[1];
    p.written = f[2];
    p.words = fold_phrase(f[2]);
    if (p.words.empty()) throw InputError((folder / "actors.tsv").string(), line, "alias", "an alias needs a word");
    lexicon.add(std::move(p));
  }
  for (const auto& [line, f] : read_lexicon_rows(folder / "triggers.tsv", {"kind", "phrase"})) {
    Phrase p;
    p.kind = f[0];
    p.written = f[1];
    p.words = fold_phrase(f[1]);
    if (p.words.empty()) throw InputError((folder / "triggers.tsv").string(), line, "phrase", "a phrase needs a word");
    lexicon.add(std::move(p));
  }
  const std::size_t trigger_count = lexicon.phrases_.size();  // actors and triggers: the inflections are of triggers
  for (const auto& [line, f] : read_lexicon_rows(folder / "words.tsv", {"kind", "phrase", "value"})) {
    Phrase p;
    p.kind = f[0];
    p.written = f[1];
    p.words = fold_phrase(f[1]);
    if (!f[2].empty()) {
      char* end = nullptr;
      p.value = std::strtod(f[2].c_str(), &end);
      if (end == f[2].c_str() || *end != '\0') {
        throw InputError((folder / "words.tsv").string(), line, "value", "'" + f[2] + "' is not a number");
      }
    }
    if (p.words.empty()) throw InputError((folder / "words.tsv").string(), line, "phrase", "a phrase needs a word");
    lexicon.add(std::move(p));
  }
  lexicon.add_arabic_inflections(trigger_count);
  lexicon.number_kinds_ = lexicon.mask_of({"number"});
  lexicon.vague_kinds_ = lexicon.mask_of({"vague"});
  return lexicon;
}

void Lexicon::add_arabic_inflections(std::size_t trigger_count) {
  // An Arabic verb carries its subject's person and number, and an object pronoun, as suffixes on the past
  // stem: سيطر → سيطروا (they took control), حرر → حرروها (they liberated it), قصف → قصفت، قصفوا، قصفا. The
  // triggers list stems (and some forms); each single-word Arabic trigger also matches these inflections, unless
  // the lexicon already gives the inflected word a meaning of its own. An object pronoun is read only after the
  // plural subject (وها، وه): alone on the stem, "قصفها" is as often "its bombing" (the verbal noun, written like
  // the stem) as "bombed it", and after ت, "لاستعادتها" is "to recapture it", the noun of an intention.
  struct Suffix {
    std::string_view letters;
    bool object;  // carries an object pronoun
  };
  static constexpr Suffix kSuffixes[] = {
      {"\xD8\xAA", false},                  // ت   she, or I/you
      {"\xD9\x88\xD8\xA7", false},          // وا  they (masculine)
      {"\xD8\xA7", false},                  // ا   the two of them
      {"\xD8\xAA\xD8\xA7", false},          // تا  the two of them (feminine)
      {"\xD9\x86", false},                  // ن   they (feminine)
      {"\xD9\x86\xD8\xA7", false},          // نا  we
      {"\xD9\x88\xD9\x87\xD8\xA7", true},  // وها they … it
      {"\xD9\x88\xD9\x87", true},          // وه  they … it
  };
  constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال: a noun, not a verb
  std::vector<Phrase> derived;
  std::unordered_set<std::string> derived_forms;  // kind and form of each derived phrase, made once
  for (std::size_t index = 0; index < trigger_count && index < phrases_.size(); ++index) {
    const Phrase& phrase = phrases_[index];
    if (phrase.kind == "actor" || phrase.words.size() != 1) continue;
    const std::string& stem = phrase.words.front();
    // Arabic letters only (two bytes each, led by D8–DB), at least three of them
    if (stem.size() < 6 || stem.starts_with(kArticle)) continue;
    bool arabic = stem.size() % 2 == 0;
    for (std::size_t k = 0; arabic && k < stem.size(); k += 2) {
      const auto lead = static_cast<unsigned char>(stem[k]);
      arabic = lead >= 0xD8 && lead <= 0xDB;
    }
    if (!arabic) continue;
    for (const auto& suffix : kSuffixes) {
      std::string form = stem + std::string(suffix.letters);
      if (by_first_word_.count(form) || !derived_forms.insert(phrase.kind + '\t' + form).second) continue;
      Phrase inflected;
      inflected.kind = phrase.kind;
      inflected.written = phrase.written + std::string(suffix.letters);
      inflected.words = {std::move(form)};
      inflected.object_pronoun = suffix.object;
      derived.push_back(std::move(inflected));
    }
  }
  for (auto& phrase : derived) add(std::move(phrase));
}

KindMask Lexicon::mask_of(const std::vector<std::string>& kinds) const {
  if (kinds.empty()) return ~KindMask{0};
  KindMask mask = 0;
  for (const auto& kind : kinds) {
    if (const auto it = kind_bit_of_.find(kind); it != kind_bit_of_.end()) mask |= it->second;
  }
  return mask;
}

KindMask Lexicon::mask(std::initializer_list<std::string_view> kinds) const {
  KindMask mask = 0;
  for (const auto kind : kinds) {
    if (const auto it = kind_bit_of_.find(kind); it != kind_bit_of_.end()) mask |= it->second;
  }
  return mask;
}

void Lexicon::add(Phrase phrase) {
  auto [it, inserted] = kind_bit_of_.try_emplace(phrase.kind, 0);
  if (inserted) {
    if (kind_bit_of_.size() > 128) throw std::runtime_error("the lexicon has more than 128 kinds of words");
    it->second = KindMask{1} << (kind_bit_of_.size() - 1);
  }
  phrase.kind_bit = it->second;
  by_first_word_[phrase.words.front()].push_back(phrases_.size());
  phrases_.push_back(std::move(phrase));
}

std::optional<PhraseMatch> Lexicon::match_at(const std::vector<Token>& tokens, std::size_t i,
                                             const std::vector<std::string>& kinds) const {
  return match_at(tokens, i, mask_of(kinds));
}

std::optional<PhraseMatch> Lexicon::match_at(const std::vector<Token>& tokens, std::size_t i, KindMask mask) const {
  std::optional<PhraseMatch> best;
  if (mask == 0) return best;
  const Token& token = tokens[i];
  const bool annotated = token.lexicon == this;
  if (annotated && (token.phrase_kinds & mask) == 0) return best;
  auto try_bucket = [&](const std::vector<std::size_t>& bucket) {
    for (const auto index : bucket) {
      const Phrase& p = phrases_[index];
      if ((p.kind_bit & mask) == 0) continue;
      if (i + p.words.size() > tokens.size()) continue;
      bool all = true;
      for (std::size_t w = 1; w < p.words.size() && all; ++w) all = tokens[i + w].matches(p.words[w]);
      if (!all) continue;
      if (!best || p.words.size() > best->last - best->first) best = PhraseMatch{&p, i, i + p.words.size()};
    }
  };
  auto try_key = [&](const std::string& key) {
    const auto it = by_first_word_.find(key);
    if (it != by_first_word_.end()) try_bucket(it->second);
  };
  if (annotated) {
    if (token.phrases_by_form) try_bucket(*token.phrases_by_form);
    if (token.phrases_by_alt) try_bucket(*token.phrases_by_alt);
    return best;
  }
  try_key(token.form);
  if (!token.alt.empty()) try_key(token.alt);
  return best;
}

std::vector<PhraseMatch> Lexicon::find(const std::vector<Token>& tokens, const std::vector<std::string>& kinds) const {
  return find(tokens, mask_of(kinds));
}

std::vector<PhraseMatch> Lexicon::find(const std::vector<Token>& tokens, KindMask kinds) const {
  std::vector<PhraseMatch> out;
  if (kinds == 0) return out;
  for (std::size_t i = 0; i < tokens.size();) {
    if (auto m = match_at(tokens, i, kinds)) {
      out.push_back(*m);
      i = m->last;
    } else {
      ++i;
    }
  }
  return out;
}

void Lexicon::annotate(std::vector<Token>& tokens) const {
  for (auto& token : tokens) {
    token.lexicon = this;
    token.phrases_by_form = token.phrases_by_alt = nullptr;
    token.phrase_kinds = 0;
    if (const auto it = by_first_word_.find(token.form); it != by_first_word_.end()) token.phrases_by_form = &it->second;
    if (!token.alt.empty()) {
      if (const auto it = by_first_word_.find(token.alt); it != by_first_word_.end()) token.phrases_by_alt = &it->second;
    }
    for (const auto* bucket : {token.phrases_by_form, token.phrases_by_alt}) {
      if (!bucket) continue;
      for (const auto index : *bucket) token.phrase_kinds |= phrases_[index].kind_bit;
    }
  }
}

namespace {
bool has_single_word_of(const std::vector<std::size_t>* bucket, const std::vector<Phrase>& phrases, KindMask kinds) {
  if (!bucket) return false;
  for (const auto index : *bucket) {
    if ((phrases[index].kind_bit & kinds) && phrases[index].words.size() == 1) return true;
  }
  return false;
}
}  // namespace

bool Lexicon::is_kind(const Token& token, KindMask kinds) const {
  if (token.lexicon != this) return is_kind(std::string_view(token.form), kinds);
  return (token.phrase_kinds & kinds) && has_single_word_of(token.phrases_by_form, phrases_, kinds);
}

bool Lexicon::is_kind_alt(const Token& token, KindMask kinds) const {
  if (token.alt.empty()) return false;
  if (token.lexicon != this) return is_kind(std::string_view(token.alt), kinds);
  return (token.phrase_kinds & kinds) && has_single_word_of(token.phrases_by_alt, phrases_, kinds);
}

bool Lexicon::is_kind(std::string_view word, std::string_view kind) const {
  const auto bit = kind_bit_of_.find(kind);
  return bit != kind_bit_of_.end() && is_kind(word, bit->second);
}

bool Lexicon::is_kind(std::string_view word, KindMask kinds) const {
  const auto it = by_first_word_.find(word);
  if (it == by_first_word_.end()) return false;
  for (const auto index : it->second) {
    if ((phrases_[index].kind_bit & kinds) && phrases_[index].words.size() == 1) return true;
  }
  return false;
}

std::optional<int> read_number(const std::vector<Token>& tokens, std::size_t i, const Lexicon& lexicon, bool vague,
                               std::size_t* width) {
  if (i >= tokens.size()) return std::nullopt;
  int value = 0;
  const auto& form = tokens[i].form;
  const auto [end, error] = std::from_chars(form.data(), form.data() + form.size(), value);
  if (error == std::errc() && end == form.data() + form.size()) {
    if (width) *width = 1;
    return value;
  }
  const KindMask kinds = lexicon.number_kinds() | (vague ? lexicon.vague_kinds() : 0);
  if (auto m = lexicon.match_at(tokens, i, kinds)) {
    if (width) *width = m->last - m->first;
    return static_cast<int>(m->phrase->value);
  }
  return std::nullopt;
}

std::filesystem::path default_lexicon_folder() {
  if (const char* env = std::getenv("CONFLICTMAP_LEXICONS"); env && *env) return env;
  return data_path("gazetteer/lexicons");
}

}  // namespace conflictmap
