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

// True for A-Z and the uppercase Latin letters with diacritics at `pos`.
bool starts_upper(std::string_view s, std::size_t pos = 0);

}  // namespace annals
