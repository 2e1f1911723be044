#include "core/resolution.hpp"

namespace conflictmap {

std::string_view to_string(MatchKind kind) {
  switch (kind) {
    case MatchKind::Exact: return "exact";
    case MatchKind::Normalised: return "normalised";
    case MatchKind::Fuzzy: return "fuzzy";
    case MatchKind::Context: return "context";
  }
  return "fuzzy";
}

std::string_view to_string(ResolutionStatus status) {
  switch (status) {
    case ResolutionStatus::Resolved: return "resolved";
    case ResolutionStatus::Ambiguous: return "ambiguous";
    case ResolutionStatus::RegionOnly: return "region";
    case ResolutionStatus::Unresolved: return "unresolved";
  }
  return "unresolved";
}

}  // namespace conflictmap
