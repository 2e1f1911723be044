#include "python/python_arguments.hpp"

#include <pybind11/pybind11.h>

#include <fmt/format.h>

#include <cmath>

#include "core/parallel.hpp"

namespace py = pybind11;

namespace conflictmap::python {

std::optional<CivilDate> date_argument(const std::optional<std::string>& text, const char* argument) {
  if (!text || text->empty()) return std::nullopt;
  auto date = CivilDate::parse(*text);
  if (!date) throw py::value_error(fmt::format("{}: '{}' is not a date (YYYY-MM-DD)", argument, *text));
  return date;
}

unsigned thread_count(std::optional<int> threads) {
  if (!threads) return available_cores();
  if (*threads < 1) throw py::value_error("threads: must be 1 or more");
  return unsigned(*threads);
}

double finite_at_least(double value, double low, const char* argument, bool strictly) {
  if (!std::isfinite(value) || value < low || (strictly && value == low)) {
    throw py::value_error(fmt::format("{}: {} is not a finite number {} {}", argument, value,
                                      strictly ? "above" : "of at least", low));
  }
  return value;
}

}  // namespace conflictmap::python
