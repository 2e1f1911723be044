#pragma once
// A stream processed batch by batch in three overlapping stages: while one batch is processed (on every core,
// by the caller's process function), the next is read and the one before is handed to the sink. Reading and
// sinking each run on one thread at a time and in order, so a reader and a writer need no locks; at most three
// batches are held, so memory follows the batch size, not the stream. The sink sees batches in input order.
#include <future>
#include <memory>
#include <optional>

namespace conflictmap {

// `read()` gives the next batch, or nullopt at the end; `process(batch)` turns it into a result; `sink(result)`
// takes results in order. An error of any stage is rethrown here once the stages still running have finished.
// With `overlap` false the three stages take turns on the calling thread: a run asked to use one core uses one.
template <typename Read, typename Process, typename Sink>
void run_batch_pipeline(Read read, Process process, Sink sink, bool overlap = true) {
  using Batch = typename std::invoke_result_t<Read&>::value_type;
  using Result = std::invoke_result_t<Process&, Batch&>;
  if (!overlap) {
    while (std::optional<Batch> batch = read()) {
      Result result = process(*batch);
      sink(result);
    }
    return;
  }
  std::future<void> sinking;
  // `read` is called where it is, never copied: a reader keeps its place between batches
  auto read_next = [&read] { return read(); };
  std::future<std::optional<Batch>> next = std::async(std::launch::async, read_next);
  try {
    while (true) {
      std::optional<Batch> current = next.get();
      if (!current) break;
      next = std::async(std::launch::async, read_next);
      auto result = std::make_shared<Result>(process(*current));
      if (sinking.valid()) sinking.get();
      sinking = std::async(std::launch::async, [&sink, result] { sink(*result); });
    }
    if (sinking.valid()) sinking.get();
  } catch (...) {
    // the stages still running finish (their own errors dropped) before what they use goes
    if (next.valid()) next.wait();
    if (sinking.valid()) sinking.wait();
    throw;
  }
}

}  // namespace conflictmap
