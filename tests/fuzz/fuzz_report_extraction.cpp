// Report text to events. Beyond not crashing: an input that is not a report (empty, binary, not UTF-8) is an
// InputError; otherwise every event's place is finite and in range, its span lies on character boundaries,
// the text at the span is its sentence, and every string it carries is valid UTF-8.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "events/event_extractor.hpp"
#include "fuzz_properties.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "io/input_error.hpp"

using namespace conflictmap;
using fuzz::require;

namespace {

bool on_boundary(std::string_view text, std::size_t at) {
  return at == 0 || at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Gazetteer gazetteer = load_gazetteer(std::string(CONFLICTMAP_SOURCE_DIR) + "/gazetteer/syria");
  static const Resolver resolver(gazetteer);
  static const Lexicon lexicon = Lexicon::load(std::string(CONFLICTMAP_SOURCE_DIR) + "/gazetteer/lexicons");
  static const EventExtractor extractor(resolver, lexicon);
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<ReportDocument> reports;
  try {
    reports = split_reports("fuzz.txt", text, lexicon);
  } catch (const InputError&) {
    return 0;  // refused with a message naming the file: what a bad report gets
  }
  for (const auto& report : reports) {
    const auto extracted = extractor.extract(report);
    for (const auto& e : extracted.events) {
      fuzz::require_sound_event(e);
      require(e.provenance.span_begin <= e.provenance.span_end && e.provenance.span_end <= text.size());
      require(on_boundary(text, e.provenance.span_begin) && on_boundary(text, e.provenance.span_end));
      require(text.compare(e.provenance.span_begin, e.provenance.span_end - e.provenance.span_begin, e.provenance.sentence) == 0);
    }
    for (const auto& u : extracted.unresolved) {
      require(on_boundary(text, u.begin) && on_boundary(text, u.end) && is_valid_utf8(u.text) && is_valid_utf8(u.reason));
    }
  }
  return 0;
}
