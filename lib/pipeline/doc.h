#pragma once
// The plain data the import pipeline passes from stage to stage. The Doc owns
// the text; every Span is [begin, end) byte offsets into Article::body.

#include "annals/types.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

struct Span {
  std::size_t begin = 0, end = 0;
  std::size_t size() const { return end - begin; }
  bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

inline std::string_view text_of(std::string_view body, Span s) {
  return body.substr(s.begin, s.end - s.begin);
}

// A metadata value and where it came from ("manifest", "date line", "byline",
// "publisher tag", "inferred: ...").
struct Stated {
  std::string value;
  std::string from;
};

// A run of the body copied from the raw text: body[body_begin, +length) is
// raw[raw_begin, +length).
struct Segment {
  std::size_t body_begin = 0, raw_begin = 0, length = 0;
};

// A part of the raw text left out of the body, and why ("navigation",
// "related list", "photo caption", "comment notice", "other language", ...).
struct Removed {
  Span raw;
  std::string reason;
};

struct Article {
  std::string file;  // the name the source is known by (relative path)
  std::string raw;   // the bytes as read, valid UTF-8
  std::string body;  // cleaned text: what facts are extracted from
  std::vector<Segment> segments;  // body -> raw, ordered by body_begin
  std::vector<Removed> removed;   // ordered by raw.begin
  std::optional<Stated> title, publisher, author, url, language;
  std::optional<FuzzyDate> published;
  std::string published_from;  // where `published` came from

  // Offset in `raw` of body offset `pos` (pos may equal body.size()).
  std::size_t raw_offset(std::size_t pos) const;
};

// `a.segments` with neighbours joined wherever the bytes between them are the
// same in the body and in the raw text (a paragraph break the cleaner kept as
// it was): the same map in fewer rows. Positions between two joined segments
// map to their own raw bytes rather than to the end of the first.
std::vector<Segment> joined_segments(const Article& a);

enum class EntityKind { country, person, organization };

// A stretch of the body that names an entity.
struct Mention {
  Span span;
  EntityKind kind = EntityKind::country;
  std::string country;     // kind == country: ISO code (alpha-3, or alpha-4 for former states)
  std::size_t entity = 0;  // kind == person/organization: index into Doc::persons/organizations
  bool adjective = false;  // a demonym or adjective ("Lao", "Russian") rather than a name
};

struct Position {
  std::string title;                 // "President", "Foreign Minister", "General Secretary"
  std::optional<std::string> organization;  // organisation name, when the title belongs to one
  std::optional<std::string> country;       // ISO code of the state the post belongs to
  std::optional<FuzzyDate> start, end;
  Span evidence;                     // where the text states it
};

struct Person {
  std::string name;                  // the fullest form the article uses
  std::vector<std::string> aliases;  // other forms in the same article
  std::optional<std::string> country;  // ISO code
  std::vector<Position> positions;
};

struct Organization {
  std::string name;
  std::vector<std::string> aliases;  // acronyms and other forms
  std::optional<std::string> country;  // ISO code, for national bodies
  std::string kind;  // "international", "party", "state_body", "media", "education", "other"
};

// A city or other place named in the body, with the country it lies in. A place
// is not a mention of its country ("Hanoi" does not name Vietnam as an actor), but
// it tells where an event happened and where a visitor went.
struct PlaceMention {
  Span span;
  std::string name;     // as written
  std::string country;  // ISO code of the country it lies in
  bool capital = false;
};

// A date the text states, resolved. For ranges `end` is set.
struct DateMention {
  Span span;
  FuzzyDate start;
  std::optional<FuzzyDate> end;
  std::string inferred_from;  // non-empty when not printed in full (relative, missing year)
};

enum class Role { actor, counterpart, participant };
std::string_view to_string(Role r);

struct Participant {
  Role role = Role::actor;
  EntityKind kind = EntityKind::country;
  std::string country;     // kind == country: ISO code
  std::size_t entity = 0;  // kind == person/organization: index into Doc vectors
  friend bool operator==(const Participant&, const Participant&) = default;
};

struct Event {
  std::string type;   // visit, meeting, summit, agreement, relations_established,
                      // relations_upgraded, military_exercise, aid, election, other
  std::string cameo;  // "042", ... ; empty when none applies
  std::string plover_category, plover_mode;  // "CONSULT"/"visit", "AGREE", "AID", ...
  std::optional<FuzzyDate> start, end;      // no start: undated
  std::string date_inferred_from;
  std::string location;
  std::vector<Participant> participants;
  std::vector<Span> evidence;  // phrases stating it (each inside one sentence)
  std::string summary;
};

// A milestone between two countries; also present as an event.
struct Relation {
  std::string kind;  // diplomatic_relations_established, recognition, treaty_signed, relations_upgraded
  std::string a, b;  // ISO codes, the acting side first
  std::optional<FuzzyDate> date;
  Span evidence;
  std::size_t event = 0;  // index into Doc::events
};

struct Doc {
  Article article;
  std::vector<Span> sentences;
  std::vector<Mention> mentions;  // ordered by span.begin
  std::vector<Person> persons;
  std::vector<Organization> organizations;
  std::vector<PlaceMention> places;  // ordered by span.begin
  std::vector<DateMention> dates;  // ordered by span.begin
  std::vector<Event> events;
  std::vector<Relation> relations;

  std::string_view text(Span s) const { return text_of(article.body, s); }
  // Index of the sentence holding body offset `pos`, or sentences.size().
  std::size_t sentence_at(std::size_t pos) const;
};

}  // namespace annals
