#pragma once
// A small hash map from words to values for the pipeline's hot look-ups: the
// hash is cheap on short strings and may be computed once per token and reused
// against several maps.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annals {

// A hash of `s` for WordMap; equal strings hash equal.
inline std::uint64_t word_hash(std::string_view s) {
  // Eight bytes at a time, each step a multiply and a rotate (in the manner of
  // wyhash/FxHash): words are short, so this beats a byte loop and std::hash.
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = s.size() * kMul;
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (std::rotl(h, 5) ^ w) * kMul;
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (std::rotl(h, 5) ^ w) * kMul;
  }
  return h ^ (h >> 29);
}

// Open addressing with linear probing; keys are owned copies. Insertion of an
// existing key leaves the first value.
template <class V>
class WordMap {
 public:
  WordMap() = default;

  // The value for `key`, inserted as `value` when absent.
  V& insert(std::string_view key, V value = V{}) {
    if ((items_.size() + 1) * 2 > slots_.size()) grow();
    const std::uint64_t h = word_hash(key);
    std::size_t i = h & (slots_.size() - 1);
    for (; slots_[i] != kEmpty; i = (i + 1) & (slots_.size() - 1))
      if (hashes_[slots_[i]] == h && items_[slots_[i]].first == key) return items_[slots_[i]].second;
    slots_[i] = std::uint32_t(items_.size());
    hashes_.push_back(h);
    items_.emplace_back(std::string(key), std::move(value));
    return items_.back().second;
  }

  // The value for `key` whose word_hash is `hash`, or nullptr.
  const V* find(std::string_view key, std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & (slots_.size() - 1); slots_[i] != kEmpty; i = (i + 1) & (slots_.size() - 1)) {
      const std::uint32_t k = slots_[i];
      if (hashes_[k] == hash && items_[k].first == key) return &items_[k].second;
    }
    return nullptr;
  }
  const V* find(std::string_view key) const { return find(key, word_hash(key)); }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  std::size_t size() const { return items_.size(); }
  // Entries in insertion order.
  const std::vector<std::pair<std::string, V>>& items() const { return items_; }
  std::vector<std::pair<std::string, V>>& items() { return items_; }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  std::vector<std::uint32_t> slots_;  // index into items_, or kEmpty
  std::vector<std::uint64_t> hashes_;
  std::vector<std::pair<std::string, V>> items_;

  void grow() {
    std::vector<std::uint32_t> slots(slots_.empty() ? 16 : slots_.size() * 2, kEmpty);
    for (std::uint32_t k = 0; k < items_.size(); ++k) {
      std::size_t i = hashes_[k] & (slots.size() - 1);
      while (slots[i] != kEmpty) i = (i + 1) & (slots.size() - 1);
      slots[i] = k;
    }
    slots_ = std::move(slots);
  }
};

// A set of words; `count` mirrors std::set so call sites read alike.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    for (auto w : words) map_.insert(w, true);
  }
  std::size_t count(std::string_view w) const { return map_.find(w) ? 1 : 0; }
  bool contains(std::string_view w) const { return map_.find(w) != nullptr; }
  // The same for `w` whose word_hash is `hash`.
  bool contains(std::string_view w, std::uint64_t hash) const { return map_.find(w, hash) != nullptr; }

 private:
  WordMap<bool> map_;
};

}  // namespace annals
