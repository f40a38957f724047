// SHA-256 blocks with the x86 SHA extensions. The functions carry their own
// target attribute so the rest of the build keeps the baseline instruction
// set; sha256.cc calls them only after shani_available() said yes.

#include "util/sha256_impl.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace annals::sha256_detail {

#if defined(__x86_64__) || defined(__i386__)

namespace {

// Four rounds: sha256rnds2 does two, with the K+W pair in the low half.
__attribute__((target("sha,sse4.1"))) inline void four_rounds(__m128i& abef, __m128i& cdgh, __m128i w,
                                                               const std::uint32_t* k) {
  const __m128i kw = _mm_add_epi32(w, _mm_loadu_si128(reinterpret_cast<const __m128i*>(k)));
  cdgh = _mm_sha256rnds2_epu32(cdgh, abef, kw);
  abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(kw, 0x0e));
}

// W[t..t+3] from w0 = W[t-16..t-13], w1 = W[t-12..t-9], w2 = W[t-8..t-5],
// w3 = W[t-4..t-1]: msg1 adds sigma0, the middle add brings W[t-7..t-4],
// msg2 adds sigma1 of the words just before (computed in order).
__attribute__((target("sha,sse4.1"))) inline __m128i next_words(__m128i w0, __m128i w1, __m128i w2,
                                                                 __m128i w3) {
  const __m128i x = _mm_add_epi32(_mm_sha256msg1_epu32(w0, w1), _mm_alignr_epi8(w3, w2, 4));
  return _mm_sha256msg2_epu32(x, w3);
}

__attribute__((target("sha,sse4.1"))) inline __m128i load_words(const unsigned char* p) {
  // Byte order within each 32-bit word reversed: the message is big-endian.
  const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  return _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), swap);
}

}  // namespace

bool shani_available() {
  // cpuid rather than __builtin_cpu_supports("sha"): the same check in every
  // compiler, and it also asks for the SSSE3/SSE4.1 shuffles used alongside.
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
  const bool sse = (c >> 9 & 1) && (c >> 19 & 1);  // SSSE3, SSE4.1
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
  return sse && (b >> 29 & 1);  // SHA
}

__attribute__((target("sha,sse4.1"))) void compress_shani(std::uint32_t* state, const unsigned char* data,
                                                           std::size_t blocks) {
  // The instructions keep the state as ABEF and CDGH (word A highest).
  const __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state));
  const __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xb1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1b);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xf0);
  for (std::size_t i = 0; i < blocks; ++i, data += 64) {
    const __m128i abef_in = abef, cdgh_in = cdgh;
    __m128i w0 = load_words(data), w1 = load_words(data + 16);
    __m128i w2 = load_words(data + 32), w3 = load_words(data + 48);
    four_rounds(abef, cdgh, w0, kRound);
    four_rounds(abef, cdgh, w1, kRound + 4);
    four_rounds(abef, cdgh, w2, kRound + 8);
    four_rounds(abef, cdgh, w3, kRound + 12);
    for (int t = 16; t < 64; t += 16) {
      w0 = next_words(w0, w1, w2, w3);
      four_rounds(abef, cdgh, w0, kRound + t);
      w1 = next_words(w1, w2, w3, w0);
      four_rounds(abef, cdgh, w1, kRound + t + 4);
      w2 = next_words(w2, w3, w0, w1);
      four_rounds(abef, cdgh, w2, kRound + t + 8);
      w3 = next_words(w3, w0, w1, w2);
      four_rounds(abef, cdgh, w3, kRound + t + 12);
    }
    abef = _mm_add_epi32(abef, abef_in);
    cdgh = _mm_add_epi32(cdgh, cdgh_in);
  }
  const __m128i feba = _mm_shuffle_epi32(abef, 0x1b);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xb1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(feba, dchg, 0xf0));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(dchg, feba, 8));
}

#else

bool shani_available() { return false; }

// Never chosen off x86; kept so the tests link everywhere.
void compress_shani(std::uint32_t* state, const unsigned char* data, std::size_t blocks) {
  compress_scalar(state, data, blocks);
}

#endif

}  // namespace annals::sha256_detail
