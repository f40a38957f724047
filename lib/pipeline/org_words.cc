#include "pipeline/org_words.h"

#include <algorithm>
#include <initializer_list>

#include "text/word_map.h"

namespace annals::org_words {
namespace {

bool in(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

}  // namespace

// The word lists are hash sets: entities.cc asks of most capitalised words of
// every article, where a scan of a list compared up to fifty strings.

bool head_word(std::string_view w) {
  static const WordSet kWords = {
      "party",       "ministry",   "agency",       "union",         "organisation",  "organization",
      "association", "assembly",   "committee",    "council",       "forum",         "foundation",
      "university",  "institute",  "institution",  "academy",       "embassy",       "bank",
      "fund",        "group",      "centre",       "center",        "commission",    "office",
      "front",       "movement",   "league",       "alliance",      "corporation",   "company",
      "college",     "school",     "society",      "department",    "secretariat",   "parliament",
      "court",       "army",       "times",        "gazette",       "herald",        "tribune",
      "radio",       "television", "associations", "organisations", "organizations", "unions",
      "foundations", "councils",   "committees"};
  return kWords.contains(w);
}

bool connector(std::string_view w) {
  static const WordSet kWords = {"of", "for", "the", "and", "on", "de",
                                 "du", "des", "la",  "le",  "et", "d"};
  return kWords.contains(w);
}

bool stop_word(std::string_view w) {
  static const WordSet kWords = {
      "the",       "a",     "an",      "in",    "on",    "at",      "for",       "from",
      "to",        "with",  "by",      "of",    "and",   "but",     "or",        "as",
      "during",    "after", "before",  "since", "under", "both",    "this",      "that",
      "these",     "those", "its",     "his",   "her",   "their",   "our",       "also",
      "meanwhile", "when",  "while",   "if",    "then",  "however", "currently", "recently",
      "yesterday", "today", "last",    "next",  "many",  "some",    "all",       "every",
      "each",      "major", "several", "such",  "dear",  "via",     "between",   "among",
      "within",    "later", "earlier", "now"};
  return kWords.contains(w);
}

bool date_word(std::string_view w) {
  static const WordSet kWords = {
      "january",   "february", "march",     "april",    "may",    "june",     "july",  "august",
      "september", "october",  "november",  "december", "jan",    "feb",      "mar",   "apr",
      "jun",       "jul",      "aug",       "sep",      "sept",   "oct",      "nov",   "dec",
      "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday"};
  return kWords.contains(w);
}

bool title_word(std::string_view w) {
  static const WordSet kWords = {
      "president",  "vice",      "prime",       "minister",     "ministers", "secretary",
      "general",    "chairman",  "chairwoman",  "chairperson",  "chair",     "director",
      "ambassador", "premier",   "deputy",      "head",         "chief",     "king",
      "queen",      "prince",    "princess",    "mr",           "mrs",       "ms",
      "dr",         "professor", "prof",        "comrade",      "senator",   "governor",
      "mayor",      "spokesman", "spokeswoman", "spokesperson", "envoy",     "consul",
      "commander",  "marshal",   "colonel",     "lieutenant",   "captain",   "sheikh",
      "sultan",     "emir",      "pope",        "excellency",   "majesty"};
  return kWords.contains(w);
}

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
