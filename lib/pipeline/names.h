#pragma once
// Personal names in the person stage's token view: where one starts and ends,
// and when one is a short form of another. Internal to lib/pipeline/persons.cc
// and titles.cc.

#include "pipeline/person_scan.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace annals::person_parse {

struct Part {
  std::string fold;
  bool initial = false;  // "V." in "V.V. Putin"
  bool suffix = false;   // "Jr", "II": follows the name's last part
  friend bool operator==(const Part&, const Part&) = default;
};

struct Name {
  std::size_t begin = 0, end = 0;  // tokens
  std::vector<Part> parts;
  std::vector<std::size_t> part_end;  // token after each part
};

enum class NameMode {
  anchored,  // right after a title: "General Secretary To Lam"
  loose,     // no title before it: sentence openers are not names
  known,     // looking for forms of persons already found: longer runs allowed
};

// The name starting at token k: capitalised words, initials ("V.V."), hyphenated
// parts, lowercase particles ("bin", "van") between capitalised words, and a
// closing suffix with its dot ("Jr."). nullopt when none starts there or the run
// names a place or occasion ("Ho Chi Minh City", "Victory Day").
std::optional<Name> parse_name(const Scan& s, std::size_t k, NameMode mode);

// True when `shorter` is a short form of `full`: a single part of it (only its
// last part before any suffix unless `any_part`), the name without its suffix
// ("Marcos", "Ferdinand Marcos" for "Ferdinand Marcos Jr."), or initials and parts
// ending in its last part ("T. Sisoulith", "V.V. Putin", "Minh Chính").
bool short_form_of(const std::vector<Part>& shorter, const std::vector<Part>& full, bool any_part);

}  // namespace annals::person_parse
