#pragma once
// Invented person names: syllables drawn from tables in the manner of a region,
// so no real person is named on purpose and every name is new.

#include <cstdint>
#include <string>
#include <string_view>

#include "random.h"

namespace annals::gen {

enum class NameStyle : std::uint8_t {
  african, arab, chinese, japanese, korean, vietnamese, southeast_asian, south_asian,
  turkic, slavic, western, latin, pacific
};

struct PersonName {
  std::string given, family;  // as written; may carry diacritics
  bool family_first = false;  // "Tran Quoc Khang": family name first
  bool short_is_given = false;  // Vietnamese press shortens to the last given name

  // "Amani Wekesa", or family first for the styles that write it so.
  std::string full() const;
  // The form a later mention uses alone: usually the family name.
  std::string short_form() const;
};

// A name in `style`, drawn from `rng`. Tokens are one to four syllables; the
// caller checks they do not collide with country or organisation words.
PersonName invent_name(NameStyle style, Rng& rng);

// `text` with diacritics removed and the first letter of each word kept in its
// case ("Phạm Minh Chính" -> "Pham Minh Chinh"), as much of the press writes them.
std::string without_diacritics(std::string_view text);

// True when `text` has bytes outside ASCII.
bool has_diacritics(std::string_view text);

}  // namespace annals::gen
