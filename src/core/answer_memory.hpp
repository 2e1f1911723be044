#pragma once
// A bounded memory of a pure function's answers, keyed by text: names and words recur endlessly in reports and
// tables, and remembering an answer changes nothing but the time it takes. Meant to live in a thread_local, so
// no lock is needed; `owner` (a resolver's or an index's serial) keeps the answers of one gazetteer from
// serving another.
//
// Laid out flat: a fixed array of slots, each key looked for in a short window of slots from its hash. A new
// answer takes a free slot of its window, or else replaces the one at the hash's own position. No node is
// allocated per answer, and a lookup reads one or two cache lines.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text_hash.hpp"

namespace conflictmap {

template <typename Value>
class AnswerMemory {
 public:
  // Room for at least `capacity` answers (rounded up to a power of two).
  explicit AnswerMemory(std::size_t capacity) {
    std::size_t size = 4;
    while (size < capacity) size *= 2;
    slots_.resize(size);
    mask_ = size - 1;
  }

  // The answer to `key` for `owner`, from `compute()` when it is not remembered. The reference stays valid
  // until the next call.
  template <typename Compute>
  const Value& get(std::uint64_t owner, std::string_view key, Compute&& compute) {
    if (owner != owner_) {
      owner_ = owner;
      for (auto& slot : slots_) slot.used = false;
    }
    const std::uint64_t hash = text_hash(key);
    const std::size_t home = hash & mask_;
    const std::size_t window = std::min(kWindow, slots_.size());
    Slot* free_slot = nullptr;
    for (std::size_t probe = 0; probe < window; ++probe) {
      Slot& slot = slots_[(home + probe) & mask_];
      if (!slot.used) {
        free_slot = &slot;
        break;
      }
      if (slot.hash == hash && slot.key == key) return slot.value;
    }
    Value answer = compute();
    Slot& target = free_slot ? *free_slot : slots_[home];
    target.used = true;
    target.hash = hash;
    target.key.assign(key);
    target.value = std::move(answer);
    return target.value;
  }

 private:
  static constexpr std::size_t kWindow = 4;
  struct Slot {
    std::uint64_t hash = 0;
    bool used = false;
    std::string key;
    Value value{};
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::uint64_t owner_ = 0;
};

}  // namespace conflictmap
