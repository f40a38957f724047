#include "pipeline/article_meta.h"

#include "pipeline/article.h"
#include "pipeline/article_rules.h"
#include "text/words.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

// As in article_rules.cc, the rules met by every line check what a match
// needs (a first word, a final letter) before running a regular expression;
// the publisher tags, also met by every line, are matched by hand.

namespace annals {
namespace {

using article_lines::kIcase;
using article_lines::Match;
using article_lines::search;

const std::string kWeekday = R"((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?)";
const std::string kMonth =
    R"((jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)";
const std::string kYear = R"((\d{4})(?![0-9]))";

unsigned month_number(const std::string& name) {
  static constexpr std::string_view kNames = "janfebmaraprmayjunjulaugsepoctnovdec";
  return unsigned(kNames.find(ascii_lower(name.substr(0, 3))) / 3 + 1);
}
int number(const Match& m, int group) { return std::stoi(m.str(group)); }

std::optional<FuzzyDate> checked(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  const FuzzyDate f = full_date(y, unsigned(m), unsigned(d));
  return f.day.ok() ? std::optional(f) : std::nullopt;
}
// "24/10/2024" or "10/24/2024": the order shows only when a part exceeds 12.
std::optional<FuzzyDate> numeric_date(int a, int b, int y) {
  if (a > 12 || a == b) return checked(y, b, a);
  if (b > 12) return checked(y, a, b);
  return a >= 1 && b >= 1 ? std::optional(year_only(y)) : std::nullopt;
}

// Every printed date starts with a digit, or with a weekday or month name
// ("Thursday,", "Sept.", "May ") that no other letter follows.
bool may_start_date(std::string_view s) {
  static constexpr std::string_view kNames[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
      "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
      "november", "dec", "december"};
  if (s.empty()) return false;
  if (s[0] >= '0' && s[0] <= '9') return true;
  std::size_t n = 0;
  while (n < s.size() && n < 10 && std::isalpha(static_cast<unsigned char>(s[n]))) ++n;
  const std::string first = ascii_lower(s.substr(0, n));
  return std::find(std::begin(kNames), std::end(kNames), first) != std::end(kNames);
}

}  // namespace

std::optional<FuzzyDate> parse_printed_date(std::string_view text, std::size_t& used) {
  static const std::regex kIso(R"((\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![0-9]))");
  static const std::regex kMdy(kWeekday + kMonth + R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+)" + kYear, kIcase);
  static const std::regex kDmy(kWeekday + R"((\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)" + kMonth +
                                   R"(,?\s+)" + kYear, kIcase);
  static const std::regex kNumeric(kWeekday + R"((\d{1,2})[/.-](\d{1,2})[/.-])" + kYear, kIcase);
  static const std::regex kMonthYear(kMonth + R"(,?\s+)" + kYear, kIcase);
  static const std::regex kClock(
      R"(\s*(?:(?:,|\||-|–|—)\s*)?(?:at\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?(?:GMT|UTC|ICT)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?)",
      kIcase);
  if (!may_start_date(text)) return std::nullopt;
  Match m;
  std::optional<FuzzyDate> d;
  if (search(text, kIso, m, true)) d = checked(number(m, 1), number(m, 2), number(m, 3));
  else if (search(text, kMdy, m, true)) d = checked(number(m, 3), int(month_number(m.str(1))), number(m, 2));
  else if (search(text, kDmy, m, true)) d = checked(number(m, 3), int(month_number(m.str(2))), number(m, 1));
  else if (search(text, kNumeric, m, true)) d = numeric_date(number(m, 1), number(m, 2), number(m, 3));
  else if (search(text, kMonthYear, m, true)) d = year_month(number(m, 2), month_number(m.str(1)));
  if (!d) return std::nullopt;
  used = std::size_t(m.length(0));
  if (Match t; search(text.substr(used), kClock, t, true)) used += std::size_t(t.length(0));
  return d;
}

namespace article_lines {
namespace {

// The tag patterns below are written out rather than left to std::regex, which
// recurses once per character a repeat consumes: a long run of capitals or of
// "a." in one line overflowed the stack. Each says the regular expression it
// matches exactly as std::regex would (first match in its backtracking order,
// \s being ASCII white space), and the tests hold them to it.

bool regex_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool upper_at(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= 'A' && s[i] <= 'Z'; }
bool letter_at(std::string_view s, std::size_t i) { return upper_at(s, i) || (i < s.size() && s[i] >= 'a' && s[i] <= 'z'); }

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && regex_space(s[i])) ++i;
  return i;
}

// Bytes of `-|–|—` (or `-|–|—|:` when `colon`) at i; 0 if none.
std::size_t dash_at(std::string_view s, std::size_t i, bool colon) {
  if (i < s.size() && (s[i] == '-' || (colon && s[i] == ':'))) return 1;
  const std::string_view rest = s.substr(std::min(i, s.size()));
  return rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94") ? 3 : 0;
}

// `\(([A-Z][A-Za-z/.]{1,11})\)` at i: the end of ")", and the name in `name`.
std::optional<std::size_t> bracketed_name(std::string_view s, std::size_t i, std::string_view& name) {
  if (i >= s.size() || s[i] != '(' || !upper_at(s, i + 1)) return std::nullopt;
  std::size_t e = i + 2;
  while (e < s.size() && (letter_at(s, e) || s[e] == '/' || s[e] == '.')) ++e;
  if (e - (i + 2) < 1 || e - (i + 2) > 11 || e >= s.size() || s[e] != ')') return std::nullopt;
  name = s.substr(i + 1, e - (i + 1));
  return e + 1;
}

// `[A-Z][A-Za-z]{1,11}(?:/[A-Z][A-Za-z]{1,11})?`, or with `caps` `[A-Z]{2,}(?:/[A-Z]{2,})?`,
// matching all of `s`.
bool whole_name(std::string_view s, bool caps) {
  auto part = [&](std::string_view p) {
    if (p.size() < 2 || (!caps && p.size() > 12) || !upper_at(p, 0)) return false;
    for (std::size_t i = 1; i < p.size(); ++i)
      if (!(caps ? upper_at(p, i) : letter_at(p, i))) return false;
    return true;
  };
  const std::size_t slash = s.find('/');
  return slash == std::string_view::npos ? part(s) : part(s.substr(0, slash)) && part(s.substr(slash + 1));
}

// `([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\s*(?:-|–|—|:)\s*` at the
// start: "VOV.VN - ". The domain is the longest that can be followed by the
// separator (the greedy repeats find it first); returns the match's length.
std::optional<std::size_t> domain_tag(std::string_view s, std::string_view& domain) {
  auto run_char = [&](std::size_t i) {
    return letter_at(s, i) || (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '.';
  };
  std::size_t run = 0;
  while (run < s.size() && run_char(run)) ++run;
  if (run == 0 || s[0] == '-' || s[0] == '.') return std::nullopt;
  // For each end e: the last dot before it, whether the parts before that dot
  // are all non-empty, and whether all since it are letters.
  std::size_t last_dot = std::string_view::npos;
  bool parts_ok = true, letters_since_dot = false;
  std::vector<char> valid(run + 1, 0);
  for (std::size_t i = 0; i < run; ++i) {
    if (s[i] == '.') {
      parts_ok = parts_ok && i > 0 && (last_dot == std::string_view::npos || i > last_dot + 1);
      last_dot = i;
      letters_since_dot = true;
      continue;
    }
    letters_since_dot = letters_since_dot && letter_at(s, i);
    valid[i + 1] = last_dot != std::string_view::npos && parts_ok && letters_since_dot && i >= last_dot + 2;
  }
  for (std::size_t e = run; e > 0; --e) {
    if (!valid[e]) continue;
    std::size_t sep = 0, after = e;
    if (e == run) {
      after = skip_spaces(s, e);
      sep = dash_at(s, after, true);
    } else {
      sep = s[e] == '-' ? 1 : 0;
    }
    if (!sep) continue;
    domain = s.substr(0, e);
    return skip_spaces(s, after + sep);
  }
  return std::nullopt;
}

// `(?:[A-Z][A-Z'.-]+,?\s+){1,3}(\(([A-Z][A-Za-z/.]{1,11})\)\s*)` at the start:
// "HANOI (VNA) ". Returns where "(" starts and the match's end.
std::optional<std::pair<std::size_t, std::size_t>> place_agency(std::string_view s, std::string_view& name) {
  std::size_t i = 0;
  for (int words = 0; words < 3; ++words) {
    if (!upper_at(s, i)) break;
    std::size_t e = i + 1;
    while (e < s.size() && (upper_at(s, e) || s[e] == '\'' || s[e] == '.' || s[e] == '-')) ++e;
    if (e == i + 1) break;
    if (e < s.size() && s[e] == ',') ++e;
    const std::size_t next = skip_spaces(s, e);
    if (next == e) break;
    i = next;
    if (const auto end = bracketed_name(s, i, name)) return std::pair{i, skip_spaces(s, *end)};
  }
  return std::nullopt;
}

bool media_name(std::string_view s) {
  static const std::set<std::string_view> kWords = {
      "news", "agency", "times", "post", "press", "radio", "tv", "television", "journal", "daily",
      "herald", "tribune", "gazette", "online", "magazine", "media", "network", "service",
      "broadcasting", "voice", "outlook", "review", "weekly", "channel"};
  const FoldedWords toks(s);
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (kWords.count(toks[i])) return true;
  return false;
}

std::size_t separator_at(std::string_view s, std::size_t p) {
  if (s[p] == ',' || s[p] == '|') return 1;
  if (p == 0 || s[p - 1] != ' ') return 0;
  for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"})
    if (s.compare(p, dash.size(), dash) == 0) return dash.size();
  return 0;
}

// The outlet in "... especially for the online magazine “New Eastern Outlook”".
std::string written_for(std::string_view s) {
  static const std::regex kMedium(
      R"((?:the\s+)?(?:online\s+)?(?:(?:magazine|newspaper|journal|website|portal|outlet|edition|blog)\s+)?)",
      kIcase);
  const std::string low = ascii_lower(s);
  for (std::string_view key : {"especially for ", "exclusively for ", "specially for ", "written for "}) {
    const auto p = low.find(key);
    if (p == std::string::npos) continue;
    std::string_view rest = s.substr(p + key.size());
    if (Match m; search(rest, kMedium, m, true)) rest.remove_prefix(std::size_t(m.length(0)));
    for (bool again = true; again;) {
      again = false;
      rest = trim_spaces(rest);
      for (std::string_view q : {"\"", "'", ".", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB",
                                 "\xE2\x80\x98", "\xE2\x80\x99"}) {
        if (rest.starts_with(q)) rest.remove_prefix(q.size()), again = true;
        if (rest.ends_with(q)) rest.remove_suffix(q.size()), again = true;
      }
    }
    if (const auto n = word_count(rest); n >= 1 && n <= 8) return std::string(rest);
  }
  return "";
}

// Whether the words of `phrase` stand together in `folded` (both as fold() gives them).
bool has_phrase(std::string_view folded, std::string_view phrase) {
  for (std::size_t p = folded.find(phrase); p != std::string_view::npos; p = folded.find(phrase, p + 1)) {
    const std::size_t end = p + phrase.size();
    if ((p == 0 || folded[p - 1] == ' ') && (end == folded.size() || folded[end] == ' ')) return true;
  }
  return false;
}

}  // namespace

bool reports_speech(std::string_view s) {
  auto word_char = [&](std::size_t i) {
    return i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_');
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = char(s[i] | 0x20);
    if ((c != 's' && c != 't' && c != 'a') || (i > 0 && word_char(i - 1))) continue;
    for (std::string_view w : {"said", "says", "told", "added", "stated"})
      if (istarts_with(s.substr(i), w) && !word_char(i + w.size())) return true;
  }
  return false;
}

std::optional<Tag> leading_tag(std::string_view s) {
  auto rest = [&](std::size_t end) { return !trim_spaces(s.substr(end)).empty(); };
  std::string_view name;
  if (const auto end = domain_tag(s, name); end && rest(*end)) return Tag{std::string(name), {0, *end}};
  // `\(([A-Z][A-Za-z/.]{1,11})\)\s*(?:(?:-|–|—|:)\s*)?`: "(VNA) - ".
  if (auto end = bracketed_name(s, 0, name)) {
    *end = skip_spaces(s, *end);
    if (const std::size_t sep = dash_at(s, *end, true)) *end = skip_spaces(s, *end + sep);
    if (rest(*end)) return Tag{std::string(name), {0, *end}};
  }
  if (const auto at = place_agency(s, name); at && rest(at->second))
    return Tag{std::string(name), {at->first, at->second}};
  return std::nullopt;
}

std::optional<Tag> trailing_tag(std::string_view s) {
  static const std::string kName = R"(([A-Z][A-Za-z]{1,11}(?:/[A-Z][A-Za-z]{1,11})?))";
  static const std::regex kAfter(R"((?:\.|!|\?|”|"|’|\))(\s*(?:(?:-|–|—)\s*)" + kName +
                                 R"(|\()" + kName + R"(\)))$)");
  if (s.empty()) return std::nullopt;
  // The whole line `(?:(?:-|–|—)\s*NAME)|([A-Z]{2,}(?:/[A-Z]{2,})?)`: "— VNS", "VNA/XNA".
  if (const std::size_t dash = dash_at(s, 0, false)) {
    const std::string_view name = s.substr(skip_spaces(s, dash));
    if (whole_name(name, false)) return Tag{std::string(name), {0, s.size()}};
  } else if (whole_name(s, true)) {
    return Tag{std::string(s), {0, s.size()}};
  }
  // kAfter ends with a letter or ")", and reads only the last 60 bytes.
  Match m;
  const char last = char(s.back() | 0x20);
  if (s.back() != ')' && !(last >= 'a' && last <= 'z')) return std::nullopt;
  const std::size_t from = s.size() > 60 ? s.size() - 60 : 0;
  if (!search(s.substr(from), kAfter, m)) return std::nullopt;
  return Tag{m[2].matched ? m.str(2) : m.str(3), {from + std::size_t(m.position(1)), s.size()}};
}

std::optional<Credit> parse_credit_line(std::string_view s) {
  static const std::regex kCredit(
      R"(\(?\s*(sources?\s*:|compiled(?: and translated)? by|translated by|via)\s*:?\s*([^()]{2,60}?)\s*\)?\.?)",
      kIcase);
  if (!istarts_with_any(after_bracket(s), {"source", "compiled", "translated by", "via"}))
    return std::nullopt;
  Match m;
  if (!std::regex_match(s.begin(), s.end(), m, kCredit)) return std::nullopt;
  const std::string name = m.str(2);
  const auto n = word_count(name);
  if (n == 0 || n > 6) return std::nullopt;
  const bool source = ascii_lower(m.str(1)).starts_with("source");
  return Credit{name, !source && looks_like_name(name) && !media_name(name)};
}

std::optional<DateLine> parse_date_line(std::string_view s) {
  static const std::regex kKeyword(
      R"((date|published(?: on)?|posted(?: on)?|publish(?:ed)? date|(?:last )?updated(?: on)?)(?:\s*:\s*|\s+))",
      kIcase);
  Match m;
  const bool keyword = istarts_with_any(s, {"date", "publish", "posted", "last updated", "updated"}) &&
                       search(s, kKeyword, m, true);
  const std::size_t at = keyword ? std::size_t(m.length(0)) : 0;
  const bool updated = keyword && ascii_lower(m.str(1)).find("updated") != std::string::npos;
  std::size_t used = 0;
  const auto d = parse_printed_date(s.substr(at), used);
  if (!d) return std::nullopt;
  const std::string_view rest = trim_spaces(s.substr(at + used));
  if (rest.empty()) return DateLine{*d, s.size(), updated};
  if (!keyword) return std::nullopt;
  return DateLine{*d, std::size_t(rest.data() - s.data()), updated};
}

std::optional<Byline> parse_byline(std::string_view s) {
  const bool by = s.size() > 3 && istarts_with(s, "by ");
  if (by) s = trim_spaces(s.substr(3));
  for (std::size_t p = 0; p < s.size(); ++p) {
    const std::size_t sep = separator_at(s, p);
    if (!sep) continue;
    const std::string_view name = trim_spaces(s.substr(0, p));
    if (!looks_like_name(name)) continue;
    const std::string_view rest = trim_spaces(s.substr(p + sep));
    std::size_t used = 0;
    const auto d = parse_printed_date(rest, used);
    if (d && trim_spaces(rest.substr(used)).empty()) return Byline{normal_name(name), d};
  }
  if (by && looks_like_name(s)) return Byline{normal_name(s), std::nullopt};
  return std::nullopt;
}

std::optional<AuthorNote> parse_author_note(std::string_view s) {
  static constexpr std::string_view kRoles[] = {  // folded
      "phd", "ph d", "professor", "researcher", "research fellow", "senior fellow", "fellow at",
      "analyst", "journalist", "correspondent", "editor", "expert", "lecturer", "columnist",
      "writer", "scholar", "director", "doctor of", "candidate of", "especially for",
      "exclusively for"};
  static const std::regex kAbout(R"(\*?\s*(?:about the author|the author is|the writer is)\b)", kIcase);
  if (word_count(s, 81) > 80 || reports_speech(s)) return std::nullopt;
  const auto comma = s.find(',');
  const bool named = comma != std::string_view::npos && looks_like_name(trim_spaces(s.substr(0, comma)));
  auto role = [&] {
    const std::string folded = fold(s);
    return std::any_of(std::begin(kRoles), std::end(kRoles),
                       [&](std::string_view r) { return has_phrase(folded, r); });
  };
  Match m;
  const bool about = istarts_with_any(trim_spaces(s.starts_with('*') ? s.substr(1) : s),
                                      {"about the author", "the author is", "the writer is"});
  if (!(named && role()) && !(about && search(s, kAbout, m, true))) return std::nullopt;
  return AuthorNote{named ? normal_name(s.substr(0, comma)) : "", written_for(s)};
}

}  // namespace article_lines
}  // namespace annals
