#pragma once
// UTF-8 helpers and the one folding rule every name comparison uses.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or values
// past U+10FFFF).
bool valid_utf8(std::string_view s);

// Decodes the code point at `pos` and advances `pos` past it. Malformed bytes
// decode as U+FFFD, one byte at a time.
char32_t next_code_point(std::string_view s, std::size_t& pos);

// Folding for comparison: lowercase, diacritics removed (Lương Cường -> luong
// cuong, Việt Nam -> viet nam), every other non-alphanumeric run to one space,
// trimmed. Letters outside the Latin ranges are kept lowercased as they are.
std::string fold(std::string_view s);

// What fold() makes of the one character `cp`: writes its folded bytes to
// `out` and returns their number; returns 0 for a separator (punctuation,
// white space, symbols: fold() turns a run of them into one space) and -1 for
// a character fold() drops without separating words (a combining mark).
int fold_char(char32_t cp, char (&out)[4]);

// fold() that also says, for each byte of the result, the byte offset in `s`
// where the character it came from starts; `origin` has one extra entry, the
// end of the last folded character, so a folded range [b, e) maps back to
// [origin[b], end_of(origin[e - 1])).
struct Folded {
  std::string text;
  std::vector<std::size_t> origin;  // text.size() + 1 entries
  std::vector<std::size_t> origin_end;  // end in `s` of the character of each byte
};
Folded fold_with_map(std::string_view s);

// The number of words of fold(s), counting no further than `limit`: reads only
// as much of `s` as it needs.
std::size_t folded_word_count(std::string_view s, std::size_t limit);

// The words of fold(s), as splitting it at its spaces gives them, kept in one
// buffer: cheaper than splitting fold(s) into strings.
class FoldedWords {
 public:
  explicit FoldedWords(std::string_view s);
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  // Word `i` (< size()); valid while this object lives.
  std::string_view operator[](std::size_t i) const;

 private:
  std::string text_;               // the words without the spaces between them
  std::vector<std::size_t> ends_;  // end of each word in text_
};

// True for A-Z and the uppercase Latin letters with diacritics at `pos`.
bool starts_upper(std::string_view s, std::size_t pos = 0);

}  // namespace annals
