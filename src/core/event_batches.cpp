#include "core/event_batches.hpp"

namespace conflictmap {

std::vector<Event> EventBatches::joined() && {
  if (batches_.empty()) return {};
  std::vector<Event> events = std::move(batches_.front());
  events.reserve(size_);
  for (std::size_t b = 1; b < batches_.size(); ++b) {
    for (Event& event : batches_[b]) events.push_back(std::move(event));
  }
  batches_.clear();
  size_ = 0;
  return events;
}

}  // namespace conflictmap
