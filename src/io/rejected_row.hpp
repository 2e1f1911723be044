#pragma once
// A row of an input table that could not be used, and why: what `ingest --rejected` and `extract --rejected`
// list, so that nothing is dropped without a word.
#include <string>

namespace conflictmap {

struct RejectedRow {
  std::string source;
  long line = 0;
  std::string field;
  std::string reason;
};

}  // namespace conflictmap
