#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>

#include <gdal_priv.h>
#include <nlohmann/json.hpp>

#include "events/event_reader.hpp"
#include "io/atomic_file.hpp"
#include "io/cloud_optimized_geotiff.hpp"
#include "io/crs_transform.hpp"
#include "io/delimited_table.hpp"
#include "io/geojson_layer.hpp"
#include "io/input_error.hpp"
#include "io/memory_raster.hpp"

using namespace conflictmap;

TEST_CASE("parse_delimited reads quoted fields, doubled quotes and embedded newlines", "[csv]") {
  const auto table = parse_delimited("name,context\n\"Kafr Nabl, Idlib\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\n", "t.csv", ',');
  REQUIRE(table.records.size() == 2);
  CHECK(table.records[0].fields[0] == "Kafr Nabl, Idlib");
  CHECK(table.records[0].fields[1] == "say \"hi\"");
  CHECK(table.records[1].fields[0] == "two\nlines");
  CHECK(table.records[1].line == 3);
  CHECK(table.column("context") == 1);
}

TEST_CASE("parse_delimited accepts CRLF, a byte-order mark and a final line without newline", "[csv]") {
  const auto table = parse_delimited("\xEF\xBB\xBF" "a,b\r\n1,2\r\n3,4", "t.csv", ',');
  CHECK(table.header[0] == "a");
  REQUIRE(table.records.size() == 2);
  CHECK(table.records[1].fields[1] == "4");
}

TEST_CASE("parse_delimited names the file and line of each kind of bad input", "[csv]") {
  auto message = [](std::string_view text) {
    try {
      parse_delimited(text, "in.csv", ',');
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  CHECK(message("") == "in.csv: the file is empty");
  CHECK(message("a,b\n1,\"open\n2,3\n") == "in.csv:2: a quoted field opens here and never closes");
  CHECK(message("a,b\n1,2,3\n") == "in.csv:2: has 3 fields but the header has 2");
  CHECK(message("a,b\n1,x\"y\n") == "in.csv:2: a quote inside an unquoted field (quote the whole field)");
  CHECK(message("a,b\n1,2\n\xC3(,4\n") == "in.csv:3: not valid UTF-8 text (convert it with iconv first)");
}

// Over a megabyte, the two halves of a table parse on two threads; nothing about the result may show it.
TEST_CASE("a large table parses the same in halves: rows, lines, quoted newlines and errors", "[csv]") {
  std::string text = "id,note\n";
  long line = 2;
  std::vector<long> lines;
  for (int i = 0; i < 40000; ++i) {
    lines.push_back(line);
    if (i % 7 == 0) {
      text += std::to_string(i) + ",\"a note over\ntwo lines, with \"\"quotes\"\"\"\n";
      line += 2;
    } else {
      text += std::to_string(i) + ",plain note number " + std::to_string(i) + "\n";
      line += 1;
    }
  }
  REQUIRE(text.size() > (1u << 20));
  const auto table = parse_delimited(text, "big.csv", ',');
  REQUIRE(table.records.size() == 40000);
  for (int i : {0, 1, 19999, 20000, 20001, 39999}) {
    CHECK(table.records[std::size_t(i)].fields[0] == std::to_string(i));
    CHECK(table.records[std::size_t(i)].line == lines[std::size_t(i)]);
  }
  CHECK(table.records[39997].fields[1] == "plain note number 39997");
  CHECK(table.records[39991].fields[1] == "a note over\ntwo lines, with \"quotes\"");

  // the same table with CRLF line ends and a byte-order mark
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const auto windows = parse_delimited(crlf, "big.csv", ',');
  REQUIRE(windows.records.size() == 40000);
  CHECK(windows.records[39999].line == lines[39999]);
  CHECK(windows.records[20000].fields[1] == table.records[20000].fields[1]);
  CHECK(windows.records[39991].fields[1] == "a note over\r\ntwo lines, with \"quotes\"");

  // a ragged row and a bad quote late in the file are reported at the file's own line
  auto error_line = [](const std::string& bad) {
    try {
      parse_delimited(bad, "big.csv", ',');
    } catch (const InputError& error) {
      return error.line();
    }
    return -1L;
  };
  CHECK(error_line(text + "40000,x,extra\n") == line);
  CHECK(error_line(text + "40000,x\"y\n") == line);
}

TEST_CASE("a missing column is reported with the columns there are", "[csv]") {
  const auto table = parse_delimited("name,region\nx,y\n", "in.csv", ',');
  try {
    table.column("location");
    FAIL("expected an error");
  } catch (const InputError& error) {
    CHECK(error.field() == "location");
    CHECK(std::string(error.what()) == "in.csv:1: field 'location': no such column (the header has: name, region)");
  }
}

TEST_CASE("tab-separated unquoted tables keep quotes as text", "[csv]") {
  const auto table = parse_delimited("0\t1\n\"x\ty\n", "g.txt", '\t', false, false);
  CHECK(table.header.size() == 2);
  CHECK(table.records[0].fields[0] == "0");
  CHECK(table.records[1].fields[0] == "\"x");
}

TEST_CASE("csv_field quotes only when needed", "[csv]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"x\"") == "\"say \"\"x\"\"\"");
}

TEST_CASE("read_text_file reports a missing file", "[io]") {
  CHECK_THROWS_AS(read_text_file("/nonexistent/file.csv"), InputError);
}

TEST_CASE("AtomicFile leaves nothing behind unless committed", "[io]") {
  const auto folder = std::filesystem::temp_directory_path() / "conflictmap_atomic_test";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const auto target = folder / "out.csv";
  {
    AtomicFile file(target);
    file.stream() << "partial";
  }
  CHECK_FALSE(std::filesystem::exists(target));
  CHECK(std::filesystem::is_empty(folder));
  {
    AtomicFile file(target);
    file.stream() << "whole";
    file.commit();
  }
  std::ifstream in(target);
  std::string text;
  in >> text;
  CHECK(text == "whole");
  CHECK_THROWS(AtomicFile(folder / "missing" / "x.csv"));
  std::filesystem::remove_all(folder);
}

TEST_CASE("a row with one empty quoted field is a row, not a blank line", "[csv]") {
  const auto table = parse_delimited("name\n\"\"\n\nSoran\n", "t.csv", ',');
  REQUIRE(table.records.size() == 2);
  CHECK(table.records[0].fields[0].empty());
  CHECK(table.records[0].line == 2);
  CHECK(table.records[1].line == 4);
}

// Rows become events on several threads; the result and the first error must be those of one pass.
TEST_CASE("read_events keeps row order and ids, and reports the earliest bad row", "[csv][events]") {
  const auto path = std::filesystem::temp_directory_path() / "conflictmap_many_events.csv";
  auto write = [&](int bad_a, int bad_b) {
    std::ofstream out(path, std::ios::trunc);
    out << "event_id,sub_event_type,latitude,longitude,strike_count\n";
    for (int i = 0; i < 20000; ++i) {
      const bool bad = i == bad_a || i == bad_b;
      out << (i % 3 ? "e" + std::to_string(i) : std::string()) << "," << (bad ? "Picnic" : "Air/drone strike")
          << ",36.1,37.2," << i % 5 << "\n";
    }
  };
  write(-1, -1);
  const auto events = read_events(path.string(), {});
  REQUIRE(events.size() == 20000);
  CHECK(events[0].id == "1");  // no id: the row's number
  CHECK(events[19999].id == "e19999");
  CHECK(events[19999].count == 4);

  write(15000, 4000);  // the later half fails too, but line 4002 comes first
  try {
    read_events(path.string(), {});
    FAIL("expected an error");
  } catch (const InputError& error) {
    CHECK(error.line() == 4002);
    CHECK(error.field() == "sub_event_type");
  }
  std::filesystem::remove(path);
}

TEST_CASE("read_events reads a large file in halves: quoted notes, blank lines, and a bad row late in the file",
          "[csv][events]") {
  const auto path = std::filesystem::temp_directory_path() / "conflictmap_large_events.csv";
  // 30,000 rows of 2 lines each, over 1 MB: read in two halves
  auto write = [&](int bad) {
    std::ofstream out(path, std::ios::trunc);
    out << "\n\"event_id\",sub_event_type,latitude,longitude,notes\n";
    for (int i = 0; i < 30000; ++i) {
      out << (i % 7 ? "e" + std::to_string(i) : std::string()) << ",Air/drone strike," << (i == bad ? "96.5" : "36.1") << ",37.2,\"seen at " << i
          << "\nsaid \"\"many\"\" strikes, padding the row to a few dozen bytes\"\n";
    }
  };
  write(-1);
  REQUIRE(std::filesystem::file_size(path) > (1u << 20));
  const auto events = read_events(path.string(), {});
  REQUIRE(events.size() == 30000);
  CHECK(events[0].id == "1");  // no id: the row's number, in either half
  CHECK(events[29995].id == "29996");
  CHECK(events[29999].id == "e29999");
  CHECK(events[29999].provenance.sentence ==
        "seen at 29999\nsaid \"many\" strikes, padding the row to a few dozen bytes");
  // a table of its own is each event's document, and the row's first line its line, in either half
  CHECK(events[0].provenance.document == path.string());
  CHECK(events[0].provenance.line == 3);
  CHECK(events[29999].provenance.line == 3 + 2 * 29999);
  write(25000);  // line 3 is the first row; each row takes two lines
  try {
    read_events(path.string(), {});
    FAIL("expected an error");
  } catch (const InputError& error) {
    CHECK(error.line() == 3 + 2 * 25000);
    CHECK(error.field() == "latitude");
  }
  std::filesystem::remove(path);
}

TEST_CASE("record_boundaries cuts after line ends outside quotes, about every part_bytes", "[csv]") {
  // line ends after bytes 10, 20, 23 (inside quotes), 31, 41 and 51
  const std::string text = "aaaa,bbbb\ncccc,dddd\n\"e\ne\",ffff\ngggg,hhhh\niiii,jjjj\n";
  // the first line end at or past 10, 20 (inside a quoted field until 24), 40, 50 (the end: no cut)
  CHECK(record_boundaries(text, 10, true) == std::vector<std::size_t>{20, 31, 41});
  CHECK(record_boundaries(text, 21, true) == std::vector<std::size_t>{31});
  // unquoted, the break inside the quotes is a line end like any other
  CHECK(record_boundaries(text, 21, false) == std::vector<std::size_t>{23});
  CHECK(record_boundaries(text, 1000, true).empty());
  CHECK(record_boundaries("", 10, true).empty());
  for (std::size_t cut : record_boundaries(text, 7, true)) CHECK(text[cut - 1] == '\n');
}

TEST_CASE("record_parts covers the text in parts cut at record ends; read_parts reports the earliest error",
          "[csv]") {
  const std::string text = "aaaa,bbbb\ncccc,dddd\n\"e\ne\",ffff\ngggg,hhhh\niiii,jjjj\n";
  const auto parts = record_parts(text, 10, true);
  REQUIRE(parts.size() == 4);
  std::string joined;
  for (const auto part : parts) joined += part;
  CHECK(joined == text);
  CHECK(parts[1] == "\"e\ne\",ffff\n");
  CHECK(record_parts(text, 30, true).size() == 1);  // under two parts long: whole
  // the quoted line break counts: the third part starts on line 5
  CHECK(part_first_lines(parts, 1) == std::vector<long>{1, 3, 5, 6, 7});
  CHECK(part_first_lines(parts, 10).front() == 10);
  std::vector<int> read(4, 0);
  bool whole = false;
  read_parts(4, [&](std::size_t k) { ++read[k]; }, [&] { whole = true; });
  CHECK(read == std::vector<int>{1, 1, 1, 1});
  CHECK_FALSE(whole);
  // an error in a later part only: the whole text is read again to find it
  read_parts(
      4, [&](std::size_t k) { if (k == 2) throw InputError("t.csv", 1, "", "bad"); }, [&] { whole = true; });
  CHECK(whole);
  // an error in the first part stands as it is
  whole = false;
  CHECK_THROWS_AS(read_parts(
                      4, [&](std::size_t k) { if (k != 1) throw InputError("t.csv", 1, "", "bad"); },
                      [&] { whole = true; }),
                  InputError);
  CHECK_FALSE(whole);
}

TEST_CASE("scan_records gives views of each record's fields, from the line asked", "[csv]") {
  std::vector<std::vector<std::string>> rows;
  std::vector<long> lines;
  const long end = scan_records("a,\"b\"\"c\"\n\n\"x\ny\",z\r\nlast,", "t.csv", ',', true, 10,
                                [&](long line, RecordFields fields) {
                                  rows.emplace_back(fields.begin(), fields.end());
                                  lines.push_back(line);
                                });
  CHECK(rows == std::vector<std::vector<std::string>>{{"a", "b\"c"}, {"x\ny", "z"}, {"last", ""}});
  CHECK(lines == std::vector<long>{10, 12, 14});
  CHECK(end == 14);
  CHECK(end_of_first_record("\"a\nb\",c\nd\n", true) == 8);
  CHECK(end_of_first_record("no break", true) == 8);
  CHECK_THROWS_AS(checked_table_text("\xEF\xBB\xBF \n", "t.csv"), InputError);
  CHECK(checked_table_text("\xEF\xBB\xBF" "a,b\n", "t.csv") == "a,b\n");
}

namespace {

// WKB of a polygon with one ring, little-endian.
std::vector<unsigned char> polygon_wkb(const std::vector<std::pair<double, double>>& ring) {
  std::vector<unsigned char> out{1, 3, 0, 0, 0, 1, 0, 0, 0};
  auto put = [&](const void* data, std::size_t size) {
    const std::size_t at = out.size();
    out.resize(at + size);
    std::memcpy(out.data() + at, data, size);
  };
  const std::uint32_t count = std::uint32_t(ring.size());
  put(&count, 4);
  for (const auto& [x, y] : ring) {
    put(&x, 8);
    put(&y, 8);
  }
  return out;
}

double signed_area(const nlohmann::json& ring) {
  double twice = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    twice += ring[i][0].get<double>() * ring[i + 1][1].get<double>() - ring[i + 1][0].get<double>() * ring[i][1].get<double>();
  }
  return twice / 2;
}

}  // namespace

// The layer applies RFC 7946 itself: WGS84 longitude/latitude, counterclockwise exteriors, no "crs" member,
// and a polygon across the antimeridian cut in two.
TEST_CASE("GeoJsonLayer writes RFC 7946: lon/lat, right-hand rings, no crs, cut at the antimeridian", "[io][geojson]") {
  const auto path = std::filesystem::temp_directory_path() / "conflictmap_rfc7946.geojson";
  {
    GeoJsonLayer layer(path, "shapes", "EPSG:32660", {{"name", FieldKind::Text}});
    // clockwise in UTM zone 60N, west of the antimeridian
    layer.add(polygon_wkb({{500000, 1000000}, {500000, 1050000}, {550000, 1050000}, {550000, 1000000}, {500000, 1000000}}),
              {std::string("clockwise")});
    // about 800–870 km east: across 180°
    layer.add(polygon_wkb({{800000, 1000000}, {870000, 1000000}, {870000, 1070000}, {800000, 1070000}, {800000, 1000000}}),
              {std::string("across")});
    layer.close();
  }
  std::ifstream in(path);
  const auto collection = nlohmann::json::parse(in);
  CHECK_FALSE(collection.contains("crs"));
  REQUIRE(collection["features"].size() == 2);
  const auto& first = collection["features"][0]["geometry"];
  REQUIRE(first["type"] == "Polygon");
  CHECK(signed_area(first["coordinates"][0]) > 0);
  CHECK(first["coordinates"][0][0][0].get<double>() == Approx(177.0).margin(0.01));
  const auto& across = collection["features"][1]["geometry"];
  REQUIRE(across["type"] == "MultiPolygon");
  CHECK(across["coordinates"].size() == 2);
  for (const auto& polygon : across["coordinates"]) {
    CHECK(signed_area(polygon[0]) > 0);
    for (const auto& position : polygon[0]) CHECK(std::abs(position[0].get<double>()) <= 180.0);
  }
  std::filesystem::remove(path);
}

// A large batch is projected in two halves on two threads; every point must come out as it does alone.
TEST_CASE("CrsTransform projects a large batch as it projects each point", "[io][crs]") {
  const CrsTransform transform("EPSG:32637");
  std::vector<double> x, y;
  for (int i = 0; i < 50001; ++i) {
    x.push_back(35.5 + (i % 1000) * 0.006);
    y.push_back(32.4 + (i / 1000) * 0.09);
  }
  const std::vector<double> lon = x, lat = y;
  transform.forward_in_place(x, y);
  for (std::size_t i : {std::size_t(0), std::size_t(25000), std::size_t(25001), std::size_t(50000)}) {
    const auto [px, py] = transform.forward(lon[i], lat[i]);
    CHECK(x[i] == px);
    CHECK(y[i] == py);
  }
  const auto [bx, by] = transform.inverse(x[40000], y[40000]);
  CHECK(bx == Approx(lon[40000]).margin(1e-9));
  CHECK(by == Approx(lat[40000]).margin(1e-9));
}

TEST_CASE("write_float_cog's overviews hold the mean of the valid cells below each one", "[io][cog]") {
  RasterGrid grid;
  grid.width = 601;  // odd: the last overview column averages one column
  grid.height = 300;
  grid.cell = 100;
  grid.origin_x = 500000;
  grid.origin_y = 4000000;
  grid.crs = "EPSG:32637";
  const float nodata = -1;
  std::vector<float> values(std::size_t(grid.cell_count()));
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = float(i % 97) / 7.0f;
  values[std::size_t(10) * grid.width + 20] = nodata;  // one of a block's four
  for (int r = 40; r < 42; ++r) {
    for (int c = 60; c < 62; ++c) values[std::size_t(r) * grid.width + c] = nodata;  // a whole block
  }
  const auto path = std::filesystem::temp_directory_path() / "conflictmap_overviews.tif";
  write_float_cog(path, grid, values, nodata, "strikes/km²", {});
  GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  REQUIRE(dataset);
  GDALRasterBand* overview = dataset->GetRasterBand(1)->GetOverview(0);
  REQUIRE(overview);
  const int width = overview->GetXSize(), height = overview->GetYSize();
  REQUIRE(width == 301);
  REQUIRE(height == 150);
  std::vector<float> read(std::size_t(width) * height);
  REQUIRE(overview->RasterIO(GF_Read, 0, 0, width, height, read.data(), width, height, GDT_Float32, 0, 0, nullptr) ==
          CE_None);
  std::size_t differing = 0;
  for (int row = 0; row < height; ++row) {
    for (int column = 0; column < width; ++column) {
      double sum = 0;
      int valid = 0;
      for (int r = 2 * row; r < std::min(grid.height, 2 * row + 2); ++r) {
        for (int c = 2 * column; c < std::min(grid.width, 2 * column + 2); ++c) {
          const float v = values[std::size_t(r) * grid.width + c];
          if (v != nodata) {
            sum += v;
            ++valid;
          }
        }
      }
      const float expected = valid ? float(sum / valid) : nodata;
      differing += read[std::size_t(row) * width + column] != expected;
    }
  }
  CHECK(differing == 0);
  CHECK(read[std::size_t(20) * width + 30] == nodata);  // the all-nodata block
  CHECK(read[std::size_t(5) * width + 10] != nodata);   // three valid cells of four
  dataset.reset();
  std::filesystem::remove(path);
}

TEST_CASE("memory_raster lets GDAL work on the caller's cells, georeferenced as the grid", "[io]") {
  RasterGrid grid;
  grid.origin_x = 500000;
  grid.origin_y = 4000000;
  grid.cell = 100;
  grid.width = 3;
  grid.height = 2;
  grid.crs = "EPSG:32637";
  std::vector<float> cells{1, 2, 3, 4, 5, 6};
  {
    GDALDatasetUniquePtr raster = memory_raster(grid, GDT_Float32, cells.data());
    double transform[6];
    REQUIRE(raster->GetGeoTransform(transform) == CE_None);
    CHECK(transform[0] == 500000);
    CHECK(transform[3] == 4000000);
    CHECK(transform[5] == -100);
    CHECK(std::string(raster->GetSpatialRef()->GetAuthorityCode(nullptr)) == "32637");
    float read = 0;
    REQUIRE(raster->GetRasterBand(1)->RasterIO(GF_Read, 2, 1, 1, 1, &read, 1, 1, GDT_Float32, 0, 0, nullptr) == CE_None);
    CHECK(read == 6);
    float two = 2;
    REQUIRE(raster->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 1, 1, &two, 1, 1, GDT_Float32, 0, 0, nullptr) == CE_None);
    CHECK(cells[0] == 2);  // written in place: no copy
    REQUIRE(raster->GetRasterBand(1)->Fill(9) == CE_None);
    raster->FlushCache();
  }
  CHECK(cells == std::vector<float>(6, 9.0f));
  CHECK_THROWS(crs_wkt("EPSG:999999999"));
}

TEST_CASE("a table with lone carriage returns as line ends reads as with line feeds", "[csv]") {
  CHECK(end_of_first_record("a,b\rc,d\r", true) == 4);
  CHECK(end_of_first_record("a,b\r\nc,d\r\n", true) == 5);
  CHECK(end_of_first_record("\"a\rb\",c\rd,e", true) == 8);  // inside quotes a carriage return is text
  const auto parts = record_parts("h1,h2\r1,2\r3,4\r", 4, true);
  std::string joined;
  for (const auto& p : parts) {
    CHECK((p.empty() || p.back() == '\r'));
    joined += p;
  }
  CHECK(joined == "h1,h2\r1,2\r3,4\r");
}
