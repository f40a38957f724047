#include "pipeline/article.h"

#include "annals/error.h"
#include "pipeline/article_meta.h"
#include "pipeline/article_rules.h"
#include "text/text.h"
#include "text/words.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>

// Layout: read_text_file, then the Cleaner that applies the line rules of
// article_rules.cc and article_meta.cc in an order where earlier verdicts
// inform later ones (furniture before the head, the head before the publisher
// tag, the tag before teasers).

namespace annals {
namespace fs = std::filesystem;
namespace {

using article_lines::TextLine;

// `sp` of `s` without white space at either end.
Span trim(std::string_view s, Span sp) {
  const std::string_view t = trim_spaces(text_of(s, sp));
  const auto begin = std::size_t(t.data() - s.data());
  return {begin, begin + t.size()};
}

// Eight bytes of `s` from `pos` as one integer. The checks below test eight
// bytes at a time for the common case (plain ASCII text, no control byte) and
// look at single bytes only where that fails; any byte order will do.
std::uint64_t eight_bytes(std::string_view s, std::size_t pos) {
  std::uint64_t v;
  std::memcpy(&v, s.data() + pos, 8);
  return v;
}
constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

// Offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (pos + 8 <= s.size() && (eight_bytes(s, pos) & kHighs) == 0) {  // all ASCII
      pos += 8;
      continue;
    }
    const std::size_t before = pos;
    // U+FFFD read from one byte marks a malformed sequence; from EF BF BD it is real.
    if (next_code_point(s, pos) == 0xFFFD && pos - before != 3) return before;
  }
  return std::string_view::npos;
}

bool control_byte(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') || b == 0x7F;
}

// Control bytes other than white space; text has next to none, binary formats many.
std::size_t control_bytes(std::string_view s) {
  std::size_t n = 0, pos = 0;
  for (; pos + 8 <= s.size(); pos += 8) {
    const std::uint64_t v = eight_bytes(s, pos), del = v ^ (kOnes * 0x7F);
    // Whether a byte is below 0x20 or equal to 0x7F (exact as a yes/no: see
    // "determine if a word has a byte less than n" in Bit Twiddling Hacks).
    if ((((v - kOnes * 0x20) & ~v) | ((del - kOnes) & ~del)) & kHighs)
      for (std::size_t i = pos; i < pos + 8; ++i) n += control_byte(static_cast<unsigned char>(s[i]));
  }
  for (; pos < s.size(); ++pos) n += control_byte(static_cast<unsigned char>(s[pos]));
  return n;
}

std::string read_capped(const fs::path& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string(), "cannot be opened for reading");
  std::string text;
  char buf[1 << 16];
  // Read in chunks and stop past the limit, so a device or pipe cannot make us read forever.
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes)
      throw Error(path.string(), fmt::format("is larger than the limit of {} bytes", max_bytes));
  }
  if (in.bad()) throw Error(path.string(), "could not be read");
  return text;
}

}  // namespace

std::string read_text_file(const fs::path& path, const ReadLimits& limits) {
  const std::string name = path.string();
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) throw Error(name, "no such file");
  if (fs::is_directory(status)) throw Error(name, "is a folder, not a file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > limits.max_bytes)
    throw Error(name, fmt::format("is {} bytes, larger than the limit of {} bytes", size,
                                  limits.max_bytes));
  std::string text = read_capped(path, limits.max_bytes);
  std::size_t skipped = 0;
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.erase(0, 3);
    skipped = 3;
  }
  if (text.empty()) throw Error(name, skipped ? "is empty (only a byte order mark)" : "is empty");
  if (const auto nul = text.find('\0'); nul != std::string::npos)
    throw Error(name, fmt::format("looks binary: NUL byte at offset {}", nul + skipped));
  if (const auto n = control_bytes(text); n * 100 > text.size())
    throw Error(name, fmt::format("looks binary: {} control bytes in {}", n, text.size()));
  if (const auto bad = first_invalid_utf8(text); bad != std::string::npos)
    throw Error(name, fmt::format("is not valid UTF-8: bad byte at offset {}", bad + skipped));
  if (trim(text, {0, text.size()}).size() == 0) throw Error(name, "has only white space");
  return text;
}

namespace {

using namespace article_lines;

struct Line {
  Span span;                  // the line in raw, trimmed
  std::size_t lead = 0, trail = 0;  // bytes cut from its start and end
  bool blank_before = false;  // a blank line separates it from the line before
  std::string removed;        // why the whole line is left out; empty when kept
  std::optional<TextLine> facts;  // the kept text, for the rules; reset by a cut
  bool kept() const { return removed.empty(); }
};

// One pass of the cleaning rules over an article; see clean_article.
class Cleaner {
 public:
  explicit Cleaner(Article& a) : a_(a), raw_(a.raw) { split(); }

  void run() {
    for (std::size_t i = 0; i < lines_.size(); ++i) furniture(i);
    first_real_ = next_kept(0);
    while (first_real_ < lines_.size() && !real_paragraph(facts(first_real_)))
      first_real_ = next_kept(first_real_ + 1);
    head();
    find_tag();
    related_lists();
    teasers();
    tail();
    unmarked_captions();
    title();
    assemble();
    if (auto l = body_counts_.guess()) a_.language = std::move(*l);  // guess_language(body), line by line
    std::sort(a_.removed.begin(), a_.removed.end(),
              [](const Removed& x, const Removed& y) { return x.raw.begin < y.raw.begin; });
  }

 private:
  void split() {
    std::size_t pos = 0;
    bool blank = false;
    while (pos <= raw_.size()) {
      const auto nl = raw_.find('\n', pos);
      const std::size_t end = nl == std::string_view::npos ? raw_.size() : nl;
      const Span line = trim(raw_, {pos, end});
      if (line.size() == 0) {
        blank = true;
      } else {
        lines_.push_back({line, 0, 0, blank && !lines_.empty(), "", std::nullopt});
        blank = false;
      }
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
  }

  // The line as still kept: without the bytes cut from its ends.
  std::string_view text(std::size_t i) const {
    const Line& l = lines_[i];
    return raw_.substr(l.span.begin + l.lead, l.span.size() - l.lead - l.trail);
  }
  // The same, with what the rules work out about it kept for the next rule.
  const TextLine& facts(std::size_t i) {
    Line& l = lines_[i];
    if (!l.facts) l.facts.emplace(text(i));
    return *l.facts;
  }
  bool kept(std::size_t i) const { return i < lines_.size() && lines_[i].kept(); }
  std::size_t next_kept(std::size_t i) const {
    while (i < lines_.size() && !lines_[i].kept()) ++i;
    return i;
  }
  std::size_t prev_kept(std::size_t i) const {  // the kept line before i, or npos
    while (i-- > 0)
      if (lines_[i].kept()) return i;
    return std::string_view::npos;
  }

  void remove(std::size_t i, std::string reason) {
    Line& l = lines_[i];
    if (!l.kept()) return;
    l.removed = reason;
    a_.removed.push_back({{l.span.begin + l.lead, l.span.end - l.trail}, std::move(reason)});
  }
  // Cuts `n` bytes from the start (or end) of line i, and the white space they leave.
  void cut_lead(std::size_t i, std::size_t n, std::string reason) {
    Line& l = lines_[i];
    const std::size_t b = l.span.begin + l.lead;
    a_.removed.push_back({{b, b + n}, std::move(reason)});
    l.lead = trim(raw_, {b + n, l.span.end - l.trail}).begin - l.span.begin;
    l.facts.reset();
  }
  void cut_trail(std::size_t i, std::size_t n, std::string reason) {
    Line& l = lines_[i];
    const std::size_t e = l.span.end - l.trail;
    a_.removed.push_back({{e - n, e}, std::move(reason)});
    l.trail = l.span.end - trim(raw_, {l.span.begin + l.lead, e - n}).end;
    l.facts.reset();
  }
  void cut_middle(std::size_t i, Span in_line, std::string reason) {
    const std::size_t b = lines_[i].span.begin + lines_[i].lead;
    a_.removed.push_back({{b + in_line.begin, b + in_line.end}, std::move(reason)});
    middle_cuts_.push_back({b + in_line.begin, b + in_line.end});
  }

  // Whether the whole text reads as English. Only the rare line that looks
  // like another language asks, so most articles are never judged whole.
  bool english() {
    if (!english_) {
      const auto lang = guess_language(raw_);
      english_ = lang && lang->value == "en";
    }
    return *english_;
  }

  void set(std::optional<Stated>& field, std::string value, std::string from) {
    if (!field && !value.empty()) field = Stated{std::move(value), std::move(from)};
  }
  void set_published(const FuzzyDate& d, std::string from) {
    if (a_.published) return;
    a_.published = d;
    a_.published_from = std::move(from);
  }

  // Lines that are page furniture wherever they stand.
  void furniture(std::size_t i) {
    const std::string_view s = text(i);
    if (auto reason = furniture_reason(facts(i), [this] { return english(); }); !reason.empty())
      return remove(i, reason);
    if (auto credit = parse_credit_line(s)) {
      set(credit->person ? a_.author : a_.publisher, credit->name, "credit line");
      return remove(i, "credit line");
    }
    if (auto credit = trailing_photo_credit(facts(i))) cut_trail(i, s.size() - *credit, "photo credit");
  }

  // Date lines and bylines before the first real paragraph, and a date
  // prefixing that paragraph ("date 2024-10-24 KAZAN — ...").
  void head() {
    for (std::size_t i = 0; i < lines_.size() && i <= first_real_; ++i) {
      if (!kept(i)) continue;
      if (auto d = parse_date_line(text(i))) {
        if (!d->updated) set_published(d->date, "date line");
        if (d->prefix == text(i).size()) remove(i, "date line");
        else cut_lead(i, d->prefix, "date line");
      } else if (i == first_real_) {
        break;
      } else if (auto b = parse_byline(text(i))) {
        set(a_.author, b->author, "byline");
        if (b->date) set_published(*b->date, "byline");
        remove(i, "byline");
      }
    }
  }

  // The article's own publisher tag opens its first paragraphs ("VOV.VN - ").
  void find_tag() {
    for (std::size_t i = 0; i < lines_.size() && i <= first_real_; ++i) {
      if (!kept(i)) continue;
      const auto t = leading_tag(text(i));
      if (!t) continue;
      tag_ = t->name;
      tag_line_ = i;
      set(a_.publisher, t->name, "publisher tag");
      if (t->cut.begin == 0) cut_lead(i, t->cut.end, "publisher tag");
      else cut_middle(i, t->cut, "publisher tag");
      return;
    }
  }

  // A "Related" / "More on this topic" heading and the headlines after it, up
  // to the end or the next real paragraph.
  void related_lists() {
    for (std::size_t i = first_real_ + 1; i < lines_.size(); ++i) {
      if (!kept(i)) continue;
      if (inline_related(facts(i))) remove(i, "related list");
      if (!related_heading(facts(i))) continue;
      remove(i, "related list");
      for (++i; i < lines_.size(); ++i) {
        if (kept(i) && real_paragraph(facts(i)) && !leading_tag(text(i))) break;
        remove(i, "related list");
      }
    }
  }

  // A later paragraph opening with the article's own tag is another story's
  // teaser; the headline lines just above it go with it.
  void teasers() {
    if (tag_.empty()) return;
    for (std::size_t i = tag_line_ + 1; i < lines_.size(); ++i) {
      const auto t = kept(i) ? leading_tag(text(i)) : std::nullopt;
      if (!t || t->name != tag_) continue;
      for (std::size_t k = i; k-- > tag_line_ + 1;) {
        if (!kept(k)) continue;
        if (!headline_like(facts(k))) break;
        remove(k, "related teaser");
      }
      remove(i, "related teaser");
      while (i + 1 < lines_.size() && !lines_[i + 1].blank_before) remove(++i, "related teaser");
    }
  }

  // End markers, a closing author note and a trailing publisher tag ("— VNS").
  void tail() {
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (kept(i) && text(i).size() > 3 && text(i).ends_with("./.")) cut_trail(i, 2, "end marker");
    std::size_t last = prev_kept(lines_.size());
    for (std::size_t i = last, n = 0; i != std::string_view::npos && n < 2; i = prev_kept(i), ++n) {
      const auto note = parse_author_note(text(i));
      if (!note) continue;
      set(a_.author, note->author, "author note");
      set(a_.publisher, note->publisher, "author note");
      remove(i, "author note");
      break;
    }
    last = prev_kept(lines_.size());
    if (last == std::string_view::npos) return;
    if (const auto t = trailing_tag(text(last))) {
      set(a_.publisher, t->name, "publisher tag");
      if (t->cut.begin == 0) remove(last, "publisher tag");
      else cut_trail(last, text(last).size() - t->cut.begin, "publisher tag");
    }
  }

  // A short headline-style paragraph between two long ones is a photo caption
  // that lost its marker on the way ("Leaders meet in the capital.").
  void unmarked_captions() {
    for (std::size_t i = next_kept(first_real_ + 1); i < lines_.size(); i = next_kept(i + 1)) {
      const std::size_t prev = prev_kept(i), next = next_kept(i + 1);
      if (prev == std::string_view::npos || next >= lines_.size()) continue;
      if (!lines_[i].blank_before || !lines_[i + 1].blank_before) continue;
      if (facts(prev).words(25) < 25 || facts(next).words(25) < 25) continue;
      if (caption_like(facts(i))) remove(i, "photo caption");
    }
  }

  // The first kept line, when short, unpunctuated and followed by a blank line.
  void title() {
    const std::size_t i = next_kept(0);
    if (i >= lines_.size() || i >= first_real_) return;
    if (i + 1 < lines_.size() && !lines_[i + 1].blank_before) return;
    if (headline_like(facts(i))) set(a_.title, std::string(text(i)), "headline");
  }

  void assemble() {
    std::sort(middle_cuts_.begin(), middle_cuts_.end(),
              [](const Span& x, const Span& y) { return x.begin < y.begin; });
    a_.body.reserve(raw_.size());
    bool paragraph_break = false;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      paragraph_break = paragraph_break || lines_[i].blank_before;
      if (!kept(i) || text(i).empty()) continue;
      if (!a_.body.empty()) a_.body += paragraph_break ? "\n\n" : "\n";
      paragraph_break = false;
      const Line& l = lines_[i];
      std::size_t from = l.span.begin + l.lead;
      const std::size_t to = l.span.end - l.trail;
      const std::size_t line_start = a_.body.size();
      bool cut = false;
      for (const Span& c : middle_cuts_) {
        if (c.begin < from || c.end > to) continue;
        copy(from, c.begin);
        from = c.end;
        cut = true;
      }
      copy(from, to);
      // Lines join with line breaks, so the body's counts are the sum of its lines'.
      body_counts_ += cut ? LanguageCounts(std::string_view(a_.body).substr(line_start)) : facts(i).counts();
    }
  }
  void copy(std::size_t b, std::size_t e) {
    if (e <= b) return;
    a_.segments.push_back({a_.body.size(), b, e - b});
    a_.body.append(raw_.substr(b, e - b));
  }

  Article& a_;
  std::string_view raw_;
  std::vector<Line> lines_;
  std::vector<Span> middle_cuts_;
  LanguageCounts body_counts_;  // of the body, line by line as assemble() builds it
  std::optional<bool> english_;  // whether raw_ reads as English; see english()
  std::size_t first_real_ = 0;
  std::string tag_;
  std::size_t tag_line_ = 0;
};

}  // namespace

Article clean_article(std::string file, std::string raw) {
  Article a;
  a.file = std::move(file);
  a.raw = std::move(raw);
  Cleaner(a).run();
  return a;
}

}  // namespace annals
