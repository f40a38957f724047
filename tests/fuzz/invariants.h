#pragma once
// What each pipeline stage promises about its output, checked on any input.
// Every check returns a description of the first broken promise, or "" when
// all hold. The run_* functions are the bodies of the fuzz targets in this
// folder; tests/fuzz_regressions_test.cc runs them on the inputs the fuzzers
// found, so a finding stays fixed under the ordinary test suite.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/error.h"
#include "annals/types.h"
#include "pipeline/analyse.h"
#include "pipeline/article.h"
#include "pipeline/dates.h"
#include "pipeline/doc.h"
#include "pipeline/gazetteer.h"
#include "pipeline/sentences.h"
#include "text/text.h"

namespace annals::fuzz {

// The publication day relative dates resolve against: a Thursday.
inline const FuzzyDate kPublished = full_date(2024, 3, 14);

inline std::string describe(std::string_view what, Span s) {
  return std::string(what) + " [" + std::to_string(s.begin) + ", " + std::to_string(s.end) + ")";
}

// ---- admission: what read_text_file accepts ----

// The text read_text_file returns for a file holding `bytes` (the byte order
// mark dropped), or nullopt when it refuses the file: empty, NUL bytes, more
// than 1% control bytes, invalid UTF-8 or only white space. Written from the
// promise in article.h (the 1% is article.cc's "many"), not from the code, so
// the two can be compared.
inline std::optional<std::string> admit(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.empty() || bytes.find('\0') != std::string_view::npos) return std::nullopt;
  std::size_t control = 0, blank = 0;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    const bool space = b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';
    control += (b < 0x20 && !space) || b == 0x7F;
    blank += space;
  }
  if (control * 100 > bytes.size() || !valid_utf8(bytes)) return std::nullopt;
  if (blank == bytes.size()) return std::nullopt;  // Unicode spaces alone: see check_admission
  return std::string(bytes);
}

// A file named for this process, removed when the process ends.
class ScratchFile {
 public:
  ScratchFile()
      : path_(std::filesystem::temp_directory_path() /
              ("annals-fuzz-" + std::to_string(::getpid()) + ".txt")) {}
  ~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  const std::filesystem::path& write(std::string_view bytes) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), std::streamsize(bytes.size()));
    return path_;
  }

 private:
  std::filesystem::path path_;
};

// Compares read_text_file on a file holding `bytes` with admit(): both accept
// with the same text, or both refuse (read_text_file by throwing Error).
inline std::string check_admission(std::string_view bytes) {
  static ScratchFile scratch;
  const auto want = admit(bytes);
  try {
    const std::string got = read_text_file(scratch.write(bytes));
    if (!want) return "read_text_file accepted bytes admit() refuses";
    if (got != *want) return "read_text_file changed the text beyond dropping a byte order mark";
  } catch (const Error& e) {
    // Only white space of other scripts (U+00A0, U+3000 ...) may still be refused.
    if (want && e.reason() != "has only white space")
      return "read_text_file refused valid text: " + e.reason();
  }
  return "";
}

// ---- spans ----

inline bool char_boundary(std::string_view body, std::size_t pos) {
  return pos >= body.size() || (static_cast<unsigned char>(body[pos]) & 0xC0) != 0x80;
}

// A non-empty span of `body` starting and ending on character boundaries.
inline std::string check_span(std::string_view what, std::string_view body, Span s) {
  if (s.begin >= s.end) return describe(what, s) + " is empty or reversed";
  if (s.end > body.size())
    return describe(what, s) + " ends past the body of " + std::to_string(body.size());
  if (!char_boundary(body, s.begin) || !char_boundary(body, s.end))
    return describe(what, s) + " cuts a UTF-8 character";
  return "";
}

inline bool sentence_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f' || cp == '\r' || cp == '\n' ||
         cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// split_sentences: in order, non-empty, trimmed, never crossing a line break.
inline std::string check_sentences(std::string_view body, const std::vector<Span>& sentences) {
  std::size_t last_end = 0;
  for (const Span s : sentences) {
    if (auto p = check_span("sentence", body, s); !p.empty()) return p;
    if (s.begin < last_end) return describe("sentence", s) + " overlaps or precedes the one before";
    last_end = s.end;
    const std::string_view t = text_of(body, s);
    if (t.find_first_of("\r\n") != std::string_view::npos)
      return describe("sentence", s) + " crosses a line break";
    std::size_t pos = 0;
    if (sentence_space(next_code_point(t, pos)))
      return describe("sentence", s) + " starts with white space";
    pos = t.size() - 1;
    while (pos > 0 && (static_cast<unsigned char>(t[pos]) & 0xC0) == 0x80) --pos;
    if (sentence_space(next_code_point(t, pos)))
      return describe("sentence", s) + " ends with white space";
  }
  return "";
}

// ---- dates ----

inline std::string check_fuzzy(std::string_view what, const FuzzyDate& d) {
  if (d.precision == Precision::unknown) return std::string(what) + " has unknown precision";
  if (!d.day.ok()) return std::string(what) + " is not a calendar day";
  if (parse_iso(to_iso(d)) != d) return std::string(what) + " does not survive to_iso/parse_iso";
  return "";
}

inline std::string check_date_mention(std::string_view body, const DateMention& m) {
  if (auto p = check_span("date", body, m.span); !p.empty()) return p;
  if (auto p = check_fuzzy(describe("date", m.span), m.start); !p.empty()) return p;
  if (m.end) return check_fuzzy(describe("date end", m.span), *m.end);
  return "";
}

// find_dates: each span valid and resolved, ordered by begin, non-overlapping.
inline std::string check_dates(std::string_view body, const std::vector<DateMention>& dates) {
  std::size_t last_end = 0;
  for (const auto& m : dates) {
    if (auto p = check_date_mention(body, m); !p.empty()) return p;
    if (m.span.begin < last_end)
      return describe("date", m.span) + " overlaps or precedes the one before";
    last_end = m.span.end;
  }
  return "";
}

// ---- articles ----

// clean_article: raw kept, body = segments of raw joined by "\n" or "\n\n",
// removed spans ordered and inside raw, metadata well formed.
inline std::string check_article(const Article& a, std::string_view raw) {
  if (a.raw != raw) return "raw differs from the input";
  if (!valid_utf8(a.body)) return "body is not valid UTF-8";
  std::size_t at = 0;
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    const Segment& s = a.segments[i];
    const std::string where = "segment " + std::to_string(i);
    if (s.length == 0) return where + " is empty";
    if (s.raw_begin + s.length > raw.size()) return where + " ends past raw";
    if (i > 0) {
      if (s.body_begin < at) return where + " overlaps the one before";
      const std::string_view gap = std::string_view(a.body).substr(at, s.body_begin - at);
      // Pieces of one line left around a cut-out publisher tag join directly.
      const Segment& prev = a.segments[i - 1];
      const std::size_t prev_end = prev.raw_begin + prev.length;
      const bool same_line =
          s.raw_begin > prev_end &&
          raw.substr(prev_end, s.raw_begin - prev_end).find('\n') == std::string_view::npos;
      if (gap != "\n" && gap != "\n\n" && !(gap.empty() && same_line))
        return where + " is not joined by \\n or \\n\\n, nor a piece of the same line";
    } else if (s.body_begin != 0) {
      return "the first segment does not start the body";
    }
    if (s.body_begin + s.length > a.body.size()) return where + " ends past the body";
    if (a.body.compare(s.body_begin, s.length, raw, s.raw_begin, s.length) != 0)
      return where + " differs from raw";
    if (a.raw_offset(s.body_begin) != s.raw_begin) return where + ": raw_offset disagrees";
    at = s.body_begin + s.length;
  }
  if (at != a.body.size()) return "the segments do not cover the body";
  if (a.raw_offset(a.body.size()) > raw.size()) return "raw_offset(body end) past raw";
  std::size_t last = 0;
  for (const auto& r : a.removed) {
    if (r.raw.begin < last) return describe("removed", r.raw) + " out of order";
    if (r.raw.begin > r.raw.end || r.raw.end > raw.size())
      return describe("removed", r.raw) + " outside raw";
    if (r.reason.empty()) return describe("removed", r.raw) + " has no reason";
    last = r.raw.begin;
  }
  for (const auto* s : {&a.title, &a.publisher, &a.author, &a.url, &a.language})
    if (*s && (!valid_utf8((*s)->value) || (*s)->from.empty()))
      return "a Stated field is malformed";
  if (a.published) {
    if (auto p = check_fuzzy("published", *a.published); !p.empty()) return p;
    if (a.published_from.empty()) return "published has no published_from";
  }
  return "";
}

// ---- the whole Doc ----

inline std::string check_country(const Gazetteer& g, std::string_view what,
                                 const std::string& code) {
  return g.country(code) ? "" : std::string(what) + " has unknown country code '" + code + "'";
}

inline std::string check_mentions(const Doc& doc, const Gazetteer& g) {
  std::size_t last = 0;
  for (const auto& m : doc.mentions) {
    if (auto p = check_span("mention", doc.article.body, m.span); !p.empty()) return p;
    if (m.span.begin < last) return describe("mention", m.span) + " out of order";
    last = m.span.begin;
    const std::string what = describe("mention", m.span);
    switch (m.kind) {
      case EntityKind::country:
        if (auto p = check_country(g, what, m.country); !p.empty()) return p;
        break;
      case EntityKind::person:
        if (m.entity >= doc.persons.size()) return what + " names no known person";
        break;
      case EntityKind::organization:
        if (m.entity >= doc.organizations.size()) return what + " names no known organisation";
        break;
    }
  }
  return "";
}

inline std::string check_persons(const Doc& doc, const Gazetteer& g) {
  for (const auto& p : doc.persons) {
    if (p.name.empty() || !valid_utf8(p.name)) return "a person has an empty or invalid name";
    if (p.country)
      if (auto e = check_country(g, "person " + p.name, *p.country); !e.empty()) return e;
    for (const auto& pos : p.positions) {
      if (auto e = check_span("position evidence", doc.article.body, pos.evidence); !e.empty())
        return e;
      if (pos.country)
        if (auto e = check_country(g, "position of " + p.name, *pos.country); !e.empty()) return e;
      for (const auto* d : {&pos.start, &pos.end})
        if (*d)
          if (auto e = check_fuzzy("position date", **d); !e.empty()) return e;
    }
  }
  return "";
}

// The sentence holding all of `s`, or doc.sentences.size().
inline std::size_t sentence_of(const Doc& doc, Span s) {
  const std::size_t i = doc.sentence_at(s.begin);
  return i < doc.sentences.size() && doc.sentences[i].contains(s) ? i : doc.sentences.size();
}

inline std::string check_participant(const Doc& doc, const Gazetteer& g, const Participant& p) {
  switch (p.kind) {
    case EntityKind::country:
      return check_country(g, "participant", p.country);
    case EntityKind::person:
      return p.entity < doc.persons.size() ? "" : "participant names no person";
    case EntityKind::organization:
      return p.entity < doc.organizations.size() ? "" : "participant names no organisation";
  }
  return "";
}

// Events: typed, dated well, participants known, every evidence span inside one sentence.
inline std::string check_events(const Doc& doc, const Gazetteer& g) {
  for (const auto& e : doc.events) {
    if (e.type.empty()) return "an event has no type";
    for (const auto* d : {&e.start, &e.end})
      if (*d)
        if (auto p = check_fuzzy("event " + e.type + " date", **d); !p.empty()) return p;
    for (const auto& p : e.participants)
      if (auto m = check_participant(doc, g, p); !m.empty()) return m;
    for (const Span s : e.evidence) {
      if (auto p = check_span("event evidence", doc.article.body, s); !p.empty()) return p;
      if (sentence_of(doc, s) == doc.sentences.size())
        return describe("event " + e.type + " evidence", s) + " is not inside one sentence";
    }
  }
  for (const auto& r : doc.relations) {
    if (r.event >= doc.events.size()) return "relation " + r.kind + " points at no event";
    if (auto p = check_span("relation evidence", doc.article.body, r.evidence); !p.empty())
      return p;
    for (const auto* c : {&r.a, &r.b})
      if (auto p = check_country(g, "relation " + r.kind, *c); !p.empty()) return p;
    if (r.date)
      if (auto p = check_fuzzy("relation date", *r.date); !p.empty()) return p;
  }
  return "";
}

inline std::string check_doc(const Doc& doc, const Gazetteer& g) {
  if (auto p = check_sentences(doc.article.body, doc.sentences); !p.empty()) return p;
  if (auto p = check_mentions(doc, g); !p.empty()) return p;
  if (auto p = check_persons(doc, g); !p.empty()) return p;
  if (auto p = check_dates(doc.article.body, doc.dates); !p.empty()) return p;
  return check_events(doc, g);
}

// ---- the fuzz targets ----

// Runs `f`, turning an escaping exception into a finding: no stage promises to throw.
template <class F>
std::string guarded(std::string_view stage, F&& f) {
  try {
    return f();
  } catch (const std::exception& e) {
    return std::string(stage) + " threw: " + e.what();
  }
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// article_fuzz: read_text_file against admit(), then clean_article on what it admits.
inline std::string run_article(std::string_view bytes) {
  if (auto p = check_admission(bytes); !p.empty()) return p;
  const auto text = admit(bytes);
  if (!text) return "";
  return guarded("clean_article", [&] {
    if (auto p = check_article(clean_article("fuzz.txt", *text), *text); !p.empty()) return p;
    guess_language(*text);
    std::size_t used = 0;
    const auto d = parse_printed_date(*text, used);
    if (!d) return std::string();
    if (used == 0 || used > text->size())
      return std::string("parse_printed_date used a bad length");
    return check_fuzzy("printed date", *d);
  });
}

// sentences_fuzz: split_sentences on any valid UTF-8.
inline std::string run_sentences(std::string_view bytes) {
  if (!valid_utf8(bytes)) return "";
  return guarded("split_sentences", [&] { return check_sentences(bytes, split_sentences(bytes)); });
}

// dates_fuzz: find_dates with and without a publication date, resolve_date on
// the whole input and on each date found, infer_publication_year.
inline std::string run_dates(std::string_view bytes) {
  if (!valid_utf8(bytes)) return "";
  return guarded("dates", [&] {
    for (const auto& published : {std::optional(kPublished), std::optional<FuzzyDate>()}) {
      const auto dates = find_dates(bytes, published);
      if (auto p = check_dates(bytes, dates); !p.empty()) return p;
      for (const auto& d : dates) {
        const std::string_view phrase = text_of(bytes, d.span);
        if (const auto r = resolve_date(phrase, published))
          if (auto p = check_date_mention(phrase, *r); !p.empty())
            return "resolve_date(span): " + p;
      }
      if (const auto r = resolve_date(bytes, published))
        if (auto p = check_date_mention(bytes, *r); !p.empty()) return "resolve_date: " + p;
    }
    infer_publication_year(bytes);
    return std::string();
  });
}

// pipeline_fuzz: clean_article then analyse with the built-in gazetteer.
inline std::string run_pipeline(std::string_view bytes) {
  const auto text = admit(bytes);
  if (!text) return "";
  return guarded("pipeline", [&] {
    const Gazetteer& g = default_gazetteer();
    Doc doc = analyse(clean_article("fuzz.txt", *text), g);
    if (auto p = check_article(doc.article, *text); !p.empty()) return p;
    return check_doc(doc, g);
  });
}

}  // namespace annals::fuzz
