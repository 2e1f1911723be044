#include "cli/date_option.hpp"

#include <CLI/CLI.hpp>

namespace conflictmap {

std::optional<CivilDate> date_option(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  auto date = CivilDate::parse(text);
  if (!date) throw CLI::ValidationError(option, "'" + text + "' is not a date YYYY-MM-DD");
  return date;
}

}  // namespace conflictmap
