#include "pipeline/org_words.h"

#include <algorithm>
#include <initializer_list>

namespace annals::org_words {
namespace {

bool in(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

}  // namespace

bool head_word(std::string_view w) {
  return in(w, {"party",         "ministry",      "agency",     "union",       "organisation",
                "organization",  "association",   "assembly",   "committee",   "council",
                "forum",         "foundation",    "university", "institute",   "institution",
                "academy",       "embassy",       "bank",       "fund",        "group",
                "centre",        "center",        "commission", "office",      "front",
                "movement",      "league",        "alliance",   "corporation", "company",
                "college",       "school",        "society",    "department",  "secretariat",
                "parliament",    "court",         "army",       "times",       "gazette",
                "herald",        "tribune",       "radio",      "television",  "associations",
                "organisations", "organizations", "unions",     "foundations", "councils",
                "committees"});
}

bool connector(std::string_view w) {
  return in(w, {"of", "for", "the", "and", "on", "de", "du", "des", "la", "le", "et", "d"});
}

bool stop_word(std::string_view w) {
  return in(w,
            {"the",       "a",     "an",      "in",    "on",    "at",      "for",       "from",
             "to",        "with",  "by",      "of",    "and",   "but",     "or",        "as",
             "during",    "after", "before",  "since", "under", "both",    "this",      "that",
             "these",     "those", "its",     "his",   "her",   "their",   "our",       "also",
             "meanwhile", "when",  "while",   "if",    "then",  "however", "currently", "recently",
             "yesterday", "today", "last",    "next",  "many",  "some",    "all",       "every",
             "each",      "major", "several", "such",  "dear",  "via",     "between",   "among",
             "within",    "later", "earlier", "now"});
}

bool date_word(std::string_view w) {
  return in(w, {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
                "wednesday", "thursday", "friday", "saturday", "sunday"});
}

bool title_word(std::string_view w) {
  return in(w, {"president",  "vice",      "prime",       "minister",     "ministers", "secretary",
                "general",    "chairman",  "chairwoman",  "chairperson",  "chair",     "director",
                "ambassador", "premier",   "deputy",      "head",         "chief",     "king",
                "queen",      "prince",    "princess",    "mr",           "mrs",       "ms",
                "dr",         "professor", "prof",        "comrade",      "senator",   "governor",
                "mayor",      "spokesman", "spokeswoman", "spokesperson", "envoy",     "consul",
                "commander",  "marshal",   "colonel",     "lieutenant",   "captain",   "sheikh",
                "sultan",     "emir",      "pope",        "excellency",   "majesty"});
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
