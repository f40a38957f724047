#pragma once
// Persons named in an article: their names and short forms, titles and the
// states or organisations those titles belong to. Reads the sentences and the
// country and organisation mentions of a Doc; titles come from
// schema/reference/titles.tsv.

#include "pipeline/doc.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace annals {

struct PersonResult {
  std::vector<Person> persons;    // in order of first mention
  std::vector<Mention> mentions;  // kind person, entity = index into persons; by span.begin
};

// The persons the article names, each once. A name counts when a title or a
// byline introduces it ("Lao President Thongloun Sisoulith", "President of the
// Lao People's Democratic Republic Thongloun Sisoulith", "Thongloun Sisoulith,
// General Secretary of ...", "Ksenia Muratshina, May 29, 2024"); its short forms
// anywhere in the article ("President Thongloun", "Chính", "T. Sisoulith",
// "V.V. Putin"), compared with fold(), are the same person, before or after the
// full form. Person::name is the fullest form, Person::aliases the other forms
// that fold differently. Each Position has the canonical title, the country
// (from an adjective, "of <country>" or the organisation's country) and the
// organisation, with the phrase stating it as evidence; "was elected X" and
// "election as X" add a position to the person last mentioned. A relational
// noun after a possessive also introduces a name, with no post ("his father
// Hun Sen", "her Russian counterpart X" gives RUS). A country before titles
// joined by "and" or commas holds for each name ("Japanese Foreign Minister A
// and Defence Minister B"), unless "between" sets them apart or the article
// states another. A suffix stays in the name ("Ferdinand Marcos Jr.") and short
// forms drop it ("Marcos"). Mentions span the names only, never the titles.
// Empty when no person is introduced.
PersonResult find_persons(const Doc& doc);

// The person a description refers to ("the Lao leader", "the Vietnamese State
// leader", "the President", "the Russian Foreign Minister"): among persons
// mentioned before `description`, the most recently mentioned one whose country
// (from a country mention in the description) and title (a title, or "leader"
// for any leader-level post) fit. A person of unknown country fits a country
// only when no person of that country fits. nullopt when none fits or the
// description is plural ("the two leaders").
std::optional<std::size_t> resolve_description(const Doc& doc, const PersonResult& persons,
                                               Span description);

}  // namespace annals
