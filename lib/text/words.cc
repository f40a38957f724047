#include "text/words.h"

#include "text/text.h"

#include <array>

namespace annals {
namespace {

char lower_char(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// What the token walk needs to know of an ASCII byte, looked up rather than tested.
constexpr unsigned char kSpace = 1, kAlnum = 2;
constexpr std::array<unsigned char, 128> kAsciiClass = [] {
  std::array<unsigned char, 128> t{};
  for (unsigned c = 0; c < 128; ++c) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) t[c] = kSpace;
    if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) t[c] = kAlnum;
  }
  return t;
}();

// Calls each(token, wordy) for every white-space separated token of `s`, where
// `wordy` says whether it holds a letter or a digit, until `each` returns
// false. ASCII bytes, nearly all of an English text, are judged without decoding.
template <class F>
void each_token(std::string_view s, F each) {
  std::size_t pos = 0;
  const std::size_t n = s.size();
  while (pos < n) {
    while (pos < n) {
      const auto c = static_cast<unsigned char>(s[pos]);
      const std::size_t k = c < 0x80 ? (kAsciiClass[c] & kSpace) : space_at(s, pos);
      if (!k) break;
      pos += k;
    }
    const std::size_t begin = pos;
    bool wordy = false;
    while (pos < n) {
      const auto c = static_cast<unsigned char>(s[pos]);
      if (c < 0x80) {
        const unsigned char k = kAsciiClass[c];
        if (k & kSpace) break;
        wordy = wordy || (k & kAlnum);
        ++pos;
        continue;
      }
      if (space_at(s, pos)) break;
      wordy = letter_cp(next_code_point(s, pos)) || wordy;
    }
    if (pos > begin && !each(s.substr(begin, pos - begin), wordy)) return;
  }
}

}  // namespace

std::size_t space_at(std::string_view s, std::size_t pos) {
  const auto c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) return ascii_space(c) ? 1 : 0;
  auto next_are = [&](unsigned char b1, unsigned char b2) {
    return pos + 2 < s.size() && static_cast<unsigned char>(s[pos + 1]) == b1 &&
           static_cast<unsigned char>(s[pos + 2]) == b2;
  };
  switch (c) {
    case 0xC2: return pos + 1 < s.size() && static_cast<unsigned char>(s[pos + 1]) == 0xA0 ? 2 : 0;
    case 0xE2: return next_are(0x80, 0x8B) ? 3 : 0;  // zero-width space
    case 0xEF: return next_are(0xBB, 0xBF) ? 3 : 0;  // byte order mark
    case 0xE3: return next_are(0x80, 0x80) ? 3 : 0;  // ideographic space
    default: return 0;
  }
}

std::string_view trim_spaces(std::string_view s) {
  std::size_t b = 0, e = s.size();
  for (std::size_t n; b < e && (n = space_at(s, b)) && b + n <= e;) b += n;
  for (bool again = true; again && b < e;) {
    again = false;
    for (std::size_t n = 1; n <= 3 && !again; ++n)
      if (e - b >= n && space_at(s, e - n) == n) e -= n, again = true;
  }
  return s.substr(b, e - b);
}

bool letter_cp(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
         !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFE00 && cp <= 0xFE6F) &&
         !(cp >= 0xFF00 && cp <= 0xFF20) && cp != 0xFFFD;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  each_token(s, [&](std::string_view tok, bool wordy) {
    if (wordy) out.push_back(tok);
    return true;
  });
  return out;
}

std::size_t word_count(std::string_view s) { return word_count(s, std::size_t(-1)); }

std::size_t word_count(std::string_view s, std::size_t limit) {
  // each_token() without the tokens: every line of every article is counted,
  // so this loop keeps to one test per ASCII byte. A token ends at white
  // space and counts when it held a letter or digit (`wordy`).
  std::size_t n = 0, pos = 0;
  bool wordy = false;
  while (pos < s.size() && n < limit) {
    const auto c = static_cast<unsigned char>(s[pos]);
    std::size_t space = 0;
    if (c < 0x80) {
      const unsigned char k = kAsciiClass[c];
      wordy = wordy || (k & kAlnum);
      space = k & kSpace;
      ++pos;
    } else if ((space = space_at(s, pos))) {
      pos += space;
    } else {
      wordy = letter_cp(next_code_point(s, pos)) || wordy;
    }
    if (space) {
      n += wordy;
      wordy = false;
    }
  }
  return std::min(n + wordy, limit);
}

bool capitalised(std::string_view tok) {
  for (std::size_t pos = 0; pos < tok.size();) {
    const std::size_t at = pos;
    if (letter_cp(next_code_point(tok, pos))) return starts_upper(tok, at);
  }
  return false;
}

bool has_non_ascii_letter(std::string_view tok) {
  for (std::size_t pos = 0; pos < tok.size();) {
    if (static_cast<unsigned char>(tok[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (letter_cp(next_code_point(tok, pos))) return true;
  }
  return false;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

bool istarts_with(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i)
    if (lower_char(s[i]) != lower_prefix[i]) return false;
  return true;
}

bool icontains(std::string_view s, std::string_view lower_needle) {
  if (lower_needle.empty()) return true;
  // Look for each case of the first letter with find(), which scans fast.
  const char first = lower_needle[0];
  const char upper = first >= 'a' && first <= 'z' ? char(first - 'a' + 'A') : first;
  for (const char c : {first, upper}) {
    for (std::size_t i = s.find(c); i != std::string_view::npos; i = s.find(c, i + 1))
      if (istarts_with(s.substr(i), lower_needle)) return true;
    if (upper == first) break;
  }
  return false;
}

}  // namespace annals
