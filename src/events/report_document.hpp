#pragma once
// A field report as extraction reads it: its text, its publication date if a header gives one, where the
// report ends and boilerplate begins, and its sentences.
#include <filesystem>
#include <memory>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "events/lexicon.hpp"
#include "events/text_tokens.hpp"

namespace conflictmap {

struct Sentence {
  std::size_t begin = 0, end = 0;  // byte offsets in the document text
  std::vector<Token> tokens;       // its words; their offsets count from `begin`
};

struct ReportDocument {
  std::string path;       // as given on the command line: events cite it
  std::shared_ptr<const std::string> storage;  // the file's text, shared by the reports it holds
  std::string_view text;  // all of it: offsets count from the file's start
  std::size_t part = 0;   // which report of the file this is (reports pasted one after another)
  std::size_t begin = 0;  // where this report starts in `text`
  std::optional<CivilDate> published;  // from a "Date: YYYY-MM-DD" header line
  std::size_t body_end = 0;            // this report's boilerplate ("About The Author", "Related Posts", …) starts here
  std::vector<Sentence> sentences;     // of the body only; picture captions left out
  std::size_t sentences_cut = 0;       // run-on sentences read in pieces (see kMaxSentenceBytes)
};

// A sentence longer than this is read in pieces cut at clause breaks or spaces: real sentences are far shorter,
// and a run-on line would otherwise make the work per sentence grow with the file.
inline constexpr std::size_t kMaxSentenceBytes = 2000;

// Reads a file of reports and splits each. A file may hold several reports pasted one after another, each
// opening with a title and a "Date:" line. An empty, binary or non-UTF-8 file is an InputError naming the file
// and line.
std::vector<ReportDocument> read_reports(const std::filesystem::path& path, const Lexicon& lexicon);
// The same for text already in memory.
std::vector<ReportDocument> split_reports(std::string path, std::string text, const Lexicon& lexicon);
// The whole text as one report (tests, benchmarks).
ReportDocument split_report(std::string path, std::string text, const Lexicon& lexicon);

}  // namespace conflictmap
