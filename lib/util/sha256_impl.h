#pragma once
// The two SHA-256 block functions behind sha256_hex, exposed so tests can check
// that they agree. Not part of the API.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace annals::sha256_detail {

// FIPS 180-4 round constants K0..K63.
extern const std::uint32_t kRound[64];

// Folds `blocks` consecutive 64-byte blocks starting at `data` into `state` (H0..H7).
using CompressFn = void (*)(std::uint32_t* state, const unsigned char* data, std::size_t blocks);

// Portable C++ block function; always available.
void compress_scalar(std::uint32_t* state, const unsigned char* data, std::size_t blocks);

// True when this CPU runs the SHA extensions (and SSSE3/SSE4.1) that
// compress_shani needs. Always false off x86, and under valgrind, whose
// CPUID hides SHA because it cannot execute those instructions.
bool shani_available();

// Block function using the x86 SHA extensions; call only if shani_available().
void compress_shani(std::uint32_t* state, const unsigned char* data, std::size_t blocks);

// The block function sha256_hex uses: compress_shani if shani_available()
// (asked once per process), else compress_scalar.
CompressFn chosen_compress();

// Lowercase hex SHA-256 of `bytes`, computed with `compress`.
std::string sha256_hex_with(std::string_view bytes, CompressFn compress);

}  // namespace annals::sha256_detail
