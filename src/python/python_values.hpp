#pragma once
// Engine results as Python values: events as dicts keyed by the output files' field names (event_fields), so a
// DataFrame built from them has the CLI's columns in the CLI's order; resolutions as `resolve --json` gives them.
// Called with the GIL held.
#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>

#include <vector>

#include "core/event.hpp"
#include "events/event_extractor.hpp"
#include "io/rejected_row.hpp"

namespace conflictmap::python {

pybind11::object json_to_python(const nlohmann::ordered_json& value);
pybind11::dict event_to_dict(const Event& event);
pybind11::list events_to_list(const std::vector<Event>& events);
pybind11::list unresolved_to_list(const std::vector<UnresolvedMention>& mentions);
pybind11::list rejected_to_list(const std::vector<RejectedRow>& rows);

}  // namespace conflictmap::python
