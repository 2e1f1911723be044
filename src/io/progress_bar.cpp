#include "io/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace conflictmap {

ProgressBar::ProgressBar(std::string label, std::size_t total)
    : label_(std::move(label)), total_(total), enabled_(::isatty(STDERR_FILENO) == 1 && total > 0) {}

ProgressBar::~ProgressBar() {
  if (enabled_ && last_permille_ >= 0) std::fputc('\n', stderr);
}

void ProgressBar::advance(std::size_t done) {
  if (!enabled_) return;
  const int permille = int(done * 1000 / total_);
  if (permille == last_permille_) return;
  last_permille_ = permille;
  constexpr int width = 40;
  const int filled = permille * width / 1000;
  std::fprintf(stderr, "\r%s [%.*s%*s] %5.1f%% (%zu/%zu)", label_.c_str(), filled,
               "========================================", width - filled, "", permille / 10.0, done, total_);
  std::fflush(stderr);
}

}  // namespace conflictmap
