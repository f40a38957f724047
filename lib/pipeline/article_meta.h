#pragma once
// The cleaning rules that read metadata from one line of an article: publisher
// tags, credit lines, date lines, bylines and a closing author note. Internal
// to lib/pipeline/article.cc.

#include "annals/types.h"
#include "pipeline/doc.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace annals::article_lines {

struct Tag {
  std::string name;
  Span cut;  // the bytes of the line that are the tag
};

// The publisher tag opening a paragraph: "VOV.VN - ", "(VNA) - ", or the
// "(VNA)" of "HANOI (VNA) - "; nullopt when there is none or nothing follows it.
std::optional<Tag> leading_tag(std::string_view s);

// The tag closing a paragraph: "... generations. — VNS", "... said. (AFP)", or
// a whole line "— VNS"; nullopt when there is none.
std::optional<Tag> trailing_tag(std::string_view s);

struct Credit {
  std::string name;
  bool person = false;  // a translator or compiler rather than a source outlet
};
// A whole-line credit: "Compiled by BTA", "Source: Xinhua", "(Translated by Jane Doe)".
std::optional<Credit> parse_credit_line(std::string_view s);

struct DateLine {
  FuzzyDate date;
  std::size_t prefix = 0;  // bytes of the line that are the date line
  bool updated = false;    // "Updated: ..." is not the publication date
};
// A line that is a date ("May 29, 2024", "Published: 24/10/2024 10:30"), or a
// keyword and date opening a paragraph ("date 2024-10-24 KAZAN — ...").
std::optional<DateLine> parse_date_line(std::string_view s);

struct Byline {
  std::string author;
  std::optional<FuzzyDate> date;
};
// "Ksenia Muratshina, May 29, 2024", "By Jane Doe | 24 October 2024", "By Jane Doe".
std::optional<Byline> parse_byline(std::string_view s);

// True when `s` holds "said", "says", "told", "added" or "stated" as a word, in
// any case: what the regular expression \b(?:said|says|told|added|stated)\b
// with std::regex::icase finds (word characters being ASCII letters, digits
// and '_'), written out because a closing note is a long paragraph.
bool reports_speech(std::string_view s);

struct AuthorNote {
  std::string author, publisher;  // either may be empty
};
// A closing note about the author: "Jane DOE, PhD in History, ... especially
// for the magazine “X”" or "The author is ...". Not a paragraph that reports
// speech ("..., an expert, said ...").
std::optional<AuthorNote> parse_author_note(std::string_view s);

}  // namespace annals::article_lines
