#pragma once
// An immutable map from text keys to runs of values, laid out flat: one open-addressed slot array holding each
// key's hash, and one pool each for the key bytes and the values. A lookup costs a probe, a key check and the
// values themselves, three reads from memory; a node-based hash map costs twice that, and the name index
// makes several lookups per name resolved.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/text_hash.hpp"

namespace conflictmap {

template <typename Value>
class FlatTextMap {
 public:
  FlatTextMap() = default;

  // From any map of text to a sequence of values (an unordered_map<std::string, std::vector<Value>>, say).
  // Each key keeps its values in their order; keys without values are left out.
  template <typename GroupedMap>
  explicit FlatTextMap(const GroupedMap& grouped) {
    std::size_t capacity = 16;
    while (capacity < grouped.size() * 2) capacity *= 2;  // at most half full: probes stay short
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const auto& [key, values] : grouped) {
      if (values.empty()) continue;
      if (key.size() > UINT32_MAX || keys_.size() + key.size() > UINT32_MAX || values_.size() + values.size() > UINT32_MAX) {
        throw std::length_error("FlatTextMap: more than 4 GiB of keys or 4G values");
      }
      const std::uint64_t hash = text_hash(key);
      std::size_t at = hash & mask_;
      while (slots_[at].values_size != 0) at = (at + 1) & mask_;
      Slot& slot = slots_[at];
      slot.hash = hash;
      slot.key_begin = static_cast<std::uint32_t>(keys_.size());
      slot.key_size = static_cast<std::uint32_t>(key.size());
      slot.values_begin = static_cast<std::uint32_t>(values_.size());
      slot.values_size = static_cast<std::uint32_t>(values.size());
      keys_.append(key);
      values_.insert(values_.end(), values.begin(), values.end());
      ++size_;
    }
  }

  // From (key, value) pairs, such as a constexpr table of words or a name index's (spelling, entry) list: each
  // key's values in the pairs' order. Keys are grouped in the slot array itself, so building costs a probe per
  // pair and no allocation per key (a node map of vectors made the name index's start-up mostly malloc).
  template <typename Pairs>
  static FlatTextMap from_pairs(const Pairs& pairs) {
    FlatTextMap map;
    const std::size_t count = std::size(pairs);
    std::size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    map.slots_.assign(capacity, Slot{});
    map.mask_ = capacity - 1;
    // first pass: each pair's slot, and each key's count in values_size
    std::vector<std::uint32_t> slot_of;
    slot_of.reserve(count);
    std::vector<std::uint32_t> key_order;  // slots in the order their keys first appear
    for (const auto& [key_like, value] : pairs) {
      const std::string_view key(key_like);
      if (key.size() > UINT32_MAX || map.keys_.size() + key.size() > UINT32_MAX || count > UINT32_MAX) {
        throw std::length_error("FlatTextMap: more than 4 GiB of keys or 4G values");
      }
      const std::uint64_t hash = text_hash(key);
      std::size_t at = hash & map.mask_;
      for (;; at = (at + 1) & map.mask_) {
        Slot& slot = map.slots_[at];
        if (slot.values_size == 0) {
          slot.hash = hash;
          slot.key_begin = static_cast<std::uint32_t>(map.keys_.size());
          slot.key_size = static_cast<std::uint32_t>(key.size());
          map.keys_.append(key);
          key_order.push_back(static_cast<std::uint32_t>(at));
          break;
        }
        if (slot.hash == hash && std::string_view(map.keys_.data() + slot.key_begin, slot.key_size) == key) break;
      }
      ++map.slots_[at].values_size;
      slot_of.push_back(static_cast<std::uint32_t>(at));
    }
    // second pass: runs laid out in first-appearance order, then filled in the pairs' order
    std::uint32_t next = 0;
    for (const auto at : key_order) {
      map.slots_[at].values_begin = next;
      next += map.slots_[at].values_size;
    }
    map.values_.resize(count);
    std::vector<std::uint32_t> filled(capacity, 0);
    std::size_t i = 0;
    for (const auto& pair : pairs) {
      const auto at = slot_of[i++];
      map.values_[map.slots_[at].values_begin + filled[at]++] = pair.second;
    }
    map.size_ = key_order.size();
    return map;
  }

  // Orders each key's values by `less`, for indexes whose runs are read in an order of their own.
  template <typename Less>
  void sort_each_run(Less less) {
    for (const Slot& slot : slots_) {
      if (slot.values_size == 0) continue;
      const auto begin = values_.begin() + slot.values_begin;
      std::sort(begin, begin + slot.values_size, less);
    }
  }

  // The values of `key`, empty when it is absent. `hash` must be text_hash(key).
  std::span<const Value> find(std::string_view key, std::uint64_t hash) const {
    if (slots_.empty()) return {};
    for (std::size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.values_size == 0) return {};
      if (slot.hash == hash && std::string_view(keys_.data() + slot.key_begin, slot.key_size) == key) {
        return {values_.data() + slot.values_begin, slot.values_size};
      }
    }
  }
  std::span<const Value> find(std::string_view key) const { return find(key, text_hash(key)); }
  bool contains(std::string_view key) const { return !find(key).empty(); }
  // The first value of `key`, for maps with one value per key.
  std::optional<Value> first(std::string_view key) const {
    const auto found = find(key);
    if (found.empty()) return std::nullopt;
    return found.front();
  }

  // Starts reading the slot of a key about to be looked up, so that several lookups wait for memory together.
  void prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask_]);
  }

  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key_begin = 0;
    std::uint32_t key_size = 0;
    std::uint32_t values_begin = 0;
    std::uint32_t values_size = 0;  // 0: an empty slot (every stored key has values)
  };
  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<Value> values_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace conflictmap
