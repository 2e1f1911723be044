#include "resolve/score_calibration.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace conflictmap {

namespace {

struct GroupFactor {
  std::string_view status, match;
  double factor;
};

// Fitted by scripts/bench/fit_score_calibration.py (English and Arabic names pooled; a group of few answers is
// shrunk toward 1). Refit when the resolver's ranking changes.
constexpr GroupFactor kFactors[] = {
    {"ambiguous", "exact", 0.989},       // 172 answers
    {"ambiguous", "fuzzy", 0.903},       // 5 answers
    {"ambiguous", "normalised", 0.685},  // 153 answers
    {"region", "context", 1.000},        // 372 answers
    {"resolved", "exact", 0.953},        // 2292 answers
    {"resolved", "fuzzy", 0.966},        // 47 answers
    {"resolved", "normalised", 0.898},   // 1083 answers
};

}  // namespace

bool raw_scores_requested() {
  static const bool raw = [] {
    const char* value = std::getenv("CONFLICTMAP_RAW_SCORES");
    return value && std::string_view(value) == "1";
  }();
  return raw;
}

double calibrated_score(const Resolution& r) {
  const auto status = to_string(r.status);
  const auto match = to_string(r.match);
  for (const auto& g : kFactors) {
    if (g.status == status && g.match == match) return std::clamp(r.score * g.factor, 0.0, 1.0);
  }
  return r.score;
}

}  // namespace conflictmap
