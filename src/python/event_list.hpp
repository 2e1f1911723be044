#pragma once
// Events held by the engine between Python calls (read from a file, or from a DataFrame's CSV text), so that
// writing them or mapping them never turns them into Python objects and back.
#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <vector>

#include "core/event.hpp"

namespace conflictmap::python {

struct EventList {
  std::vector<Event> events;
};

// Events from CSV text with the output files' columns (a DataFrame written with to_csv), checked as any events
// file is; errors name `label` (say "DataFrame") with the row's line and the field.
EventList events_from_csv_text(const std::string& text, const std::string& label);

void bind_event_list(pybind11::module_& module);

}  // namespace conflictmap::python
