// run_batch_pipeline: batches reach the sink in order, every one of them, and an error of any stage comes back
// to the caller once the others have stopped.
#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/batch_pipeline.hpp"

#include <set>

using namespace conflictmap;

namespace {
// a reader of the numbers 0 … count-1 in batches of three
struct Counter {
  int next = 0, count = 0;
  std::optional<std::vector<int>> operator()() {
    if (next >= count) return std::nullopt;
    std::vector<int> batch;
    for (int k = 0; k < 3 && next < count; ++k) batch.push_back(next++);
    return batch;
  }
};
}  // namespace

TEST_CASE("run_batch_pipeline hands every processed batch to the sink in input order", "[pipeline]") {
  std::vector<int> seen;
  std::vector<std::thread::id> sink_threads;
  run_batch_pipeline(Counter{0, 100},
                     [](std::vector<int>& batch) {
                       // later batches finish sooner: the order must not follow the finishing order
                       std::this_thread::sleep_for(std::chrono::microseconds(200 - 2 * batch.front()));
                       for (auto& v : batch) v *= 10;
                       return batch;
                     },
                     [&](std::vector<int>& result) { seen.insert(seen.end(), result.begin(), result.end()); });
  REQUIRE(seen.size() == 100);
  for (int i = 0; i < 100; ++i) CHECK(seen[i] == 10 * i);
  // an empty stream calls nothing
  int calls = 0;
  run_batch_pipeline(Counter{0, 0}, [&](std::vector<int>& b) { ++calls; return b; }, [&](std::vector<int>&) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("run_batch_pipeline rethrows the error of any stage", "[pipeline]") {
  auto failing_read = [n = 0]() mutable -> std::optional<std::vector<int>> {
    if (++n == 3) throw std::runtime_error("damaged at batch 3");
    return std::vector<int>{n};
  };
  CHECK_THROWS_WITH(run_batch_pipeline(failing_read, [](std::vector<int>& b) { return b; }, [](std::vector<int>&) {}),
                    "damaged at batch 3");
  CHECK_THROWS_WITH(run_batch_pipeline(Counter{0, 30},
                                       [](std::vector<int>& b) {
                                         if (b.front() == 9) throw std::runtime_error("bad row 9");
                                         return b;
                                       },
                                       [](std::vector<int>&) {}),
                    "bad row 9");
  int sunk = 0;
  CHECK_THROWS_WITH(run_batch_pipeline(Counter{0, 30}, [](std::vector<int>& b) { return b; },
                                       [&](std::vector<int>&) {
                                         if (++sunk == 2) throw std::runtime_error("disk full");
                                       }),
                    "disk full");
}

TEST_CASE("run_batch_pipeline without overlap runs every stage in turn on the calling thread", "[pipeline]") {
  std::vector<int> seen;
  std::set<std::thread::id> threads;
  const auto here = std::this_thread::get_id();
  run_batch_pipeline(Counter{0, 50},
                     [&](std::vector<int>& batch) {
                       threads.insert(std::this_thread::get_id());
                       for (auto& v : batch) v += 1;
                       return batch;
                     },
                     [&](std::vector<int>& result) {
                       threads.insert(std::this_thread::get_id());
                       seen.insert(seen.end(), result.begin(), result.end());
                     },
                     false);
  REQUIRE(seen.size() == 50);
  for (int i = 0; i < 50; ++i) CHECK(seen[i] == i + 1);
  CHECK(threads == std::set<std::thread::id>{here});
}
