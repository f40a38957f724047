#pragma once
// Words as the cleaning rules and the language guess count them: runs of
// non-space characters that hold a letter or a digit.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

// Bytes of white space at `pos` (< s.size()): ASCII white space, no-break
// space, zero-width space, byte order mark or ideographic space; 0 if none.
std::size_t space_at(std::string_view s, std::size_t pos);

// `s` without the white space space_at knows at either end.
std::string_view trim_spaces(std::string_view s);

// True for a letter of any script: not ASCII punctuation, a digit, a symbol or
// general punctuation.
bool letter_cp(char32_t cp);

// The white-space separated tokens of `s` that hold a letter or a digit, and
// their number.
std::vector<std::string_view> words(std::string_view s);
std::size_t word_count(std::string_view s);

// min(word_count(s), limit), reading no further than the word that reaches `limit`.
std::size_t word_count(std::string_view s, std::size_t limit);

// True when the first letter of `tok` is a capital; letters of scripts without
// case are not.
bool capitalised(std::string_view tok);

// True when `tok` holds a letter outside ASCII.
bool has_non_ascii_letter(std::string_view tok);

// `s` with A-Z lowercased.
std::string ascii_lower(std::string_view s);

// True when `s` starts with (or contains) `lower_prefix` (`lower_needle`), a
// lowercase ASCII string, ignoring the case of A-Z in `s`.
bool istarts_with(std::string_view s, std::string_view lower_prefix);
bool icontains(std::string_view s, std::string_view lower_needle);

}  // namespace annals
