#include "text/text.h"

#include <algorithm>
#include <unordered_map>

namespace annals {
namespace {

struct FoldRow {
  char32_t cp;
  const char* ascii;
  bool upper;
};
constexpr FoldRow kFoldTable[] = {
#include "text/fold_table.inc"
};

const FoldRow* latin_row(char32_t cp) {
  static const auto table = [] {
    std::unordered_map<char32_t, const FoldRow*> t;
    for (const auto& r : kFoldTable) t.emplace(r.cp, &r);
    return t;
  }();
  auto it = table.find(cp);
  return it == table.end() ? nullptr : it->second;
}

const char* latin_fold(char32_t cp) {
  const FoldRow* row = latin_row(cp);
  return row ? row->ascii : nullptr;
}

bool combining_mark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// Lowercase for the non-Latin letters we keep (Greek, Cyrillic); others as is.
char32_t lower_other(char32_t cp) {
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;
  if (cp >= 0x0391 && cp <= 0x03A9) return cp + 0x20;
  return cp;
}

bool letter_like(char32_t cp) {
  // Everything from Latin-1 letters up, minus general punctuation and symbols.
  if (cp < 0xC0) return false;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE6F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;
  if (cp == 0xFFFD) return false;
  return true;
}

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) len = 2, cp = b0 & 0x1F, min = 0x80;
  else if ((b0 & 0xF0) == 0xE0) len = 3, cp = b0 & 0x0F, min = 0x800;
  else if ((b0 & 0xF8) == 0xF0) len = 4, cp = b0 & 0x07, min = 0x10000;
  else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + len > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}

bool valid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t before = pos;
    const char32_t cp = next_code_point(s, pos);
    // U+FFFD decoded from the 3 bytes EF BF BD is legitimate; from one byte it is not.
    if (cp == 0xFFFD && pos - before != 3) return false;
  }
  return true;
}

Folded fold_with_map(std::string_view s) {
  Folded out;
  out.text.reserve(s.size());
  bool pending_space = false;
  std::size_t pos = 0;
  auto emit = [&](std::string_view piece, std::size_t begin, std::size_t end) {
    if (pending_space && !out.text.empty()) {
      out.text += ' ';
      out.origin.push_back(begin);
      out.origin_end.push_back(begin);
    }
    pending_space = false;
    for (char c : piece) {
      out.text += c;
      out.origin.push_back(begin);
      out.origin_end.push_back(end);
    }
  };
  while (pos < s.size()) {
    const std::size_t begin = pos;
    const char32_t cp = next_code_point(s, pos);
    if (cp < 0x80) {
      const char c = char(cp);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        emit(std::string_view(&c, 1), begin, pos);
      } else if (c >= 'A' && c <= 'Z') {
        const char l = char(c - 'A' + 'a');
        emit(std::string_view(&l, 1), begin, pos);
      } else {
        pending_space = true;
      }
      continue;
    }
    if (combining_mark(cp)) continue;
    if (const char* ascii = latin_fold(cp)) {
      emit(ascii, begin, pos);
      continue;
    }
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {  // ’ ‘ ʼ: like ASCII '
      pending_space = true;
      continue;
    }
    if (!letter_like(cp)) {
      pending_space = true;
      continue;
    }
    std::string utf8;
    append_utf8(utf8, lower_other(cp));
    emit(utf8, begin, pos);
  }
  out.origin.push_back(s.size());
  return out;
}

std::string fold(std::string_view s) { return fold_with_map(s).text; }

bool starts_upper(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return false;
  const char c = s[pos];
  if (c >= 'A' && c <= 'Z') return true;
  if (static_cast<unsigned char>(c) < 0x80) return false;
  std::size_t p = pos;
  const char32_t cp = next_code_point(s, p);
  if (const FoldRow* row = latin_row(cp)) return row->upper;
  return (cp >= 0x0410 && cp <= 0x042F) || (cp >= 0x0391 && cp <= 0x03A9);
}

}  // namespace annals
