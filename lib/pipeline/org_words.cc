#include "pipeline/org_words.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <utility>

#include "text/word_map.h"

namespace annals::org_words {
namespace {

bool in(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

}  // namespace

// The word lists make one hash map from word to class bits: entities.cc asks
// of most capitalised words of every article, and one look-up with the
// token's hash, already computed by tokenize(), answers all its questions.

namespace {

constexpr std::string_view kHeadWords[] = {
    "party",       "ministry",   "agency",       "union",         "organisation",  "organization",
    "association", "assembly",   "committee",    "council",       "forum",         "foundation",
    "university",  "institute",  "institution",  "academy",       "embassy",       "bank",
    "fund",        "group",      "centre",       "center",        "commission",    "office",
    "front",       "movement",   "league",       "alliance",      "corporation",   "company",
    "college",     "school",     "society",      "department",    "secretariat",   "parliament",
    "court",       "army",       "times",        "gazette",       "herald",        "tribune",
    "radio",       "television", "associations", "organisations", "organizations", "unions",
    "foundations", "councils",   "committees"};

constexpr std::string_view kConnectorWords[] = {"of", "for", "the", "and", "on", "de",
                               "du", "des", "la",  "le",  "et", "d"};

constexpr std::string_view kStopWords[] = {
    "the",       "a",     "an",      "in",    "on",    "at",      "for",       "from",
    "to",        "with",  "by",      "of",    "and",   "but",     "or",        "as",
    "during",    "after", "before",  "since", "under", "both",    "this",      "that",
    "these",     "those", "its",     "his",   "her",   "their",   "our",       "also",
    "meanwhile", "when",  "while",   "if",    "then",  "however", "currently", "recently",
    "yesterday", "today", "last",    "next",  "many",  "some",    "all",       "every",
    "each",      "major", "several", "such",  "dear",  "via",     "between",   "among",
    "within",    "later", "earlier", "now"};

constexpr std::string_view kDateWords[] = {
    "january",   "february", "march",     "april",    "may",    "june",     "july",  "august",
    "september", "october",  "november",  "december", "jan",    "feb",      "mar",   "apr",
    "jun",       "jul",      "aug",       "sep",      "sept",   "oct",      "nov",   "dec",
    "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday"};

constexpr std::string_view kTitleWords[] = {
    "president",  "vice",      "prime",       "minister",     "ministers", "secretary",
    "general",    "chairman",  "chairwoman",  "chairperson",  "chair",     "director",
    "ambassador", "premier",   "deputy",      "head",         "chief",     "king",
    "queen",      "prince",    "princess",    "mr",           "mrs",       "ms",
    "dr",         "professor", "prof",        "comrade",      "senator",   "governor",
    "mayor",      "spokesman", "spokeswoman", "spokesperson", "envoy",     "consul",
    "commander",  "marshal",   "colonel",     "lieutenant",   "captain",   "sheikh",
    "sultan",     "emir",      "pope",        "excellency",   "majesty"};

constexpr std::string_view kMediaAfterWords[] = {"newspaper", "daily", "magazine"};
constexpr std::string_view kMediaBeforeWords[] = {"newspaper", "magazine", "journal"};

// The word map, and a 1024-bit filter of its words' hashes that turns away
// most other words before the map is probed.
struct ClassTable {
  WordMap<std::uint8_t> map;
  std::array<std::uint64_t, 16> filter{};

  static std::size_t bit(std::uint64_t hash) { return (hash >> 40) & 1023; }
  bool may_hold(std::uint64_t hash) const {
    return (filter[bit(hash) >> 6] >> (bit(hash) & 63)) & 1;
  }
};

const ClassTable& class_table() {
  static const ClassTable kTable = [] {
    ClassTable t;
    const std::pair<std::span<const std::string_view>, WordClass> lists[] = {
        {kHeadWords, kHead},   {kConnectorWords, kConnector},     {kStopWords, kStop},
        {kDateWords, kDate},   {kTitleWords, kTitle},             {kMediaAfterWords, kMediaAfter},
        {kMediaBeforeWords, kMediaBefore}};
    for (const auto& [words, bit] : lists)
      for (std::string_view w : words) {
        t.map.insert(w, 0) |= bit;
        const std::size_t b = ClassTable::bit(word_hash(w));
        t.filter[b >> 6] |= std::uint64_t(1) << (b & 63);
      }
    return t;
  }();
  return kTable;
}

bool is(std::string_view w, WordClass c) { return classes(w, word_hash(w)) & c; }

}  // namespace

std::uint8_t classes(std::string_view w, std::uint64_t hash) {
  const ClassTable& table = class_table();
  if (!table.may_hold(hash)) return 0;
  const std::uint8_t* found = table.map.find(w, hash);
  return found ? *found : 0;
}

bool head_word(std::string_view w) { return is(w, kHead); }
bool connector(std::string_view w) { return is(w, kConnector); }
bool stop_word(std::string_view w) { return is(w, kStop); }
bool date_word(std::string_view w) { return is(w, kDate); }
bool title_word(std::string_view w) { return is(w, kTitle); }

std::string kind_of(std::string_view head, std::string_view before) {
  if (head == "party") return "party";
  if (head == "agency" && before == "news") return "media";
  if (in(head, {"times", "gazette", "herald", "tribune", "radio", "television"})) return "media";
  if (in(head, {"university", "institute", "academy", "college", "school"})) return "education";
  if (in(head, {"ministry", "agency", "embassy", "committee", "council", "commission", "assembly",
                "parliament", "secretariat", "department", "office", "court", "army", "committees",
                "councils"}))
    return "state_body";
  return "other";
}

}  // namespace annals::org_words
