#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/parallel.hpp"

using namespace conflictmap;

TEST_CASE("run_on_threads runs every worker once, the first on the calling thread", "[parallel]") {
  std::vector<int> runs(5, 0);
  const auto caller = std::this_thread::get_id();
  std::thread::id first;
  run_on_threads(5, [&](unsigned worker) {
    ++runs[worker];
    if (worker == 0) first = std::this_thread::get_id();
  });
  CHECK(runs == std::vector<int>(5, 1));
  CHECK(first == caller);
  int none = 0;
  run_on_threads(0, [&](unsigned) { ++none; });
  CHECK(none == 0);
}

TEST_CASE("run_on_threads lets every worker finish, then rethrows the lowest worker's error", "[parallel]") {
  std::atomic<int> finished{0};
  try {
    run_on_threads(4, [&](unsigned worker) {
      if (worker == 3) throw std::runtime_error("third");
      if (worker == 1) throw std::runtime_error("first");
      ++finished;
    });
    FAIL("expected an error");
  } catch (const std::runtime_error& error) {
    CHECK(std::string(error.what()) == "first");
  }
  CHECK(finished == 2);
}

TEST_CASE("run_items_on_threads runs every item once, whatever the number of threads", "[parallel]") {
  for (unsigned workers : {1u, 2u, 5u, 40u}) {
    std::vector<std::atomic<int>> runs(23);
    run_items_on_threads(runs.size(), workers, [&](std::size_t i) { ++runs[i]; });
    int total = 0;
    for (auto& count : runs) {
      CHECK(count == 1);
      total += count;
    }
    CHECK(total == 23);
  }
  int none = 0;
  run_items_on_threads(0, 4, [&](std::size_t) { ++none; });
  CHECK(none == 0);
}

TEST_CASE("run_ranges_on_threads covers every index once, in ranges of the block size", "[parallel]") {
  for (unsigned workers : {1u, 3u}) {
    std::vector<std::atomic<int>> runs(23);
    std::atomic<int> ranges{0}, short_ranges{0};
    run_ranges_on_threads(runs.size(), 5, workers, [&](std::size_t begin, std::size_t end) {
      ++ranges;
      if (end - begin != 5) ++short_ranges;
      CHECK(begin % 5 == 0);
      for (std::size_t i = begin; i < end; ++i) ++runs[i];
    });
    for (auto& count : runs) CHECK(count == 1);
    CHECK(ranges == 5);        // 5 + 5 + 5 + 5 + 3
    CHECK(short_ranges == 1);
  }
  int none = 0;
  run_ranges_on_threads(0, 8, 2, [&](std::size_t, std::size_t) { ++none; });
  CHECK(none == 0);
  CHECK(available_cores() >= 1);
}
