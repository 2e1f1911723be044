#pragma once
// Work split over threads, with errors kept in order: worker 0 runs on the calling thread, every worker finishes,
// and then the error of the lowest-numbered worker that failed is rethrown. When each worker takes a run of the
// input in order, that is the error a single pass would have met first.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace conflictmap {

template <typename Work>
void run_on_threads(unsigned workers, Work work) {
  if (workers == 0) return;
  std::vector<std::exception_ptr> errors(workers);
  auto guarded = [&](unsigned worker) {
    try {
      work(worker);
    } catch (...) {
      errors[worker] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned worker = 1; worker < workers; ++worker) {
    try {
      threads.emplace_back(guarded, worker);
    } catch (const std::system_error&) {
      guarded(worker);  // no thread to be had: the work is done here instead
    }
  }
  guarded(0);
  for (auto& thread : threads) thread.join();
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

// Items 0 … count-1 taken one at a time by whichever of up to `workers` threads is free, for work whose items
// differ in cost. Which thread takes an item must not matter to the result; errors are kept as run_on_threads
// keeps them, by worker.
template <typename Item>
void run_items_on_threads(std::size_t count, unsigned workers, Item item) {
  std::atomic<std::size_t> next{0};
  run_on_threads(unsigned(std::min<std::size_t>(count, workers)), [&](unsigned) {
    for (std::size_t i = next++; i < count; i = next++) item(i);
  });
}

// The indexes 0 … count-1 in ranges of `block` (the last one shorter), each range(begin, end) taken as an item.
template <typename Range>
void run_ranges_on_threads(std::size_t count, std::size_t block, unsigned workers, Range range) {
  block = std::max<std::size_t>(block, 1);
  run_items_on_threads((count + block - 1) / block, workers, [&](std::size_t b) {
    range(b * block, std::min(count, (b + 1) * block));
  });
}

// The cores there are to run on: never 0, even where the standard library cannot tell.
inline unsigned available_cores() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace conflictmap
