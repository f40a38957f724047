#pragma once
// The words that tell an organisation's name from the words around it, for
// lib/pipeline/entities.cc: "Ministry of Foreign Affairs and Trade" holds a head
// word and connectors; "Meanwhile", "President" and "August" are not part of it.

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
// The Organization::kind of a name with head word `head` after the word `before`
// ("news agency" -> "media", "university" -> "education").
std::string kind_of(std::string_view head, std::string_view before);

}  // namespace annals::org_words
