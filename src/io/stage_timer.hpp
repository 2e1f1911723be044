#pragma once
// Prints how long each stage of a command took, to stderr, when CONFLICTMAP_TIMINGS=1: where the time goes
// on a user's data, without a profiler.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

namespace conflictmap {

class StageTimer {
 public:
  explicit StageTimer(std::string command)
      : command_(std::move(command)), enabled_(std::getenv("CONFLICTMAP_TIMINGS") != nullptr), last_(Clock::now()) {}
  void stage(const char* name) {
    if (!enabled_) return;
    const auto now = Clock::now();
    std::cerr << command_ << " timing: " << name << ' '
              << std::chrono::duration<double, std::milli>(now - last_).count() << " ms\n";
    last_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::string command_;
  bool enabled_;
  Clock::time_point last_;
};

}  // namespace conflictmap
