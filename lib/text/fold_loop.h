#pragma once
// The folding loop behind fold(), fold_with_map(), the word counts and the
// tokenizers of the pipeline: one definition of what folding a text does, for
// callers that want its bytes in their own form.

#include "text/text.h"

#include <array>
#include <cstddef>
#include <string_view>

namespace annals {

// What fold() makes of each ASCII byte: the lowercase letter or digit, or 0 for
// a separator.
inline constexpr std::array<char, 128> kAsciiFold = [] {
  std::array<char, 128> t{};
  for (char c = '0'; c <= '9'; ++c) t[std::size_t(c)] = c;
  for (char c = 'a'; c <= 'z'; ++c) t[std::size_t(c)] = c;
  for (char c = 'A'; c <= 'Z'; ++c) t[std::size_t(c)] = char(c - 'A' + 'a');
  return t;
}();

// The one folding loop behind fold, fold_with_map, folded_word_count and
// FoldedWords: calls out.put(byte, begin, end) for each byte of the folding of
// the character s[begin, end), and out.space(begin) where a separator run ends
// before one; stops early once out.full(). ASCII, nearly all of an English
// text, takes the short branch.
template <class Out>
void fold_each(std::string_view s, Out& out) {
  bool pending_space = false, any = false;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      const char f = kAsciiFold[b];
      if (f) {
        if (pending_space && any) out.space(pos);
        pending_space = false;
        any = true;
        out.put(f, pos, pos + 1);
        if (out.full()) return;
      } else {
        pending_space = true;
      }
      ++pos;
      continue;
    }
    const std::size_t begin = pos;
    char piece[4];
    const int n = fold_char(next_code_point(s, pos), piece);
    if (n < 0) continue;
    if (n == 0) {
      pending_space = true;
      continue;
    }
    if (pending_space && any) out.space(begin);
    pending_space = false;
    any = true;
    for (int i = 0; i < n; ++i) out.put(piece[i], begin, pos);
    if (out.full()) return;
  }
}

}  // namespace annals
