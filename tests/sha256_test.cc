#include "util/sha256.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "util/sha256_impl.h"

namespace {

using annals::sha256_detail::CompressFn;

struct Path {
  const char* name = "";
  CompressFn compress = nullptr;
};

// The block functions this CPU can run: the scalar one always, SHA-NI when present.
std::vector<Path> paths() {
  std::vector<Path> out = {{"scalar", annals::sha256_detail::compress_scalar}};
  if (annals::sha256_detail::shani_available()) out.push_back({"sha-ni", annals::sha256_detail::compress_shani});
  return out;
}

// "abcd...zabc..." cut to `n` bytes.
std::string letters(std::size_t n) {
  std::string s(n, ' ');
  for (std::size_t j = 0; j < n; ++j) s[j] = static_cast<char>('a' + j % 26);
  return s;
}

// `n` bytes from a fixed-seed xorshift generator, every byte value possible.
std::string noise(std::size_t n, std::uint32_t seed) {
  std::string s(n, '\0');
  for (auto& c : s) {
    seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
    c = static_cast<char>(seed >> 24);
  }
  return s;
}

}  // namespace

TEST_CASE("sha256: matches the FIPS 180-4 test vectors on every block function") {
  const struct { std::string in, want; } cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrst"
       "nopqrstu",
       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
      {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in.size());
    CHECK(annals::sha256_hex(c.in) == c.want);
    for (const auto& p : paths()) {
      CAPTURE(p.name);
      CHECK(annals::sha256_detail::sha256_hex_with(c.in, p.compress) == c.want);
    }
  }
}

// Digests from Python's hashlib. 55 bytes is the most that pads into one
// block, 56..63 need a second, 64 is a full block plus a padding block.
TEST_CASE("sha256: lengths around the padding edges give the reference digests") {
  const struct { std::size_t n; std::string want; } cases[] = {
      {0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {1, "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"},
      {55, "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005"},
      {56, "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51"},
      {57, "808f0738aa4401bdee842e5a15a7baad5809f976d8eb6f9bd2683cebd2e8d671"},
      {63, "5ca3e1ef5207490eac01a795e5cc94d59582a5118bf9534665c8668d87aa647c"},
      {64, "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e"},
      {65, "1b3cd1877ab2f2f19f7be001722554f336cb799df0329de0bb4c118dc6abc06d"},
      {111, "11166d480c33d5cf2023d33251a2e024a4e9436cb3f061d99a1908fd1111c829"},
      {112, "43b9d01284b7170bc99bce5d032307646c76361e98da0f82360cc81884893852"},
      {119, "faef67da856d6fd9c8d12f9ed0a4fefd3cf0ce085ab43e2907418d457e3c354b"},
      {120, "c9512b08619c19fbb503c7da6b46ef20301e5f7a7a5f43989182398536f5c5c8"},
      {127, "1b9907986f18ddc2b37e18be502d82d69d6e18bb9dff9e16f2aceea7d88cb933"},
      {128, "6c05be2c4268843ae47e68e611277ce62c02153f2f4d2e1e2a1a4b44f766cf74"},
      {129, "cd6bba8374324cbcc0c296b94f35299c0b9820393116358ac3afaf091a4955a5"},
      {200, "8013a82140d916576e2cf550b27449a368abec66cc154a7d9f599019d33aa3d2"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.n);
    for (const auto& p : paths()) {
      CAPTURE(p.name);
      CHECK(annals::sha256_detail::sha256_hex_with(letters(c.n), p.compress) == c.want);
    }
  }
}

// Every length 0..200 at once: the digest of the 201 hex digests, one after
// another, also from hashlib.
TEST_CASE("sha256: every length from 0 to 200 gives the reference digests") {
  for (const auto& p : paths()) {
    CAPTURE(p.name);
    std::string all;
    for (std::size_t n = 0; n <= 200; ++n) all += annals::sha256_detail::sha256_hex_with(letters(n), p.compress);
    CHECK(annals::sha256_hex(all) == "d8d376b1fe714c0c3a2163d35bc16ee7e89e344929f7904df22e5bc2a83b6129");
  }
}

// Inputs start 0..3 bytes into a buffer, so the block loads see unaligned data.
TEST_CASE("sha256: the SHA-NI and scalar block functions agree on random inputs") {
  if (!annals::sha256_detail::shani_available()) {
    MESSAGE("this CPU (or valgrind) has no SHA extensions: only the scalar path runs");
    return;
  }
  const std::size_t lengths[] = {0, 1, 3, 31, 55, 56, 63, 64, 65, 100, 127, 128, 129, 255,
                                 256, 511, 1000, 4095, 4096, 4097, 65536, 100003};
  std::uint32_t seed = 1;
  for (const auto n : lengths) {
    for (std::size_t offset = 0; offset < 4; ++offset) {
      const std::string buffer = noise(n + offset, seed++);
      const std::string_view in = std::string_view(buffer).substr(offset);
      CAPTURE(n);
      CAPTURE(offset);
      const auto scalar = annals::sha256_detail::sha256_hex_with(in, annals::sha256_detail::compress_scalar);
      CHECK(annals::sha256_detail::sha256_hex_with(in, annals::sha256_detail::compress_shani) == scalar);
      CHECK(annals::sha256_hex(in) == scalar);
    }
  }
}

TEST_CASE("sha256: sha256_hex uses the SHA extensions exactly when the CPU has them") {
  const bool shani = annals::sha256_detail::shani_available();
  const CompressFn want = shani ? annals::sha256_detail::compress_shani : annals::sha256_detail::compress_scalar;
  const bool chose_want = annals::sha256_detail::chosen_compress() == want;  // doctest cannot print pointers
  CHECK(chose_want);
}

TEST_CASE("sha256: a digest is 64 lowercase hex digits and changes with one bit") {
  const std::string a = noise(300, 7);
  std::string b = a;
  b[150] = static_cast<char>(b[150] ^ 1);
  const auto da = annals::sha256_hex(a);
  CHECK(da.size() == 64);
  CHECK(da.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(da != annals::sha256_hex(b));
}
