#pragma once
// Work split over threads, with errors kept in order: worker 0 runs on the calling thread, every worker finishes,
// and then the error of the lowest-numbered worker that failed is rethrown. When each worker takes a run of the
// input in order, that is the error a single pass would have met first.
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

}  // namespace conflictmap
