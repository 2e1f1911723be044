// Any CSV with a column mapping (`ingest --format csv --map field=column`) to events; the properties are
// ingest_fuzzing.hpp's. The mapping names short columns so that mutated headers meet it often.
#include "ingest_fuzzing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const conflictmap::ColumnMap mapping = {
      {"event_date", "date"}, {"sub_event_type", "type"}, {"location", "place"}, {"admin1", "gov"},
      {"latitude", "lat"},    {"longitude", "lon"},       {"actor1", "who"},     {"fatalities", "dead"},
      {"notes", "text"}};
  conflictmap::fuzz::ingest_table(data, size, conflictmap::TableFormat::Csv, ".csv", mapping);
  return 0;
}
