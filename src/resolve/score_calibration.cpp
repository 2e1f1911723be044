#include "resolve/score_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace conflictmap {

namespace {

struct GroupBias {
  std::string_view status, match;
  double bias;
};

// Fitted by scripts/bench/fit_score_calibration.py (English and Arabic names pooled, ridge-shrunk). Refit when
// the resolver's ranking changes.
constexpr GroupBias kBiases[] = {
    {"ambiguous", "exact", -0.940},       // 217 answers
    {"ambiguous", "fuzzy", -1.414},       // 5 answers
    {"ambiguous", "normalised", -2.207},  // 138 answers
    {"region", "context", 0.122},         // 340 answers
    {"resolved", "context", 1.056},       // 17 answers
    {"resolved", "exact", 1.924},         // 2398 answers
    {"resolved", "fuzzy", 0.841},         // 25 answers
    {"resolved", "normalised", 1.031},    // 984 answers
};
constexpr double kSlope = 0.178;
constexpr double kAmbiguousSlope = 1.161;
constexpr double kNamesakeWeight = -0.023;
constexpr double kResolvedNamesakeWeight = -0.525;

double logit(double p) {
  p = std::clamp(p, 0.01, 0.999);
  return std::log(p / (1 - p));
}

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
  const bool ambiguous = r.status == ResolutionStatus::Ambiguous;
  const bool resolved = r.status == ResolutionStatus::Resolved;
  for (const auto& g : kBiases) {
    if (g.status != status || g.match != match) continue;
    const double namesakes = std::log1p(static_cast<double>(r.namesakes));
    const double z = g.bias + (kSlope + (ambiguous ? kAmbiguousSlope : 0.0)) * logit(r.score) +
                     (kNamesakeWeight + (resolved ? kResolvedNamesakeWeight : 0.0)) * namesakes;
    return 1.0 / (1.0 + std::exp(-z));
  }
  return std::clamp(r.score, 0.0, 1.0);
}

}  // namespace conflictmap
