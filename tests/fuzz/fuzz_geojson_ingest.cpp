// GeoJSON events read through OGR (`ingest --format geojson`); the properties are ingest_fuzzing.hpp's. A
// truncated or malformed document is an InputError, never a silent partial read.
#include "ingest_fuzzing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  conflictmap::fuzz::ingest_table(data, size, conflictmap::TableFormat::Vector, ".geojson");
  return 0;
}
