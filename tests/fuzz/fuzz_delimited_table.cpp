// CSV text to a table. Beyond not crashing: a table it accepts has every record as wide as its header, lines
// that rise, and no field longer than the input; anything else is an InputError naming the source.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "io/delimited_table.hpp"
#include "io/input_error.hpp"

using namespace conflictmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const DelimitedTable table = parse_delimited(text, "fuzz.csv", ',');
    long last_line = 0;
    for (const auto& record : table.records) {
      if (record.fields.size() != table.header.size()) std::abort();
      if (record.line <= last_line) std::abort();
      last_line = record.line;
      for (const auto& field : record.fields) {
        if (field.size() > size) std::abort();
      }
    }
  } catch (const InputError&) {
  }
  return 0;
}
