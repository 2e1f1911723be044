#pragma once
// A one-line progress bar on stderr, drawn only when stderr is a terminal (logs and pipes stay clean).
#include <cstddef>
#include <string>

namespace conflictmap {

class ProgressBar {
 public:
  ProgressBar(std::string label, std::size_t total);
  ~ProgressBar();
  void advance(std::size_t done);  // absolute count

 private:
  std::string label_;
  std::size_t total_;
  bool enabled_;
  int last_permille_ = -1;
};

}  // namespace conflictmap
