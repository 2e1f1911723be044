#pragma once
// A resolution as JSON, the form `resolve --json` prints.
#include <nlohmann/json.hpp>

#include "core/resolution.hpp"
#include "gazetteer/gazetteer.hpp"

namespace conflictmap {

// The JSON form of a resolution that `resolve --json` prints: the answer, then candidates with their ids.
nlohmann::ordered_json resolution_to_json(const Resolution& resolution, const Gazetteer& gazetteer);

}  // namespace conflictmap
