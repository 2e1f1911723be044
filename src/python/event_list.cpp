#include "python/event_list.hpp"

#include <pybind11/stl.h>

#include "events/event_reader.hpp"
#include "events/event_writer.hpp"
#include "python/python_values.hpp"

namespace py = pybind11;

namespace conflictmap::python {

EventList events_from_csv_text(const std::string& text, const std::string& label) {
  return EventList{read_csv_event_text(label, text)};
}

void bind_event_list(py::module_& module) {
  py::class_<EventList, std::shared_ptr<EventList>>(module, "EventList")
      .def_static(
          "read",
          [](const std::string& source, const std::string& layer) {
            py::gil_scoped_release unlocked;
            EventReadOptions options;
            options.layer = layer;
            return std::make_shared<EventList>(EventList{read_events(source, options)});
          },
          py::arg("source"), py::arg("layer") = "")
      .def_static(
          "from_csv_text",
          [](const std::string& text, const std::string& label) {
            py::gil_scoped_release unlocked;
            return std::make_shared<EventList>(events_from_csv_text(text, label));
          },
          py::arg("text"), py::arg("label"))
      .def("__len__", [](const EventList& list) { return list.events.size(); })
      .def("records", [](const EventList& list) { return events_to_list(list.events); })
      .def(
          "write",
          [](const EventList& list, const std::string& path) {
            py::gil_scoped_release unlocked;
            write_events(list.events, path);
          },
          py::arg("path"));
}

}  // namespace conflictmap::python
