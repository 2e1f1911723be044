#pragma once
// A bounded memory of a pure function's answers, keyed by text: names and words recur endlessly in reports and
// tables, and remembering an answer changes nothing but the time it takes. Meant to live in a thread_local, so
// no lock is needed; `owner` (a resolver's or an index's serial) keeps the answers of one gazetteer from
// serving another.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/text_hash.hpp"

namespace conflictmap {

template <typename Value>
class AnswerMemory {
 public:
  explicit AnswerMemory(std::size_t capacity) : capacity_(capacity) {}

  // The answer to `key` for `owner`, from `compute()` the first time. A full memory starts afresh rather than
  // tracking recency: the bookkeeping would cost more than the occasional recomputation. The reference stays
  // valid until the next call.
  template <typename Compute>
  const Value& get(std::uint64_t owner, std::string_view key, Compute&& compute) {
    if (owner != owner_) {
      owner_ = owner;
      answers_.clear();
    }
    if (const auto it = answers_.find(key); it != answers_.end()) return it->second;
    Value answer = compute();
    if (answers_.size() >= capacity_) answers_.clear();
    return answers_.emplace(std::string(key), std::move(answer)).first->second;
  }

 private:
  using KeyHash = TextHash;
  std::size_t capacity_;
  std::uint64_t owner_ = 0;
  std::unordered_map<std::string, Value, KeyHash, std::equal_to<>> answers_;
};

}  // namespace conflictmap
