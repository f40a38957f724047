#pragma once
// The first stage: reading one article file and cleaning it. Cleaning keeps the
// story and leaves out page furniture (menus, share buttons, photo captions,
// comment and cookie notices, related-story lists and teasers), and turns the
// lines that state metadata (date line, byline, publisher tag, author note)
// into Article fields. Every rule is generic: nothing names a site or a story.

#include "pipeline/doc.h"
#include "text/language.h"  // guess_language, which clean_article uses for Article::language

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace annals {

struct ReadLimits {
  std::size_t max_bytes = 64u << 20;
};

// The text of `path`, without a leading UTF-8 byte order mark. Throws
// Error(path, reason) when the file is missing, a folder, unreadable, larger
// than `limits.max_bytes`, empty or only white space, holds NUL bytes or many
// control bytes (binary), or is not valid UTF-8 (the reason gives the byte
// offset in the file of the first bad byte).
std::string read_text_file(const std::filesystem::path& path, const ReadLimits& limits = {});

// The Article for `raw` (valid UTF-8, as read_text_file returns it): `body` is
// the kept text, copied byte for byte from `raw` in pieces (`segments`) joined
// by "\n" (lines of one paragraph), "\n\n" (paragraphs), or nothing where a
// publisher tag was cut from inside a line; `removed` lists each
// left-out raw span with its reason; title, publisher, author, published and
// language are set when the text states them, with Stated::from (or
// published_from) saying which line did. Never throws on odd text: an article
// that is all furniture has an empty body.
Article clean_article(std::string file, std::string raw);

// A date as printed in a date line or byline, at the start of `text`:
// "2024-10-24", "May 29, 2024", "Thursday, 24 October 2024", "24/10/2024",
// "October 2024". `used` receives the bytes read, a following clock time
// ("10:30 GMT+7") included. A numeric date that could be day/month or
// month/day ("05/06/2024") gives only its year. nullopt when no date starts there.
std::optional<FuzzyDate> parse_printed_date(std::string_view text, std::size_t& used);

}  // namespace annals
