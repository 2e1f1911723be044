#pragma once
// The event-table ingest targets differ only in the format and the file's extension: a table becomes events
// (each sound, see fuzz_properties.hpp) and rejected rows whose line lies in the file; a table that cannot be
// read at all is an InputError naming the file.
#include <algorithm>
#include <string>

#include "events/table_ingest.hpp"
#include "fuzz_properties.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "io/input_error.hpp"

namespace conflictmap::fuzz {

inline void ingest_table(const std::uint8_t* data, std::size_t size, TableFormat format, std::string_view extension,
                         const ColumnMap& overrides = {}) {
  static const Gazetteer gazetteer = load_gazetteer(std::string(CONFLICTMAP_SOURCE_DIR) + "/gazetteer/syria");
  static const Resolver resolver(gazetteer);
  static const Lexicon lexicon = Lexicon::load(std::string(CONFLICTMAP_SOURCE_DIR) + "/gazetteer/lexicons");
  static const TableIngester ingester(resolver, lexicon);
  const auto path = input_file(extension, data, size);
  // lines as the table reader counts them: a CR alone ends a line too (files from old Mac tools)
  long lines = 1;
  for (std::size_t i = 0; i < size; ++i) lines += data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'));
  try {
    const IngestResult result = ingester.ingest(path.string(), format, column_map_for(format, overrides));
    for (const auto& e : result.events) require_sound_event(e);
    for (const auto& r : result.rejected) {
      require(r.line >= 0 && (format == TableFormat::Vector || r.line <= lines));
      require(is_valid_utf8(r.reason) && is_valid_utf8(r.field));
    }
  } catch (const InputError& error) {
    require(error.file() == path.string());
  }
}

}  // namespace conflictmap::fuzz
