#include "events/report_document.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <regex>
#include <set>

#include "core/script.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

namespace {

long line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// "Date: 2016-05-03", "Published: 2016-05-03", "التاريخ: 2016-05-03" or a bare date, on one of the first lines.
std::optional<CivilDate> header_date(std::string_view text, std::size_t begin, const std::string& path) {
  static const std::regex kLine(R"(^\s*(?:(?:date|published|التاريخ)\s*:\s*)?(\d{4}-\d{2}-\d{2})\s*$)",
                                std::regex::icase);
  std::size_t offset = begin;
  for (int n = 0; n < 6 && offset < text.size(); ++n) {
    std::size_t end = text.find('\n', offset);
    if (end == std::string::npos) end = text.size();
    // a header line is short and holds a date: the many lines that cannot be one skip the regex
    const auto line = text.substr(offset, end - offset);
    if (line.size() <= 64 && line.find('-') != std::string_view::npos) {
      std::match_results<std::string_view::const_iterator> m;
      if (std::regex_match(line.begin(), line.end(), m, kLine)) {
        if (auto date = CivilDate::parse(m[1].str())) return date;
        throw InputError(path, line_of(text, offset), "date", "'" + m[1].str() + "' is not a calendar date");
      }
    }
    offset = end + 1;
  }
  return std::nullopt;
}

bool ends_sentence(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n') return true;
  if (c == '!' || c == '?') return true;
  // ؟ (U+061F) is D8 9F
  if (static_cast<unsigned char>(c) == 0x9F && i > 0 && static_cast<unsigned char>(text[i - 1]) == 0xD8) return true;
  if (c != '.') return false;
  // a full stop ends a sentence before a space, not inside "U.S." or "12.5"
  if (i + 1 < text.size() && !std::isspace(static_cast<unsigned char>(text[i + 1])) && text[i + 1] != '"') return false;
  if (i > 0 && std::isupper(static_cast<unsigned char>(text[i - 1])) &&
      (i < 2 || !std::isalpha(static_cast<unsigned char>(text[i - 2])) || text[i - 2] == '.')) {
    return false;  // an initial: "U.S. forces"
  }
  // a month abbreviated as news agencies date ("Feb. 3, 2018", "Sept. 3"): the day follows, not a new sentence
  if (i + 2 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 2]))) {
    std::size_t start = i;
    while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
    std::string word(text.substr(start, i - start));
    for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    static const std::set<std::string> months = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
    if (months.count(word)) return false;
  }
  return true;
}

// Where to cut a run-on sentence at or before `limit`: after the last clause break, else at the last space, else
// at the last character boundary; never inside a UTF-8 sequence, and always past `begin`.
std::size_t piece_cut(std::string_view text, std::size_t begin, std::size_t limit) {
  std::size_t space = 0;
  for (std::size_t i = limit; i > begin + kMaxSentenceBytes / 2; --i) {
    const auto c = static_cast<unsigned char>(text[i - 1]);
    if (c == ',' || c == ';' || (c == 0x8C && i >= 2 && static_cast<unsigned char>(text[i - 2]) == 0xD8)) return i;
    if (!space && (c == ' ' || c == '\t')) space = i;
  }
  if (space) return space;
  std::size_t cut = limit;
  while (cut > begin + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

namespace {

// An empty, binary or non-UTF-8 file is an error naming the file and the line.
void check_text(const std::string& path, const std::string& text) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError(path, 0, "", "the report is empty");
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    throw InputError(path, line_of(text, nul), "", "the file is binary, not a text report");
  }
  if (!is_valid_utf8(text)) {
    // find the first bad byte to name its line
    std::size_t good = 0;
    for (std::size_t n = 1; n <= text.size(); ++n) {
      if (!is_valid_utf8(std::string_view(text).substr(0, n))) {
        // a multi-byte sequence may just be incomplete: look further before blaming this byte
        if (n + 4 <= text.size() && is_valid_utf8(std::string_view(text).substr(0, n + 3))) continue;
        break;
      }
      good = n;
    }
    throw InputError(path, line_of(text, good), "", "the text is not UTF-8");
  }
}

// Where boilerplate begins in [begin, end): at the first boilerplate phrase that opens a line; else `end`.
std::size_t boilerplate_start(std::string_view text, std::size_t begin, std::size_t end, const Lexicon& lexicon) {
  const auto boilerplate = lexicon.mask({"boilerplate"});
  for (std::size_t line = begin; line < end;) {
    std::size_t next = text.find('\n', line);
    if (next == std::string::npos || next > end) next = end;
    const std::string_view head = text.substr(line, std::min<std::size_t>(next - line, 80));
    // Most lines open with no boilerplate word: look at the first word alone before reading the rest.
    constexpr std::size_t kFirstWordBytes = 32;
    auto first = tokenize(head.substr(0, std::min(head.size(), kFirstWordBytes)));
    lexicon.annotate(first);
    const bool whole_first_word = !first.empty() && (first.front().end < kFirstWordBytes || head.size() <= kFirstWordBytes);
    if (first.empty() || first.front().begin > 4 || (whole_first_word && !(first.front().phrase_kinds & boilerplate))) {
      line = next + 1;
      continue;
    }
    auto tokens = tokenize(head);
    if (!tokens.empty() && tokens.front().begin <= 4) {
      if (auto m = lexicon.match_at(tokens, 0, boilerplate)) return line + tokens[m->first].begin;
    }
    line = next + 1;
  }
  return end;
}

// Where the reports of a file begin. Reports pasted one after another each open with a title and a header line
// ("Date: 2016-05-03"): a header line past the first lines of the report before it starts a new report at its
// title.
std::vector<std::size_t> report_starts(std::string_view text) {
  static const std::regex kHeader(R"(^\s*(?:date|published|التاريخ)\s*:\s*\d{4}-\d{2}-\d{2}\s*$)", std::regex::icase);
  std::vector<std::size_t> starts{0};
  std::size_t previous_line = std::string::npos;  // the last non-empty line before this one
  int lines_into_report = 0;
  for (std::size_t line = 0; line < text.size(); ++lines_into_report) {
    std::size_t next = text.find('\n', line);
    if (next == std::string::npos) next = text.size();
    const auto content = text.substr(line, next - line);
    if (lines_into_report >= 6 && content.size() <= 64 && content.find(':') != std::string_view::npos &&
        std::regex_match(content.begin(), content.end(), kHeader)) {
      // the title is the non-empty line before the header, when it is short enough to be one
      std::size_t start = line;
      if (previous_line != std::string::npos && line - previous_line <= 300) start = previous_line;
      if (start > starts.back()) {
        starts.push_back(start);
        lines_into_report = 0;
      }
    }
    if (content.find_first_not_of(" \t\r") != std::string_view::npos) previous_line = line;
    line = next + 1;
  }
  return starts;
}

// Reads one report of a file: [begin, end) of its text.
ReportDocument read_part(const std::string& path, const std::shared_ptr<const std::string>& storage, std::size_t part,
                         std::size_t begin, std::size_t end, const Lexicon& lexicon) {
  ReportDocument doc;
  doc.path = path;
  doc.storage = storage;
  doc.text = *storage;
  doc.part = part;
  doc.begin = begin;
  doc.published = header_date(doc.text, begin, doc.path);
  doc.body_end = boilerplate_start(doc.text, begin, end, lexicon);
  const auto caption = lexicon.mask({"caption"});
  std::size_t start = begin;
  for (std::size_t i = begin; i <= doc.body_end; ++i) {
    if (i < doc.body_end && !ends_sentence(doc.text, i)) continue;
    std::size_t b = start, e = std::min(i + (i < doc.body_end ? 1 : 0), doc.body_end);
    while (b < e && std::isspace(static_cast<unsigned char>(doc.text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(doc.text[e - 1]))) --e;
    // A run-on "sentence" (a page pasted without punctuation) is read in pieces cut at a clause break or a space,
    // so that no input makes the work per sentence grow with the size of the file
    while (e > b) {
      std::size_t piece_end = e;
      if (e - b > kMaxSentenceBytes) {
        piece_end = piece_cut(doc.text, b, b + kMaxSentenceBytes);
        ++doc.sentences_cut;
      }
      auto sentence_tokens = tokenize(doc.text.substr(b, piece_end - b));
      lexicon.annotate(sentence_tokens);
      if (lexicon.find(sentence_tokens, caption).empty() && !sentence_tokens.empty()) {
        doc.sentences.push_back({b, piece_end, std::move(sentence_tokens)});
      }
      b = piece_end;
      while (b < e && std::isspace(static_cast<unsigned char>(doc.text[b]))) ++b;
    }
    start = i + 1;
  }
  return doc;
}

std::shared_ptr<const std::string> checked_storage(const std::string& path, std::string text) {
  check_text(path, text);
  // A byte-order mark is blanked, not cut, so that spans stay offsets in the file as it lies on disk.
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.replace(0, 3, "   ");
  return std::make_shared<const std::string>(std::move(text));
}

}  // namespace

std::vector<ReportDocument> split_reports(std::string path, std::string text, const Lexicon& lexicon) {
  const auto storage = checked_storage(path, std::move(text));
  const auto starts = report_starts(*storage);
  std::vector<ReportDocument> reports;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : storage->size();
    reports.push_back(read_part(path, storage, k, starts[k], end, lexicon));
  }
  return reports;
}

ReportDocument split_report(std::string path, std::string text, const Lexicon& lexicon) {
  const auto storage = checked_storage(path, std::move(text));
  return read_part(path, storage, 0, 0, storage->size(), lexicon);
}

std::vector<ReportDocument> read_reports(const std::filesystem::path& path, const Lexicon& lexicon) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), 0, "", "cannot read the report");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return split_reports(path.string(), std::move(text), lexicon);
}

}  // namespace conflictmap
