#pragma once
// Open-addressing hash map from a 64-bit key to a 32-bit index: one flat array,
// linear probing, no per-entry allocation. Keys are never erased (series and
// aggregate blocks live as long as the engine), which keeps probing simple.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mandate::core::analytics {

class FlatMap {
 public:
  static constexpr std::uint32_t kMissing = 0xffff'ffffu;

  std::uint32_t find(std::uint64_t key) const {
    if (slots_.empty())
      return kMissing;
    for (std::size_t i = hash(key) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value == kMissing)
        return kMissing;
      if (s.key == key)
        return s.value;
    }
  }

  // Asks the processor to fetch the slot where the search for key starts, so
  // that a batch of lookups waits for memory once, not once per key.
  void prefetch(std::uint64_t key) const {
    if (!slots_.empty())
      __builtin_prefetch(&slots_[hash(key) & mask_]);
  }

  // Inserts key -> value unless the key is present; returns the stored value.
  std::uint32_t insert(std::uint64_t key, std::uint32_t value) {
    if ((size_ + 1) * 8 > slots_.size() * 7)
      grow();
    for (std::size_t i = hash(key) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.value == kMissing) {
        s = Slot{key, value};
        ++size_;
        return value;
      }
      if (s.key == key)
        return s.value;
    }
  }

  void reserve(std::size_t n) {
    while (n * 8 > slots_.size() * 7)
      grow();
  }
  void clear() {
    slots_.clear();
    size_ = 0;
    mask_ = 0;
  }
  std::size_t size() const { return size_; }
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = kMissing;
  };

  static std::size_t hash(std::uint64_t k) {
    // A strong 64-bit mix (murmur3 finalizer): packed ids differ in few bits.
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return static_cast<std::size_t>(k);
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.value != kMissing)
        insert(s.key, s.value);
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
};

}  // namespace mandate::core::analytics
