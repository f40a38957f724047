#pragma once
// Personal names in the person stage's token view: where one starts and ends,
// and when one is a short form of another. Internal to lib/pipeline/persons.cc
// and titles.cc.

#include "pipeline/person_scan.h"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
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
// The same into `n`, whose storage is reused: callers that try many tokens
// allocate once. False, `n` unspecified, when no name starts at k.
bool parse_name(const Scan& s, std::size_t k, NameMode mode, Name& n);

// True when `shorter` is the lone first part of a two-part name, which may be
// its family name: "Noh" for "Noh Hyun-hyuk", "Xi" for "Xi Jinping".
bool family_name_form(const std::vector<Part>& shorter, const std::vector<Part>& full);

// True when `shorter` is a short form of `full`: a single part of it (its last
// part before any suffix or, of two, its first; any part if `any_part`), the name
// without its suffix ("Marcos", "Ferdinand Marcos" for "Ferdinand Marcos Jr."), or
// initials and parts ending in its last part ("T. Sisoulith", "V.V. Putin", "Minh Chính").
bool short_form_of(const std::vector<Part>& shorter, const std::vector<Part>& full, bool any_part);

// A string equal for two names exactly when their parts are ==.
std::string key_of(const std::vector<Part>& parts);

// Whether a name is a short form (any part) of one of a set of names, each
// distinct name tested once and only against the names holding its last word
// (every short form ends in a word of its full form): an article that repeats
// one name thousands of times stays linear.
class ShortFormIndex {
 public:
  // Adds `full`, which must outlive this index.
  void add(const std::vector<Part>& full);
  // True when short_form_of(x, y, true) for some added y.
  bool shortens_any(const std::vector<Part>& x);

 private:
  std::unordered_set<std::string> keys_;  // key_of each added name
  std::unordered_map<std::string, std::vector<const std::vector<Part>*>> by_fold_;
  std::unordered_map<std::string, bool> memo_;  // key_of(x) -> answer
};

}  // namespace annals::person_parse
