#include "text/text.h"
#include "text/fold_loop.h"

#include <array>

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

// The table covers U+00C0..U+024F and U+1E00..U+1EFF; a flat index over those
// two ranges makes a lookup one load, where fold() runs on every character.
constexpr char32_t kLatinEnd = 0x250, kExtendedBegin = 0x1E00, kExtendedEnd = 0x1F00;

const FoldRow* latin_row(char32_t cp) {
  static const auto table = [] {
    std::array<const FoldRow*, kLatinEnd + (kExtendedEnd - kExtendedBegin)> t{};
    for (const auto& r : kFoldTable)
      t[r.cp < kLatinEnd ? r.cp : kLatinEnd + (r.cp - kExtendedBegin)] = &r;
    return t;
  }();
  if (cp < kLatinEnd) return table[cp];
  if (cp >= kExtendedBegin && cp < kExtendedEnd) return table[kLatinEnd + (cp - kExtendedBegin)];
  return nullptr;
}


bool combining_mark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF);
}

// Writes the UTF-8 bytes of `cp` at `out`; returns how many.
std::size_t encode_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = char(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = char(0xC0 | (cp >> 6));
    out[1] = char(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = char(0xE0 | (cp >> 12));
    out[1] = char(0x80 | ((cp >> 6) & 0x3F));
    out[2] = char(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = char(0xF0 | (cp >> 18));
  out[1] = char(0x80 | ((cp >> 12) & 0x3F));
  out[2] = char(0x80 | ((cp >> 6) & 0x3F));
  out[3] = char(0x80 | (cp & 0x3F));
  return 4;
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

int fold_other(char32_t cp, char (&piece)[4]) {
  if (combining_mark(cp)) return -1;
  if (const FoldRow* row = latin_row(cp)) {
    std::size_t n = 0;
    for (const char* a = row->ascii; *a; ++a) piece[n++] = *a;
    return int(n);
  }
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) return 0;  // ’ ‘ ʼ: like ASCII '
  if (!letter_like(cp)) return 0;
  return int(encode_utf8(lower_other(cp), piece));
}


// Folding never makes a text longer: a separator run of at least one byte
// gives at most one space, an ASCII byte one byte, a Latin letter of two or
// three bytes at most two ("ß" -> "ss"), and other letters keep their UTF-8
// length when lowercased. So a buffer of s.size() bytes always holds fold(s).
struct BufferOut {
  char* p;
  void space(std::size_t) { *p++ = ' '; }
  void put(char c, std::size_t, std::size_t) { *p++ = c; }
  bool full() const { return false; }
};

// Writes into buffers sized beforehand (fold() never lengthens a text, see
// BufferOut): no growth checks per byte.
struct MapOut {
  char* text;
  std::size_t* origin;
  std::size_t* origin_end;
  std::size_t n = 0;
  void space(std::size_t begin) {
    text[n] = ' ';
    origin[n] = begin;
    origin_end[n++] = begin;
  }
  void put(char c, std::size_t begin, std::size_t end) {
    text[n] = c;
    origin[n] = begin;
    origin_end[n++] = end;
  }
  bool full() const { return false; }
};

}  // namespace

int fold_char(char32_t cp, char (&out)[4]) {
  if (cp < 0x80) {
    out[0] = kAsciiFold[cp];
    return out[0] ? 1 : 0;
  }
  return fold_other(cp, out);
}

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
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t before = pos;
    const char32_t cp = next_code_point(s, pos);
    // U+FFFD decoded from the 3 bytes EF BF BD is legitimate; from one byte it is not.
    if (cp == 0xFFFD && pos - before != 3) return false;
  }
  return true;
}

Folded fold_with_map(std::string_view s) {
  Folded out;
  out.text.resize(s.size());
  out.origin.resize(s.size() + 1);
  out.origin_end.resize(s.size());
  MapOut sink{out.text.data(), out.origin.data(), out.origin_end.data()};
  fold_each(s, sink);
  out.text.resize(sink.n);
  out.origin.resize(sink.n);
  out.origin_end.resize(sink.n);
  out.origin.push_back(s.size());
  return out;
}

std::string fold(std::string_view s) {
  std::string text(s.size(), '\0');
  BufferOut sink{text.data()};
  fold_each(s, sink);
  text.resize(std::size_t(sink.p - text.data()));
  return text;
}

std::size_t folded_word_count(std::string_view s, std::size_t limit) {
  // A word starts at the first folded byte and after each space; stop once
  // `limit` words have started.
  struct Counter {
    std::size_t n = 0, limit;
    void space(std::size_t) { ++n; }
    void put(char, std::size_t, std::size_t) { n += n == 0; }
    bool full() const { return n >= limit; }
  } sink{0, limit};
  if (limit == 0) return 0;
  fold_each(s, sink);
  return sink.n;
}

FoldedWords::FoldedWords(std::string_view s) : text_(s.size(), '\0') {
  struct Splitter {
    FoldedWords& w;
    char* p;
    void space(std::size_t) { w.ends_.push_back(std::size_t(p - w.text_.data())); }
    void put(char c, std::size_t, std::size_t) { *p++ = c; }
    bool full() const { return false; }
  } sink{*this, text_.data()};
  fold_each(s, sink);
  text_.resize(std::size_t(sink.p - text_.data()));
  if (!text_.empty()) ends_.push_back(text_.size());
}

std::string_view FoldedWords::operator[](std::size_t i) const {
  const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
  return std::string_view(text_).substr(begin, ends_[i] - begin);
}

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
