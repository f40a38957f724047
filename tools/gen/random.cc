#include "random.h"

#include <algorithm>

namespace annals::gen {

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t z = a + 0x9E3779B97F4A7C15ull * (b + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b, std::uint64_t c) { return mix(mix(a, b), c); }

std::uint64_t mix(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
  return mix(mix(mix(a, b), c), d);
}

std::uint64_t hash_of(std::string_view text) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (const char ch : text) {
    h ^= static_cast<unsigned char>(ch);
    h *= 0x100000001B3ull;
  }
  return h;
}

std::uint64_t Rng::below(std::uint64_t n) {
  // The largest multiple of n that fits: values at or above it would favour
  // small results, so they are drawn again.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return x % n;
}

int Rng::between(int lo, int hi) {
  return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
}

double Rng::unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

std::size_t Rng::weighted(const std::vector<double>& weights) {
  double total = 0;
  for (const double w : weights) total += w;
  double x = unit() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;  // rounding at the very top
}

std::size_t Rng::by_cumulative(const std::vector<double>& cumulative) {
  const double x = unit() * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
  return std::min<std::size_t>(it - cumulative.begin(), cumulative.size() - 1);
}

}  // namespace annals::gen
