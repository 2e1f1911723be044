#include "io/input_error.hpp"

#include <fmt/format.h>

namespace conflictmap {

namespace {
std::string format_location(const std::string& file, long line, const std::string& field, const std::string& message) {
  return fmt::format("{}{}{}: {}", file, line > 0 ? fmt::format(":{}", line) : "",
                     field.empty() ? "" : fmt::format(": field '{}'", field), message);
}
}  // namespace

InputError::InputError(std::string file, long line, std::string field, const std::string& message)
    : std::runtime_error(format_location(file, line, field, message)),
      file_(std::move(file)), line_(line), field_(std::move(field)) {}

}  // namespace conflictmap
