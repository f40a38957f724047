#pragma once
// The words that tell an organisation's name from the words around it, for
// lib/pipeline/entities.cc: "Ministry of Foreign Affairs and Trade" holds a head
// word and connectors; "Meanwhile", "President" and "August" are not part of it.

#include <cstdint>
#include <string>
#include <string_view>

namespace annals::org_words {

// True for a head word: a capitalised run holding one names an organisation
// ("party", "ministry", "university", "times"). Words are folded.
bool head_word(std::string_view w);
// True for a word that joins the parts of one name ("of", "and", "the", "de").
bool connector(std::string_view w);
// True for a word capitalised because it opens a sentence ("the", "meanwhile").
bool stop_word(std::string_view w);
// True for a month or weekday: a date ends a name ("the National Assembly on August 22").
bool date_word(std::string_view w);
// True for a word of a person's title ("president", "secretary", "mr").
bool title_word(std::string_view w);
// The classes above, as bits, so that one look-up answers every question
// about a word (media_after: "newspaper", "daily", "magazine" after a name;
// media_before: "newspaper", "magazine", "journal" before one).
enum WordClass : std::uint8_t {
  kHead = 1,
  kConnector = 2,
  kStop = 4,
  kDate = 8,
  kTitle = 16,
  kMediaAfter = 32,
  kMediaBefore = 64,
};
// The WordClass bits of folded word `w` whose word_hash (text/word_map.h) is
// `hash`, or-ed; 0 for a word of no class.
std::uint8_t classes(std::string_view w, std::uint64_t hash);

// The Organization::kind of a name with head word `head` after the word `before`
// ("news agency" -> "media", "university" -> "education").
std::string kind_of(std::string_view head, std::string_view before);

}  // namespace annals::org_words
