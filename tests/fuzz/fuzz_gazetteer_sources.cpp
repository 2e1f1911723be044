// Gazetteer source files to records: the OCHA P-code table, a GeoNames dump and a mapped point table, chosen
// by the input's first byte. Beyond not crashing: every record's names and id are valid UTF-8 and a record
// with a point lies on the globe; a file that is not such a source is an InputError naming the file.
#include "fuzz_properties.hpp"
#include "gazetteer/source_readers.hpp"
#include "io/input_error.hpp"

using namespace conflictmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int reader = data[0] % 3;
  const auto path = fuzz::input_file(reader == 1 ? ".txt" : ".csv", data + 1, size - 1);
  PointTableLayout layout;
  layout.id_column = "id";
  layout.name_columns = {{"name", "en"}, {"name_ar", "auto"}};
  layout.name_split = "/";
  layout.brackets_name_parent = true;
  layout.lat_column = "lat";
  layout.lon_column = "lon";
  layout.kind_column = "kind";
  layout.kind_map = {{"town", "town"}, {"*", "village"}};
  layout.admin_columns = {"adm1", "adm2", ""};
  layout.population_column = "pop";
  layout.report_bad_rows = true;
  std::vector<std::string> rejected;
  try {
    const auto records = reader == 0   ? read_ocha_pcode_table(path, "ocha")
                         : reader == 1 ? read_geonames(path, "geonames")
                                       : read_point_table(path, "points", layout, &rejected);
    for (const auto& record : records) fuzz::require_sound_place(record.place, record.has_point);
    for (const auto& message : rejected) fuzz::require(!message.empty());
  } catch (const InputError& error) {
    fuzz::require(error.file() == path.string());
  }
  return 0;
}
