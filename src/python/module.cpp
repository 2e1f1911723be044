// The `conflictmap._conflictmap` extension: the engine's calls for the Python package (src/python/conflictmap),
// which adds the DataFrames and the documentation. Every engine call runs without the GIL, so Python threads
// calling it run side by side.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fmt/format.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/parallel.hpp"
#include "core/script.hpp"
#include "events/corpus_extraction.hpp"
#include "events/event_reader.hpp"
#include "events/event_writer.hpp"
#include "events/report_document.hpp"
#include "io/data_location.hpp"
#include "io/input_error.hpp"
#include "python/event_list.hpp"
#include "python/python_arguments.hpp"
#include "python/python_engine.hpp"
#include "python/python_layers.hpp"
#include "python/python_values.hpp"
#include "resolve/resolution_json.hpp"

namespace py = pybind11;

namespace conflictmap::python {

namespace {

py::dict resolve_one(const PythonEngine& engine, const std::string& name, const std::vector<std::string>& context) {
  Resolution resolution;
  {
    py::gil_scoped_release unlocked;
    ResolveContext c;
    c.texts = context;
    resolution = engine.resolver().resolve(name, c);
  }
  return json_to_python(resolution_to_json(resolution, engine.gazetteer()));
}

// Columns as the batch CLI (`resolve --input`) adds them; rows without a point hold None, NaN, or are masked
// ("unplaced") in the integer columns.
py::dict resolve_many(const PythonEngine& engine, const std::vector<std::string>& names,
                      const std::vector<std::vector<std::string>>& contexts, std::optional<int> threads) {
  if (!contexts.empty() && contexts.size() != names.size()) {
    throw py::value_error(fmt::format("contexts: {} given for {} names", contexts.size(), names.size()));
  }
  std::vector<Resolution> answers(names.size());
  {
    py::gil_scoped_release unlocked;
    run_ranges_on_threads(names.size(), 256, thread_count(threads), [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        ResolveContext context;
        context.explain = false;  // as the batch CLI: no column holds the reasons
        if (!contexts.empty()) context.texts = contexts[i];
        answers[i] = engine.resolver().resolve(names[i], context);
      }
    });
  }
  // Numbers go out as NumPy arrays (NaN, or a mask, where a row has no point): boxing every value in a list
  // and converting the lists in pandas cost more than the engine call itself.
  const std::size_t n = answers.size();
  py::array_t<double> lat(n), lon(n), score(n);
  py::array_t<std::int64_t> precision(n), namesakes(n);
  py::array_t<bool> unplaced(n);
  auto lat_at = lat.mutable_unchecked<1>();
  auto lon_at = lon.mutable_unchecked<1>();
  auto score_at = score.mutable_unchecked<1>();
  auto precision_at = precision.mutable_unchecked<1>();
  auto namesakes_at = namesakes.mutable_unchecked<1>();
  auto unplaced_at = unplaced.mutable_unchecked<1>();
  py::list place_id(n), place_name(n), match(n), status(n);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t i = 0; i < n; ++i) {
    const auto& r = answers[i];
    const auto k = static_cast<py::ssize_t>(i);
    const bool placed = r.has_point();
    lat_at(k) = placed ? r.point.lat : nan;
    lon_at(k) = placed ? r.point.lon : nan;
    score_at(k) = placed ? r.score : nan;
    precision_at(k) = placed ? static_cast<std::int64_t>(r.precision) : 0;
    namesakes_at(k) = placed ? static_cast<std::int64_t>(r.namesakes) : 0;
    unplaced_at(k) = !placed;
    place_id[i] = placed ? py::object(py::str(r.place_id)) : py::object(py::none());
    place_name[i] = placed ? py::object(py::str(r.place_name)) : py::object(py::none());
    match[i] = placed ? py::object(py::str(std::string(to_string(r.match)))) : py::object(py::none());
    status[i] = py::str(std::string(to_string(r.status)));
  }
  py::dict out;
  out["resolved_lat"] = lat;
  out["resolved_lon"] = lon;
  out["place_id"] = place_id;
  out["place_name"] = place_name;
  out["score"] = score;
  out["precision"] = precision;
  out["match"] = match;
  out["status"] = status;
  out["namesakes"] = namesakes;
  out["unplaced"] = unplaced;  // the mask of the integer columns
  return out;
}

py::tuple extract_text(const PythonEngine& engine, const std::string& text, const std::optional<std::string>& date,
                       const std::string& source) {
  const auto publication = date_argument(date, "date");
  ExtractedReport all;
  {
    py::gil_scoped_release unlocked;
    for (const auto& report : split_reports(source, text, engine.lexicon())) {
      auto extracted = engine.extractor().extract(report, publication, 1);
      std::move(extracted.events.begin(), extracted.events.end(), std::back_inserter(all.events));
      std::move(extracted.unresolved.begin(), extracted.unresolved.end(), std::back_inserter(all.unresolved));
    }
  }
  return py::make_tuple(events_to_list(all.events), unresolved_to_list(all.unresolved));
}

// Rows of a table (a DataFrame's columns, as lists; None for a missing value), extracted as `extract --input`
// extracts a corpus's rows: the same rejections, the same ids.
py::tuple extract_rows(const PythonEngine& engine, const std::vector<std::optional<std::string>>& texts,
                       const std::vector<std::optional<std::string>>& dates,
                       const std::vector<std::optional<std::string>>& ids,
                       const std::vector<std::optional<std::string>>& langs, const std::vector<long>& lines,
                       const std::string& source, const std::optional<std::string>& date, std::optional<int> threads) {
  for (const auto* column : {&dates, &ids, &langs}) {
    if (!column->empty() && column->size() != texts.size()) throw py::value_error("every column must have one value per row");
  }
  if (!lines.empty() && lines.size() != texts.size()) throw py::value_error("lines: one per row");
  CorpusColumns columns;
  columns.text = "text";
  columns.date = dates.empty() ? "" : "date";
  columns.id = ids.empty() ? "" : "id";
  columns.lang = langs.empty() ? "" : "lang";
  const auto fallback = date_argument(date, "date");
  std::vector<CorpusRecord> records(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto& record = records[i];
    record.line = lines.empty() ? long(i) + 1 : lines[i];
    if (texts[i]) record.fields["text"] = *texts[i];
    if (!dates.empty() && dates[i]) record.fields["date"] = *dates[i];
    if (!ids.empty() && ids[i]) record.fields["id"] = *ids[i];
    if (!langs.empty() && langs[i]) record.fields["lang"] = *langs[i];
  }
  CorpusBatch batch;
  {
    py::gil_scoped_release unlocked;
    const CorpusExtraction extraction(engine.extractor(), engine.lexicon(), columns, fallback, thread_count(threads));
    batch = extraction.extract_records(source, records);
  }
  // the events stay in the engine: a caller that writes them (a Dask worker) never turns them into Python objects
  auto events = std::make_shared<EventList>(EventList{std::move(batch.events)});
  return py::make_tuple(events, unresolved_to_list(batch.unresolved), rejected_to_list(batch.rejected));
}

// Event files written part by part (a Dask run's partitions), joined in order into one file of any format: read
// and written by the engine, never through Python objects.
void merge_event_files(const std::vector<std::string>& parts, const std::string& output) {
  py::gil_scoped_release unlocked;
  EventFileWriter writer(output);
  for (const auto& part : parts) writer.add(read_events(part));
  writer.commit();
}

}  // namespace

}  // namespace conflictmap::python

PYBIND11_MODULE(_conflictmap, module) {
  using namespace conflictmap;
  using namespace conflictmap::python;
  module.doc() = "The conflictmap engine's calls; use the conflictmap package, which documents them.";
  // An error in the user's input (a bad events file, an empty report) is a ValueError naming where it is.
  py::register_exception_translator([](std::exception_ptr error) {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const InputError& input) {
      PyErr_SetString(PyExc_ValueError, input.what());
    }
  });
  module.def("add_data_folder_candidate", [](const std::string& folder) { add_data_folder_candidate(folder); });
  module.def("version", [] { return std::string(CONFLICTMAP_VERSION); });
  module.def("merge_event_files", &merge_event_files, py::arg("parts"), py::arg("output"));

  py::class_<PythonEngine, std::shared_ptr<PythonEngine>>(module, "Engine")
      .def(py::init([](const std::string& gazetteer, const std::string& lexicons) {
             py::gil_scoped_release unlocked;
             return std::make_shared<PythonEngine>(gazetteer, lexicons);
           }),
           py::arg("gazetteer") = "", py::arg("lexicons") = "")
      .def_property_readonly("gazetteer_folder", &PythonEngine::gazetteer_folder)
      .def_property_readonly("place_count", [](const PythonEngine& e) { return e.gazetteer().places().size(); })
      .def("resolve", &resolve_one, py::arg("name"), py::arg("context") = std::vector<std::string>{})
      .def("resolve_many", &resolve_many, py::arg("names"), py::arg("contexts"), py::arg("threads") = py::none())
      .def("extract", &extract_text, py::arg("text"), py::arg("date") = py::none(), py::arg("source") = "text")
      .def("extract_rows", &extract_rows, py::arg("texts"), py::arg("dates"), py::arg("ids"), py::arg("langs"),
           py::arg("lines"), py::arg("source"), py::arg("date") = py::none(), py::arg("threads") = py::none());

  bind_event_list(module);
  bind_layers(module);
}
