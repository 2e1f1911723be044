#pragma once
// A hash for short texts (words, names, keys) in the lookup tables resolution runs through on every name:
// eight bytes per step rather than std::hash's byte-oriented mixing, which showed up in profiles of `resolve`.
// Not for anything an adversary chooses the keys of at scale, nor for anything stored: it may change.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace conflictmap {

inline std::uint64_t mix_text_hash(std::uint64_t a, std::uint64_t b) {
  const __uint128_t product = static_cast<__uint128_t>(a ^ 0x2d358dccaa6c78a5ULL) * (b ^ 0x8bb84b93962eacc9ULL);
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

inline std::uint64_t text_hash(std::string_view text) {
  const char* p = text.data();
  std::size_t n = text.size();
  std::uint64_t h = 0x4b33a62ed433d4a3ULL ^ n;
  while (n >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    h = mix_text_hash(h, word);
    p += 8;
    n -= 8;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, p, n);  // the last 0–7 bytes, zero-padded; the length is already in h
  return mix_text_hash(h, tail);
}

// For unordered containers keyed by std::string and looked up by std::string_view without a copy.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return static_cast<std::size_t>(text_hash(text)); }
};

}  // namespace conflictmap
