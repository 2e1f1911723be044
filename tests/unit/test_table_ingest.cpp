// TableIngester streams a table in batches: the same events and rejections, in the same order, whatever the
// batch size and the thread count, from CSV (plain, gzip, CR-only line ends) and OGR sources alike.
#include <catch2/catch.hpp>

#include "embedded_data.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "events/table_ingest.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "io/input_error.hpp"

using namespace conflictmap;

namespace {

const Resolver& resolver() { return testing::syria_resolver(); }

const Lexicon& lexicon() { return testing::embedded_lexicon(); }

std::filesystem::path written(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("conflictmap_ingest_test_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// rows with coordinates, rows the resolver places, and rows that must be rejected, interleaved
std::string table(const char* newline) {
  std::string out = std::string("event_id,event_date,sub_event_type,actor1,location,admin1,latitude,longitude,fatalities") + newline;
  for (int i = 0; i < 40; ++i) {
    if (i % 7 == 3) {
      out += "R" + std::to_string(i) + ",2016-02-30,Air/drone strike,,Saraqib,Idlib,,," + newline;  // no such day
    } else if (i % 5 == 1) {
      out += "R" + std::to_string(i) + ",2016-03-01,Shelling/artillery/missile attack,,Saraqib,Idlib,,,2" + newline;
    } else {
      out += "R" + std::to_string(i) + ",2016-03-01,Air/drone strike,,X,Idlib,35.8,36.7,1" + newline;
    }
  }
  return out;
}

struct Streamed {
  std::vector<std::string> ids;
  std::vector<long> rejected_lines;
  std::size_t batches = 0, rows = 0;
};

Streamed stream(const std::string& source, unsigned threads, std::size_t batch_rows) {
  const TableIngester ingester(resolver(), lexicon());
  Streamed out;
  ingester.ingest(source, TableFormat::Csv, column_map_for(TableFormat::Csv, {{"admin1", "admin1"}}), threads,
                  [&](IngestBatch& batch) {
                    ++out.batches;
                    out.rows += batch.rows;
                    for (const auto& e : batch.events) out.ids.push_back(e.id);
                    for (const auto& r : batch.rejected) out.rejected_lines.push_back(r.line);
                  },
                  batch_rows);
  return out;
}

}  // namespace

TEST_CASE("ingest streams a table in batches with the same events and rejections for any batch size and thread count",
          "[ingest]") {
  const auto path = written("stream.csv", table("\n"));
  const auto whole = stream(path, 1, 1000);
  REQUIRE(whole.batches == 1);
  REQUIRE(whole.rows == 40);
  REQUIRE(whole.rejected_lines.size() == 6);  // rows 3, 10, 17, 24, 31, 38
  CHECK(whole.rejected_lines.front() == 5);   // row 3 is the file's fifth line
  CHECK(whole.ids.size() == 34);
  for (const auto& [threads, batch] : std::vector<std::pair<unsigned, std::size_t>>{{1, 3}, {4, 3}, {4, 7}, {2, 40}}) {
    const auto streamed = stream(path, threads, batch);
    CHECK(streamed.batches == (40 + batch - 1) / batch);
    CHECK(streamed.ids == whole.ids);
    CHECK(streamed.rejected_lines == whole.rejected_lines);
  }
  // the collecting form is the same
  const TableIngester ingester(resolver(), lexicon());
  const auto all = ingester.ingest(path, TableFormat::Csv, column_map_for(TableFormat::Csv, {{"admin1", "admin1"}}));
  REQUIRE(all.events.size() == whole.ids.size());
  CHECK(all.events.back().id == whole.ids.back());
  std::filesystem::remove(path);
}

TEST_CASE("ingest reads CR-only and CRLF line ends as the line ends they are", "[ingest]") {
  const auto lf = written("lf.csv", table("\n"));
  const auto cr = written("cr.csv", table("\r"));
  const auto crlf = written("crlf.csv", table("\r\n"));
  const auto expected = stream(lf, 2, 5);
  for (const auto& path : {cr, crlf}) {
    const auto got = stream(path, 2, 5);
    CHECK(got.ids == expected.ids);
    CHECK(got.rejected_lines == expected.rejected_lines);
  }
  for (const auto& path : {lf, cr, crlf}) std::filesystem::remove(path);
}

TEST_CASE("ingest checks the columns before handing on any batch", "[ingest]") {
  const auto path = written("nodate.csv", "when,sub_event_type,latitude,longitude\n2016-03-01,Air/drone strike,35,36\n");
  const TableIngester ingester(resolver(), lexicon());
  bool called = false;
  CHECK_THROWS_AS(ingester.ingest(path, TableFormat::Csv, column_map_for(TableFormat::Csv, {}), 2,
                                  [&](IngestBatch&) { called = true; }),
                  InputError);
  CHECK_FALSE(called);
  std::filesystem::remove(path);
}

TEST_CASE("ingest reads a gzip CSV as it reads the plain one", "[ingest]") {
  const auto plain = written("zipped.csv", table("\n"));
  const std::string gz = plain.string() + ".gz";
  REQUIRE(std::system(("gzip -c '" + plain.string() + "' > '" + gz + "'").c_str()) == 0);
  const auto expected = stream(plain, 1, 8);
  const auto got = stream(gz, 2, 8);
  CHECK(got.ids.size() == expected.ids.size());
  CHECK(got.rejected_lines == expected.rejected_lines);
  std::filesystem::remove(plain);
  std::filesystem::remove(gz);
}
