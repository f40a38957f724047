#pragma once
// Deterministic randomness for the corpus generator. std::mt19937_64 is fixed by
// the standard but its distributions are not (libstdc++ and libc++ differ), so
// every draw here goes through distributions written out below.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>
#include <string_view>
#include <vector>

namespace annals::gen {

// A well-spread 64-bit value for the pair (a, b), the same on every platform
// (splitmix64's finaliser over a + golden-ratio multiple of b).
std::uint64_t mix(std::uint64_t a, std::uint64_t b);
// mix() over several values, left to right.
std::uint64_t mix(std::uint64_t a, std::uint64_t b, std::uint64_t c);
std::uint64_t mix(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d);
// FNV-1a of `text`: a stable key for codes and names.
std::uint64_t hash_of(std::string_view text);

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next() { return engine_(); }
  // Uniform in [0, n); n must be positive. Rejection sampling, so no modulo bias.
  std::uint64_t below(std::uint64_t n);
  // Uniform in [lo, hi], both included.
  int between(int lo, int hi);
  // Uniform in [0, 1), 53 random bits.
  double unit();
  // True with probability `p`.
  bool chance(double p) { return unit() < p; }
  // An index drawn in proportion to `weights` (non-negative, not all zero).
  std::size_t weighted(const std::vector<double>& weights);
  // An index drawn by a running total of weights (ascending, last > 0).
  std::size_t by_cumulative(const std::vector<double>& cumulative);

  // A uniformly chosen element of a non-empty array or container.
  template <class C>
  const auto& pick(const C& items) {
    return items[below(std::size(items))];
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace annals::gen
