#include "python/python_values.hpp"

#include <variant>

#include "events/event_fields.hpp"

namespace py = pybind11;

namespace conflictmap::python {

py::object json_to_python(const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::object: {
      py::dict out;
      for (const auto& [key, item] : value.items()) out[py::str(key)] = json_to_python(item);
      return out;
    }
    case nlohmann::ordered_json::value_t::array: {
      py::list out;
      for (const auto& item : value) out.append(json_to_python(item));
      return out;
    }
    case nlohmann::ordered_json::value_t::string: return py::str(value.get_ref<const std::string&>());
    case nlohmann::ordered_json::value_t::boolean: return py::bool_(value.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer: return py::int_(value.get<long long>());
    case nlohmann::ordered_json::value_t::number_unsigned: return py::int_(value.get<unsigned long long>());
    case nlohmann::ordered_json::value_t::number_float: return py::float_(value.get<double>());
    default: return py::none();
  }
}

py::dict event_to_dict(const Event& event) {
  py::dict out;
  const auto& fields = event_fields();
  const auto values = event_field_values(event);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    py::object value = py::none();
    if (const auto* text = std::get_if<std::string>(&values[i])) value = py::str(*text);
    if (const auto* integer = std::get_if<long long>(&values[i])) value = py::int_(*integer);
    if (const auto* real = std::get_if<double>(&values[i])) value = py::float_(*real);
    out[fields[i].name] = value;
  }
  return out;
}

py::list events_to_list(const std::vector<Event>& events) {
  py::list out;
  for (const auto& event : events) out.append(event_to_dict(event));
  return out;
}

py::list unresolved_to_list(const std::vector<UnresolvedMention>& mentions) {
  py::list out;
  for (const auto& m : mentions) {
    py::dict row;
    row["document"] = m.document;
    row["span_start"] = m.begin;
    row["span_end"] = m.end;
    row["text"] = m.text;
    row["reason"] = m.reason;
    row["sentence"] = m.sentence;
    out.append(row);
  }
  return out;
}

py::list rejected_to_list(const std::vector<RejectedRow>& rows) {
  py::list out;
  for (const auto& r : rows) {
    py::dict row;
    row["source"] = r.source;
    row["line"] = r.line;
    row["field"] = r.field;
    row["reason"] = r.reason;
    out.append(row);
  }
  return out;
}

}  // namespace conflictmap::python
