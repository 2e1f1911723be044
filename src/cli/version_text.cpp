#include "cli/version_text.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

#include <chrono>
#include <exception>
#include <filesystem>

#include "gazetteer/gazetteer_files.hpp"
#include "io/data_location.hpp"

namespace conflictmap::cli {

std::string version_text() {
  std::string text = fmt::format("conflictmap {}\n", CONFLICTMAP_VERSION);
  try {
    text += fmt::format("data: {}\n", data_folder().string());
  } catch (const std::exception& error) {
    text += fmt::format("data: {}\n", error.what());
  }
  try {
    const auto folder = default_gazetteer_folder();
    const Gazetteer gazetteer = load_gazetteer(folder);
    std::string date = "unknown";
    std::error_code error;
    const auto written = std::filesystem::last_write_time(folder / "places.tsv", error);
    if (!error) {
      // file_clock and system_clock differ by a constant; libstdc++ 12 has no clock_cast
      const auto system = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
          written - std::filesystem::file_time_type::clock::now() + std::chrono::system_clock::now());
      date = fmt::format("{:%Y-%m-%d}", fmt::gmtime(std::chrono::system_clock::to_time_t(system)));
    }
    text += fmt::format("gazetteer: {} ({}), {} places, {} names, files of {}\n", folder.filename().string(),
                        folder.string(), gazetteer.size(), gazetteer.name_count(), date);
  } catch (const std::exception& error) {
    text += fmt::format("gazetteer: {}\n", error.what());
  }
  text += fmt::format("GDAL {}, GEOS {}, PROJ {}", GDALVersionInfo("RELEASE_NAME"), GEOSversion(), proj_info().version);
  return text;
}

}  // namespace conflictmap::cli
