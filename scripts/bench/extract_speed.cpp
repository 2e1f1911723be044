// Extraction speed: the five bundled reports repeated to a few MB, extracted on one core. Prints MB/s and
// events/s (the best of three passes), and, as the peer measured in the same run, `grep` counting trigger words over the same text.
// Usage: build/bench_extract_speed [MEGABYTES]   (default 5)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "events/event_extractor.hpp"
#include "gazetteer/gazetteer_files.hpp"

using namespace conflictmap;

int main(int argc, char** argv) {
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 5.0;
  const std::filesystem::path folder = std::filesystem::path(CONFLICTMAP_SOURCE_DIR) / "tests/data/sample/reports";
  std::vector<std::pair<std::string, std::string>> reports;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    reports.emplace_back(entry.path().filename().string(), text.str());
  }
  std::sort(reports.begin(), reports.end());
  const Gazetteer gazetteer = load_gazetteer(default_gazetteer_folder());
  const Resolver resolver(gazetteer);
  const Lexicon lexicon = Lexicon::load(default_lexicon_folder());
  const EventExtractor extractor(resolver, lexicon);

  // The best of three passes, each over the whole input: on a shared machine the slower passes measure the
  // neighbours. Every pass extracts the same reports, so each finds the same events.
  std::size_t bytes = 0, events = 0, documents = 0;
  std::string all;  // the same text, for the peer
  while (all.size() < megabytes * 1e6) {
    for (const auto& [name, text] : reports) all += text;
  }
  double seconds = 1e9;
  std::vector<double> passes;
  for (int pass = 0; pass < 3; ++pass) {
    bytes = events = documents = 0;
    const auto start = std::chrono::steady_clock::now();
    while (bytes < megabytes * 1e6) {
      for (const auto& [name, text] : reports) {
        const auto doc = split_report(name, text, lexicon);
        events += extractor.extract(doc).events.size();
        bytes += text.size();
        ++documents;
      }
    }
    passes.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    seconds = std::min(seconds, passes.back());
  }

  // the peer: grep counting lines with a trigger word, over the same bytes
  const auto path = std::filesystem::temp_directory_path() / "conflictmap_bench_reports.txt";
  std::ofstream(path, std::ios::binary) << all;
  const auto peer_start = std::chrono::steady_clock::now();
  const std::string command = "grep -ciE 'control|strike|raid|shelling|clash|سيطر|غار|قصف|اشتباك' " + path.string() + " > /dev/null";
  const int status = std::system(command.c_str());
  const double peer_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - peer_start).count();
  std::filesystem::remove(path);

  const double mb = static_cast<double>(bytes) / 1e6;
  std::cout << fmt::format("extract: {:.1f} MB in {} reports, {} events in {:.2f} s on one core (best of passes of {:.2f}, {:.2f}, {:.2f} s)\n",
                           mb, documents, events, seconds, passes[0], passes[1], passes[2]);
  std::cout << fmt::format("         {:.2f} MB/s, {:.0f} events/s   (bar: >= 5 MB/s per core)\n", mb / seconds,
                           static_cast<double>(events) / seconds);
  if (status == 0 || status == 256) {
    std::cout << fmt::format("peer: grep -ciE over the same text: {:.0f} MB/s; extraction is {:.0f}x slower than matching words\n",
                             mb / peer_seconds, (mb / peer_seconds) / (mb / seconds));
  }
  return 0;
}
