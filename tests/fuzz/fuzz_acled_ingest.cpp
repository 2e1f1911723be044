// An ACLED export to events; the properties are ingest_fuzzing.hpp's.
#include "ingest_fuzzing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  conflictmap::fuzz::ingest_table(data, size, conflictmap::TableFormat::Acled, ".csv");
  return 0;
}
