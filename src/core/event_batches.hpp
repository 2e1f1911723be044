#pragma once
// Events kept in the batches they were read in: the halves of a large file, read on two threads, and one
// source after another. Joining them into one vector moved every event of the later batches once more, on one
// core, for as long as it took to read a sixth of them. Iteration visits the events in reading order, and an
// event never moves once its batch is added, so pointers to events stay valid.
#include <cstddef>
#include <iterator>
#include <vector>

#include "core/event.hpp"

namespace conflictmap {

class EventBatches {
 public:
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Event;
    using difference_type = std::ptrdiff_t;
    using pointer = const Event*;
    using reference = const Event&;

    const_iterator() = default;
    const_iterator(const std::vector<std::vector<Event>>* batches, std::size_t batch, std::size_t index)
        : batches_(batches), batch_(batch), index_(index) {}
    reference operator*() const { return (*batches_)[batch_][index_]; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      if (++index_ == (*batches_)[batch_].size()) {
        ++batch_;
        index_ = 0;
      }
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const const_iterator& other) const { return batch_ == other.batch_ && index_ == other.index_; }

   private:
    const std::vector<std::vector<Event>>* batches_ = nullptr;
    std::size_t batch_ = 0, index_ = 0;
  };

  // Empty batches are left out, so that every batch an iterator stands in holds its index.
  void add(std::vector<Event> batch) {
    if (batch.empty()) return;
    size_ += batch.size();
    batches_.push_back(std::move(batch));
  }
  void add(EventBatches more) {
    for (auto& batch : more.batches_) add(std::move(batch));
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::size_t batch_count() const { return batches_.size(); }
  const std::vector<Event>& batch(std::size_t index) const { return batches_[index]; }
  const_iterator begin() const { return {&batches_, 0, 0}; }
  const_iterator end() const { return {&batches_, batches_.size(), 0}; }
  // One vector, for callers that want one: the events of every later batch move once.
  std::vector<Event> joined() &&;

 private:
  std::vector<std::vector<Event>> batches_;
  std::size_t size_ = 0;
};

}  // namespace conflictmap
