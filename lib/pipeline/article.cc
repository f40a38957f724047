#include "pipeline/article.h"

#include "annals/error.h"
#include "text/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <set>

// Layout: the line rules (each a pure function of one line), language and date
// reading, then read_text_file, then the Cleaner that applies the rules in an
// order where earlier verdicts inform later ones (furniture before the head,
// the head before the publisher tag, the tag before teasers).

namespace annals {
namespace fs = std::filesystem;
namespace {

constexpr auto kIcase = std::regex::ECMAScript | std::regex::icase;
using Match = std::match_results<std::string_view::const_iterator>;

bool search(std::string_view s, const std::regex& re, Match& m, bool at_start = false) {
  return std::regex_search(s.begin(), s.end(), m, re,
                           at_start ? std::regex_constants::match_continuous
                                    : std::regex_constants::match_default);
}

// ---- characters and words ----

// Bytes of white space at `pos`: ASCII, no-break space, zero-width space, BOM, ideographic space.
std::size_t space_at(std::string_view s, std::size_t pos) {
  const char c = s[pos];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (s.compare(pos, 2, "\xC2\xA0") == 0) return 2;
  for (std::string_view w : {"\xE2\x80\x8B", "\xEF\xBB\xBF", "\xE3\x80\x80"})
    if (s.compare(pos, 3, w) == 0) return 3;
  return 0;
}

Span trim(std::string_view s, Span sp) {
  for (std::size_t n; sp.begin < sp.end && (n = space_at(s, sp.begin)) && sp.begin + n <= sp.end;)
    sp.begin += n;
  for (bool again = true; again && sp.begin < sp.end;) {
    again = false;
    for (std::size_t n = 1; n <= 3 && !again; ++n)
      if (sp.end - sp.begin >= n && space_at(s, sp.end - n) == n) sp.end -= n, again = true;
  }
  return sp;
}
std::string_view trimmed(std::string_view s) { return text_of(s, trim(s, {0, s.size()})); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

// A letter of any script: not ASCII punctuation, a symbol or general punctuation.
bool letter_cp(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
         !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFE00 && cp <= 0xFE6F) &&
         !(cp >= 0xFF00 && cp <= 0xFF20) && cp != 0xFFFD;
}

// White-space separated tokens that hold a letter or a digit.
std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t n = 0;
    while (pos < s.size() && (n = space_at(s, pos))) pos += n;
    const std::size_t begin = pos;
    bool wordy = false;
    while (pos < s.size() && !space_at(s, pos)) {
      const char32_t cp = next_code_point(s, pos);
      wordy = wordy || letter_cp(cp) || (cp >= '0' && cp <= '9');
    }
    if (wordy) out.push_back(s.substr(begin, pos - begin));
  }
  return out;
}
std::size_t word_count(std::string_view s) { return words(s).size(); }

std::vector<std::string> folded_words(std::string_view s) {
  std::vector<std::string> out;
  const std::string f = fold(s);
  for (std::size_t b = 0, e; b < f.size(); b = e + 1) {
    e = std::min(f.find(' ', b), f.size());
    if (e > b) out.push_back(f.substr(b, e - b));
  }
  return out;
}

// True when the first letter of `tok` is a capital; letters of scripts without case are not.
bool capitalised(std::string_view tok) {
  for (std::size_t pos = 0; pos < tok.size();) {
    const std::size_t at = pos;
    if (letter_cp(next_code_point(tok, pos))) return starts_upper(tok, at);
  }
  return false;
}

bool has_non_ascii_letter(std::string_view tok) {
  for (std::size_t pos = 0; pos < tok.size();)
    if (const char32_t cp = next_code_point(tok, pos); cp >= 0x80 && letter_cp(cp)) return true;
  return false;
}

// ---- language ----

struct FunctionWords {
  std::string_view code;
  std::set<std::string_view> words;  // folded
};
const std::vector<FunctionWords>& function_words() {
  static const std::vector<FunctionWords> kLists = {
      {"en", {"the", "of", "and", "to", "in", "a", "an", "is", "are", "was", "were", "be", "been",
              "on", "at", "for", "with", "by", "from", "as", "that", "this", "these", "those", "it",
              "its", "his", "her", "their", "he", "she", "they", "we", "our", "not", "but", "or",
              "has", "have", "had", "will", "would", "which", "who", "said", "after", "before",
              "into", "between", "also", "than", "about", "over", "during", "while", "when"}},
      {"fr", {"le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "dans", "pour",
              "que", "qui", "sur", "par", "au", "aux", "avec", "ce", "cette", "il", "elle", "ne",
              "pas", "plus", "son", "sa", "ses", "ont", "sont"}},
      {"de", {"der", "die", "das", "und", "den", "dem", "des", "ein", "eine", "einer", "ist", "im",
              "zu", "von", "mit", "sich", "auf", "fur", "nicht", "auch", "als", "wird", "hat"}},
      {"es", {"el", "la", "los", "las", "de", "del", "y", "en", "un", "una", "que", "por", "con",
              "para", "es", "se", "su", "al", "lo", "como", "mas", "sus"}},
      {"pt", {"o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "em", "um", "uma", "que",
              "para", "com", "nao", "por", "no", "na", "se", "ao"}},
      {"it", {"il", "lo", "la", "gli", "le", "di", "del", "della", "e", "in", "un", "una", "che",
              "per", "con", "non", "da", "al", "sono", "nel"}},
      {"id", {"yang", "dan", "di", "ke", "dari", "untuk", "dengan", "ini", "itu", "pada", "dalam",
              "tidak", "akan", "adalah"}},
  };
  return kLists;
}
const std::set<std::string_view>& english_words() { return function_words().front().words; }

// The language a non-Latin script implies; "" for Latin and anything unlisted.
std::string_view script_language(char32_t cp) {
  struct Range { char32_t lo, hi; std::string_view code; };
  static constexpr Range kScripts[] = {
      {0x0370, 0x03FF, "el"}, {0x0400, 0x04FF, "ru"}, {0x0590, 0x05FF, "he"},
      {0x0600, 0x06FF, "ar"}, {0x0900, 0x097F, "hi"}, {0x0E00, 0x0E7F, "th"},
      {0x0E80, 0x0EFF, "lo"}, {0x1000, 0x109F, "my"}, {0x1780, 0x17FF, "km"},
      {0x3040, 0x30FF, "ja"}, {0x4E00, 0x9FFF, "zh"}, {0xAC00, 0xD7AF, "ko"}};
  for (const auto& r : kScripts)
    if (cp >= r.lo && cp <= r.hi) return r.code;
  return "";
}

// Letters only Vietnamese uses among Latin scripts (ơ, ư, đ and the stacked tones).
bool vietnamese_letters(std::string_view tok) {
  for (std::size_t pos = 0; pos < tok.size();) {
    const char32_t cp = next_code_point(tok, pos);
    if (cp == 0x110 || cp == 0x111 || cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0 ||
        (cp >= 0x1EA0 && cp <= 0x1EF9))
      return true;
  }
  return false;
}

std::optional<Stated> latin_language(std::string_view text) {
  const auto toks = words(text);
  if (toks.size() < 5) return std::nullopt;
  const auto vi = std::count_if(toks.begin(), toks.end(), vietnamese_letters);
  if (std::size_t(vi) * 5 >= toks.size()) return Stated{"vi", "inferred: letters"};
  const auto folded = folded_words(text);
  std::string_view best;
  std::size_t best_n = 0;
  for (const auto& list : function_words()) {
    const auto n = std::count_if(folded.begin(), folded.end(),
                                 [&](const std::string& w) { return list.words.count(w) > 0; });
    if (std::size_t(n) > best_n) best = list.code, best_n = n;
  }
  if (best_n * 100 < folded.size() * 15) return std::nullopt;
  return Stated{std::string(best), "inferred: function words"};
}

// ---- dates ----

const std::string kWeekday = R"((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?)";
const std::string kMonth =
    R"((jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)";
const std::string kYear = R"((\d{4})(?![0-9]))";

unsigned month_number(const std::string& name) {
  static constexpr std::string_view kNames = "janfebmaraprmayjunjulaugsepoctnovdec";
  return unsigned(kNames.find(lower(name.substr(0, 3))) / 3 + 1);
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

// ---- line rules ----

// A person's name: two to five capitalised words, lowercase particles inside.
bool looks_like_name(std::string_view s) {
  static const std::set<std::string_view> kParticles = {
      "de", "da", "del", "della", "di", "du", "dos", "van", "von", "der", "den", "bin", "binti",
      "al", "el", "la", "le", "ibn"};
  const auto toks = words(s);
  if (toks.size() < 2 || toks.size() > 5 || s.size() > 60) return false;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const auto t = toks[i];
    if (t.find_first_of("0123456789:;()") != std::string_view::npos) return false;
    if (i > 0 && i + 1 < toks.size() && kParticles.count(t)) continue;
    if (!starts_upper(t) || english_words().count(fold(t))) return false;  // "The Party"
  }
  return true;
}

// "Ksenia MURATSHINA" -> "Ksenia Muratshina": capitals-only words of two letters or more.
std::string normal_name(std::string_view s) {
  std::string out;
  for (auto t : words(s)) {
    std::string w(t);
    const bool shouting = w.size() > 2 && w.find('.') == std::string::npos &&
                          std::all_of(w.begin(), w.end(), [](char c) {
                            return (c >= 'A' && c <= 'Z') || c == '-' || c == '\'';
                          });
    for (std::size_t i = 1; shouting && i < w.size(); ++i)
      if (w[i - 1] != '-' && w[i - 1] != '\'') w[i] = char(std::tolower(w[i]));
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

bool ends_sentence(std::string_view s) {
  for (std::string_view end : {".", "!", "?", "\"", ")", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xE2\x80\xA6"})
    if (s.ends_with(end)) return true;
  return false;
}
bool real_paragraph(std::string_view s) { return word_count(s) >= 20 && ends_sentence(s); }

// Short, capitalised, without final punctuation: a title or a listed headline.
bool headline_like(std::string_view s) {
  const auto n = word_count(s);
  if (n < 2 || n > 20 || s.size() > 200 || s.empty()) return false;
  if (std::string_view(".!?:;,").find(s.back()) != std::string_view::npos) return false;
  return starts_upper(s) || (s[0] >= '0' && s[0] <= '9') || s[0] == '"' || s.starts_with("\xE2\x80\x9C");
}

bool navigation(std::string_view s) {
  static const std::set<std::string_view> kButtons = {
      "share", "print", "tweet", "email", "mail", "facebook", "twitter", "linkedin", "whatsapp",
      "telegram", "zalo", "pinterest", "reddit", "copy", "link", "save", "home", "menu", "search",
      "close", "top", "back", "next", "previous", "comments", "like", "listen", "advertisement",
      "sponsored", "more", "subscribe", "register", "login", "font", "size", "a", "x"};
  static constexpr std::string_view kStarts[] = {
      "follow us", "share on", "share this", "like us on", "click here", "back to top", "skip to",
      "sign in", "log in", "download the", "listen to this article", "join us on", "find us on"};
  const auto toks = folded_words(s);
  if (toks.empty()) return true;  // rules and dingbats: "* * *", "---"
  if (s.find('|') != std::string_view::npos && toks.size() <= 12) {
    bool menu = true;
    for (std::size_t b = 0, e; b <= s.size() && menu; b = e + 1) {
      e = std::min(s.find('|', b), s.size());
      const auto part = s.substr(b, e - b);  // digits: a byline or date line, not a menu
      menu = word_count(part) >= 1 && word_count(part) <= 3 &&
             part.find_first_of("0123456789") == std::string_view::npos;
    }
    if (menu) return true;
  }
  if (toks.size() <= 6 &&
      std::all_of(toks.begin(), toks.end(), [](const std::string& w) { return kButtons.count(w) > 0; }))
    return true;
  const std::string f = fold(s) + " ";
  return toks.size() <= 10 && std::any_of(std::begin(kStarts), std::end(kStarts), [&](auto p) {
           return f.starts_with(std::string(p) + " ");
         });
}

bool photo_file_name(std::string_view s) {
  const std::string low = lower(s);
  for (std::string_view ext : {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".bmp", ".tif", ".tiff"})
    if (low.ends_with(ext)) return word_count(s) <= 40;
  return false;
}

// A caption that says so: "Photo: ...", "... (Photo: VNA)", "VNA Photo", "(second from left)".
bool marked_caption(std::string_view s) {
  static const std::regex kLead(
      R"(\(?\s*(?:photo|photos|image|picture|file photo|illustrative (?:photo|image)|illustration(?: photo)?|photo credit|credit)\s*(?::|by\s))",
      kIcase);
  static const std::regex kEnd(R"((?:^|\s|\()(?:photo|photos|image)\s*:\s*[^:]{1,60}\)?\.?$)", kIcase);
  static const std::regex kAgency(R"(\b[A-Z]{2,}(?:/[A-Z]{2,})?\s+[Pp]hoto\b)");
  static const std::regex kPosition(
      R"(\((?:l|r|c|left|right|cent(?:re|er)|front|middle|(?:first|second|third|fourth|\d+(?:st|nd|rd|th)) from (?:left|right))\))",
      kIcase);
  const auto n = word_count(s);
  Match m;
  if (n <= 60 && search(s, kLead, m, true)) return true;
  return n <= 40 && (search(s, kEnd, m) || search(s, kAgency, m) || search(s, kPosition, m));
}

// Where a photo credit closing a long paragraph starts ("... talks. (Photo: VNA)").
std::optional<std::size_t> trailing_photo_credit(std::string_view s) {
  static const std::regex kCredit(R"(\s*\((?:photo|photos|image)\s*:[^()]{1,60}\)\.?$)", kIcase);
  Match m;
  const std::size_t from = s.size() > 80 ? s.size() - 80 : 0;
  if (!search(s.substr(from), kCredit, m)) return std::nullopt;
  return from + std::size_t(m.position(0));
}

std::string notice(std::string_view s) {
  struct Phrase { std::string_view folded, reason; };
  static constexpr Phrase kPhrases[] = {
      {"recaptcha", "comment notice"}, {"privacy policy and terms of service", "comment notice"},
      {"leave a comment", "comment notice"}, {"leave a reply", "comment notice"},
      {"write a comment", "comment notice"}, {"post a comment", "comment notice"},
      {"add a comment", "comment notice"}, {"comments are closed", "comment notice"},
      {"log in to comment", "comment notice"}, {"sign in to comment", "comment notice"},
      {"will not be published", "comment notice"}, {"be the first to comment", "comment notice"},
      {"binh luan", "comment notice"},  // Vietnamese "comment"
      {"use cookies", "cookie notice"}, {"uses cookies", "cookie notice"},
      {"accept cookies", "cookie notice"}, {"accept all cookies", "cookie notice"},
      {"cookie policy", "cookie notice"}, {"cookie settings", "cookie notice"},
      {"subscribe to", "subscription notice"}, {"subscribe now", "subscription notice"},
      {"newsletter", "subscription notice"}, {"subscribers only", "subscription notice"},
      {"already a subscriber", "subscription notice"}, {"to continue reading", "subscription notice"},
      {"all rights reserved", "copyright notice"}};
  if (word_count(s) > 40) return "";
  const std::string f = " " + fold(s) + " ";
  for (const auto& p : kPhrases)
    if (f.find(" " + std::string(p.folded) + " ") != std::string::npos) return std::string(p.reason);
  if (f.starts_with(" copyright ") || s.find("\xC2\xA9") != std::string_view::npos) return "copyright notice";
  return "";
}

// For an English article: a line with few English function words and many
// lowercase non-ASCII words (site strings in the local language).
bool other_language(std::string_view s) {
  const auto toks = words(s);
  if (toks.empty()) return false;
  const auto folded = folded_words(s);
  const auto fw = std::count_if(folded.begin(), folded.end(),
                                [](const std::string& w) { return english_words().count(w) > 0; });
  const auto foreign = std::count_if(toks.begin(), toks.end(), [](std::string_view t) {
    return has_non_ascii_letter(t) && !capitalised(t);
  });
  return std::size_t(fw) * 100 < toks.size() * 15 && std::size_t(foreign) * 10 >= toks.size() * 3;
}

std::string furniture_reason(std::string_view s, bool english) {
  if (s == "./." || s == "/.") return "end marker";
  if (navigation(s)) return "navigation";
  if (photo_file_name(s)) return "photo file name";
  if (marked_caption(s)) return "photo caption";
  if (auto n = notice(s); !n.empty()) return n;
  if (english && other_language(s)) return "other language";
  return "";
}

bool related_heading(std::string_view s) {
  static const std::set<std::string> kHeadings = {
      "more on this topic", "related", "related articles", "related news", "related stories",
      "related posts", "related content", "read more", "read also", "also read", "see also",
      "you may also like", "you might also like", "more stories", "more news", "other news",
      "other stories", "recommended", "recommended for you", "most read", "most popular",
      "latest news", "tags", "topics", "keywords"};
  return word_count(s) <= 6 && kHeadings.count(fold(s)) > 0;
}
// One listed headline: "Read more: Leaders meet in the capital".
bool inline_related(std::string_view s) {
  static const std::regex kLead(R"((?:read more|read also|also read|see also|related)\s*:\s*\S)", kIcase);
  Match m;
  return word_count(s) <= 30 && search(s, kLead, m, true);
}

struct Tag {
  std::string name;
  Span cut;  // the bytes of the line that are the tag
};

// "VOV.VN - ", "(VNA) - " or the "(VNA)" of "HANOI (VNA) - " opening a paragraph.
std::optional<Tag> leading_tag(std::string_view s) {
  static const std::regex kDomain(
      R"(([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\s*(?:-|–|—|:)\s*)");
  static const std::regex kAgency(R"(\(([A-Z][A-Za-z/.]{1,11})\)\s*(?:(?:-|–|—|:)\s*)?)");
  static const std::regex kPlaceAgency(R"((?:[A-Z][A-Z'.-]+,?\s+){1,3}(\(([A-Z][A-Za-z/.]{1,11})\)\s*))");
  Match m;
  auto rest = [&](std::size_t end) { return trim(s, {end, s.size()}).size() > 0; };
  if (search(s, kDomain, m, true) && rest(m.length(0)))
    return Tag{m.str(1), {0, std::size_t(m.length(0))}};
  if (search(s, kAgency, m, true) && rest(m.length(0)))
    return Tag{m.str(1), {0, std::size_t(m.length(0))}};
  if (search(s, kPlaceAgency, m, true) && rest(m.length(0)))
    return Tag{m.str(2), {std::size_t(m.position(1)), std::size_t(m.position(1) + m.length(1))}};
  return std::nullopt;
}

// "... generations. — VNS", "... said. (AFP)", or a last line "— VNS".
std::optional<Tag> trailing_tag(std::string_view s) {
  static const std::string kName = R"(([A-Z][A-Za-z]{1,11}(?:/[A-Z][A-Za-z]{1,11})?))";
  static const std::regex kAlone(R"((?:(?:-|–|—)\s*)" + kName + R"()|([A-Z]{2,}(?:/[A-Z]{2,})?))");
  static const std::regex kAfter(R"((?:\.|!|\?|”|"|’|\))(\s*(?:(?:-|–|—)\s*)" + kName +
                                 R"(|\()" + kName + R"(\)))$)");
  Match m;
  if (std::regex_match(s.begin(), s.end(), m, kAlone))
    return Tag{m[1].matched ? m.str(1) : m.str(2), {0, s.size()}};
  const std::size_t from = s.size() > 60 ? s.size() - 60 : 0;
  if (!search(s.substr(from), kAfter, m)) return std::nullopt;
  return Tag{m[2].matched ? m.str(2) : m.str(3), {from + std::size_t(m.position(1)), s.size()}};
}

bool media_name(std::string_view s) {
  static const std::set<std::string> kWords = {
      "news", "agency", "times", "post", "press", "radio", "tv", "television", "journal", "daily",
      "herald", "tribune", "gazette", "online", "magazine", "media", "network", "service",
      "broadcasting", "voice", "outlook", "review", "weekly", "channel"};
  const auto toks = folded_words(s);
  return std::any_of(toks.begin(), toks.end(), [](const std::string& w) { return kWords.count(w) > 0; });
}

struct Credit {
  std::string name;
  bool person = false;
};
// "Compiled by BTA", "Source: Xinhua", "(Translated by Jane Doe)".
std::optional<Credit> parse_credit_line(std::string_view s) {
  static const std::regex kCredit(
      R"(\(?\s*(sources?\s*:|compiled(?: and translated)? by|translated by|via)\s*:?\s*([^()]{2,60}?)\s*\)?\.?)",
      kIcase);
  Match m;
  if (!std::regex_match(s.begin(), s.end(), m, kCredit)) return std::nullopt;
  const std::string name = m.str(2);
  const auto n = word_count(name);
  if (n == 0 || n > 6) return std::nullopt;
  const bool source = lower(m.str(1)).starts_with("source");
  return Credit{name, !source && looks_like_name(name) && !media_name(name)};
}

struct DateLine {
  FuzzyDate date;
  std::size_t prefix = 0;  // bytes of the line that are the date line
  bool updated = false;    // "Updated: ..." is not the publication date
};
// "May 29, 2024", "Published: 24/10/2024 10:30", or "date 2024-10-24 " opening a paragraph.
std::optional<DateLine> parse_date_line(std::string_view s) {
  static const std::regex kKeyword(
      R"((date|published(?: on)?|posted(?: on)?|publish(?:ed)? date|(?:last )?updated(?: on)?)(?:\s*:\s*|\s+))",
      kIcase);
  Match m;
  const bool keyword = search(s, kKeyword, m, true);
  const std::size_t at = keyword ? std::size_t(m.length(0)) : 0;
  const bool updated = keyword && lower(m.str(1)).find("updated") != std::string::npos;
  std::size_t used = 0;
  const auto d = parse_printed_date(s.substr(at), used);
  if (!d) return std::nullopt;
  const Span rest = trim(s, {at + used, s.size()});
  if (rest.size() == 0) return DateLine{*d, s.size(), updated};
  if (!keyword) return std::nullopt;
  return DateLine{*d, rest.begin, updated};
}

struct Byline {
  std::string author;
  std::optional<FuzzyDate> date;
};
std::size_t separator_at(std::string_view s, std::size_t p) {
  if (s[p] == ',' || s[p] == '|') return 1;
  if (p == 0 || s[p - 1] != ' ') return 0;
  for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"})
    if (s.compare(p, dash.size(), dash) == 0) return dash.size();
  return 0;
}
// "Ksenia Muratshina, May 29, 2024", "By Jane Doe | 24 October 2024", "By Jane Doe".
std::optional<Byline> parse_byline(std::string_view s) {
  const bool by = s.size() > 3 && lower(s.substr(0, 3)) == "by ";
  if (by) s = trimmed(s.substr(3));
  for (std::size_t p = 0; p < s.size(); ++p) {
    const std::size_t sep = separator_at(s, p);
    if (!sep) continue;
    const std::string_view name = trimmed(s.substr(0, p));
    if (!looks_like_name(name)) continue;
    const std::string_view rest = trimmed(s.substr(p + sep));
    std::size_t used = 0;
    const auto d = parse_printed_date(rest, used);
    if (d && trimmed(rest.substr(used)).empty()) return Byline{normal_name(name), d};
  }
  if (by && looks_like_name(s)) return Byline{normal_name(s), std::nullopt};
  return std::nullopt;
}

// The outlet in "... especially for the online magazine “New Eastern Outlook”".
std::string written_for(std::string_view s) {
  static const std::regex kMedium(
      R"((?:the\s+)?(?:online\s+)?(?:(?:magazine|newspaper|journal|website|portal|outlet|edition|blog)\s+)?)",
      kIcase);
  const std::string low = lower(s);
  for (std::string_view key : {"especially for ", "exclusively for ", "specially for ", "written for "}) {
    const auto p = low.find(key);
    if (p == std::string::npos) continue;
    std::string_view rest = s.substr(p + key.size());
    if (Match m; search(rest, kMedium, m, true)) rest.remove_prefix(std::size_t(m.length(0)));
    for (bool again = true; again;) {
      again = false;
      rest = trimmed(rest);
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

struct AuthorNote {
  std::string author, publisher;
};
// A closing note about the author: "Jane DOE, PhD in History, ... especially
// for ..." or "The author is ...". Not a paragraph that reports speech.
std::optional<AuthorNote> parse_author_note(std::string_view s) {
  static constexpr std::string_view kRoles[] = {  // folded
      "phd", "ph d", "professor", "researcher", "research fellow", "senior fellow", "fellow at",
      "analyst", "journalist", "correspondent", "editor", "expert", "lecturer", "columnist",
      "writer", "scholar", "director", "doctor of", "candidate of", "especially for",
      "exclusively for"};
  static const std::regex kAbout(R"(\*?\s*(?:about the author|the author is|the writer is)\b)", kIcase);
  static const std::regex kSpeech(R"(\b(?:said|says|told|added|stated)\b)", kIcase);
  Match m;
  if (word_count(s) > 80 || search(s, kSpeech, m)) return std::nullopt;
  const std::string folded = " " + fold(s) + " ";
  const auto comma = s.find(',');
  const bool named = comma != std::string_view::npos && looks_like_name(trimmed(s.substr(0, comma)));
  const bool role = std::any_of(std::begin(kRoles), std::end(kRoles), [&](std::string_view r) {
    return folded.find(" " + std::string(r) + " ") != std::string::npos;
  });
  if (!(named && role) && !search(s, kAbout, m, true)) return std::nullopt;
  return AuthorNote{named ? normal_name(s.substr(0, comma)) : "", written_for(s)};
}

// A short present-tense sentence: how captions read ("Leaders meet in the capital.").
bool caption_like(std::string_view s) {
  static const std::set<std::string> kPast = {
      "was", "were", "had", "did", "said", "told", "met", "made", "took", "gave", "came", "went",
      "held", "left", "saw", "became", "began", "won", "lost", "sent", "paid", "led", "spoke",
      "wrote", "brought", "kept", "found", "got", "stood", "will", "would"};
  const auto n = word_count(s);
  if (n < 3 || n > 15 || !s.ends_with('.')) return false;
  const auto inner = s.substr(0, s.size() - 1);
  for (std::string_view no : {". ", "?", "!", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D"})
    if (inner.find(no) != std::string_view::npos) return false;
  const auto folded = folded_words(s);
  return std::none_of(folded.begin(), folded.end(), [](const std::string& w) {
    return (w.size() > 3 && w.ends_with("ed")) || kPast.count(w) > 0;
  });
}

}  // namespace

std::optional<Stated> guess_language(std::string_view text) {
  std::map<std::string_view, std::size_t> letters;  // by language of the script; "" Latin
  std::size_t total = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (!letter_cp(cp)) continue;
    ++total;
    ++letters[script_language(cp)];
  }
  if (total < 20) return std::nullopt;
  if (letters[""] * 2 > total) return latin_language(text);
  std::string_view best;
  for (const auto& [code, n] : letters)
    if (!code.empty() && (best.empty() || n > letters[best])) best = code;
  if (best == "zh" && letters["ja"] * 10 >= letters["zh"]) best = "ja";  // kanji with kana
  if (letters[best] * 2 <= total) return std::nullopt;
  return Stated{std::string(best), "inferred: script"};
}

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

namespace {

// Offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t before = pos;
    // U+FFFD read from one byte marks a malformed sequence; from EF BF BD it is real.
    if (next_code_point(s, pos) == 0xFFFD && pos - before != 3) return before;
  }
  return std::string_view::npos;
}

// Control bytes other than white space; text has next to none, binary formats many.
std::size_t control_bytes(std::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') || b == 0x7F;
  });
}

std::string read_capped(const fs::path& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string(), "cannot be opened for reading");
  std::string text;
  char buf[1 << 16];
  // Read in chunks and stop past the limit, so a device or pipe cannot make us read forever.
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes)
      throw Error(path.string(), fmt::format("is larger than the limit of {} bytes", max_bytes));
  }
  if (in.bad()) throw Error(path.string(), "could not be read");
  return text;
}

}  // namespace

std::string read_text_file(const fs::path& path, const ReadLimits& limits) {
  const std::string name = path.string();
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) throw Error(name, "no such file");
  if (fs::is_directory(status)) throw Error(name, "is a folder, not a file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > limits.max_bytes)
    throw Error(name, fmt::format("is {} bytes, larger than the limit of {} bytes", size,
                                  limits.max_bytes));
  std::string text = read_capped(path, limits.max_bytes);
  std::size_t skipped = 0;
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.erase(0, 3);
    skipped = 3;
  }
  if (text.empty()) throw Error(name, skipped ? "is empty (only a byte order mark)" : "is empty");
  if (const auto nul = text.find('\0'); nul != std::string::npos)
    throw Error(name, fmt::format("looks binary: NUL byte at offset {}", nul + skipped));
  if (const auto n = control_bytes(text); n * 100 > text.size())
    throw Error(name, fmt::format("looks binary: {} control bytes in {}", n, text.size()));
  if (const auto bad = first_invalid_utf8(text); bad != std::string::npos)
    throw Error(name, fmt::format("is not valid UTF-8: bad byte at offset {}", bad + skipped));
  if (trim(text, {0, text.size()}).size() == 0) throw Error(name, "has only white space");
  return text;
}

namespace {

struct Line {
  Span span;                  // the line in raw, trimmed
  std::size_t lead = 0, trail = 0;  // bytes cut from its start and end
  bool blank_before = false;  // a blank line separates it from the line before
  std::string removed;        // why the whole line is left out; empty when kept
  bool kept() const { return removed.empty(); }
};

// One pass of the cleaning rules over an article; see clean_article.
class Cleaner {
 public:
  explicit Cleaner(Article& a) : a_(a), raw_(a.raw) { split(); }

  void run() {
    const auto lang = guess_language(raw_);
    english_ = lang && lang->value == "en";
    for (std::size_t i = 0; i < lines_.size(); ++i) furniture(i);
    first_real_ = next_kept(0);
    while (first_real_ < lines_.size() && !real_paragraph(text(first_real_))) first_real_ = next_kept(first_real_ + 1);
    head();
    find_tag();
    related_lists();
    teasers();
    tail();
    unmarked_captions();
    title();
    assemble();
    if (auto l = guess_language(a_.body)) a_.language = std::move(*l);
    std::sort(a_.removed.begin(), a_.removed.end(),
              [](const Removed& x, const Removed& y) { return x.raw.begin < y.raw.begin; });
  }

 private:
  void split() {
    std::size_t pos = 0;
    bool blank = false;
    while (pos <= raw_.size()) {
      const auto nl = raw_.find('\n', pos);
      const std::size_t end = nl == std::string_view::npos ? raw_.size() : nl;
      const Span line = trim(raw_, {pos, end});
      if (line.size() == 0) {
        blank = true;
      } else {
        lines_.push_back({line, 0, 0, blank && !lines_.empty(), ""});
        blank = false;
      }
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
  }

  // The line as still kept: without the bytes cut from its ends.
  std::string_view text(std::size_t i) const {
    const Line& l = lines_[i];
    return raw_.substr(l.span.begin + l.lead, l.span.size() - l.lead - l.trail);
  }
  bool kept(std::size_t i) const { return i < lines_.size() && lines_[i].kept(); }
  std::size_t next_kept(std::size_t i) const {
    while (i < lines_.size() && !lines_[i].kept()) ++i;
    return i;
  }
  std::size_t prev_kept(std::size_t i) const {  // the kept line before i, or npos
    while (i-- > 0)
      if (lines_[i].kept()) return i;
    return std::string_view::npos;
  }

  void remove(std::size_t i, std::string reason) {
    Line& l = lines_[i];
    if (!l.kept()) return;
    l.removed = reason;
    a_.removed.push_back({{l.span.begin + l.lead, l.span.end - l.trail}, std::move(reason)});
  }
  // Cuts `n` bytes from the start (or end) of line i, and the white space they leave.
  void cut_lead(std::size_t i, std::size_t n, std::string reason) {
    Line& l = lines_[i];
    const std::size_t b = l.span.begin + l.lead;
    a_.removed.push_back({{b, b + n}, std::move(reason)});
    l.lead = trim(raw_, {b + n, l.span.end - l.trail}).begin - l.span.begin;
  }
  void cut_trail(std::size_t i, std::size_t n, std::string reason) {
    Line& l = lines_[i];
    const std::size_t e = l.span.end - l.trail;
    a_.removed.push_back({{e - n, e}, std::move(reason)});
    l.trail = l.span.end - trim(raw_, {l.span.begin + l.lead, e - n}).end;
  }
  void cut_middle(std::size_t i, Span in_line, std::string reason) {
    const std::size_t b = lines_[i].span.begin + lines_[i].lead;
    a_.removed.push_back({{b + in_line.begin, b + in_line.end}, std::move(reason)});
    middle_cuts_.push_back({b + in_line.begin, b + in_line.end});
  }

  void set(std::optional<Stated>& field, std::string value, std::string from) {
    if (!field && !value.empty()) field = Stated{std::move(value), std::move(from)};
  }
  void set_published(const FuzzyDate& d, std::string from) {
    if (a_.published) return;
    a_.published = d;
    a_.published_from = std::move(from);
  }

  // Lines that are page furniture wherever they stand.
  void furniture(std::size_t i) {
    const std::string_view s = text(i);
    if (auto reason = furniture_reason(s, english_); !reason.empty()) return remove(i, reason);
    if (auto credit = parse_credit_line(s)) {
      set(credit->person ? a_.author : a_.publisher, credit->name, "credit line");
      return remove(i, "credit line");
    }
    if (auto credit = trailing_photo_credit(s)) cut_trail(i, s.size() - *credit, "photo credit");
  }

  // Date lines and bylines before the first real paragraph, and a date
  // prefixing that paragraph ("date 2024-10-24 KAZAN — ...").
  void head() {
    for (std::size_t i = 0; i < lines_.size() && i <= first_real_; ++i) {
      if (!kept(i)) continue;
      if (auto d = parse_date_line(text(i))) {
        if (!d->updated) set_published(d->date, "date line");
        if (d->prefix == text(i).size()) remove(i, "date line");
        else cut_lead(i, d->prefix, "date line");
      } else if (i == first_real_) {
        break;
      } else if (auto b = parse_byline(text(i))) {
        set(a_.author, b->author, "byline");
        if (b->date) set_published(*b->date, "byline");
        remove(i, "byline");
      }
    }
  }

  // The article's own publisher tag opens its first paragraphs ("VOV.VN - ").
  void find_tag() {
    for (std::size_t i = 0; i < lines_.size() && i <= first_real_; ++i) {
      if (!kept(i)) continue;
      const auto t = leading_tag(text(i));
      if (!t) continue;
      tag_ = t->name;
      tag_line_ = i;
      set(a_.publisher, t->name, "publisher tag");
      if (t->cut.begin == 0) cut_lead(i, t->cut.end, "publisher tag");
      else cut_middle(i, t->cut, "publisher tag");
      return;
    }
  }

  // A "Related" / "More on this topic" heading and the headlines after it, up
  // to the end or the next real paragraph.
  void related_lists() {
    for (std::size_t i = first_real_ + 1; i < lines_.size(); ++i) {
      if (!kept(i)) continue;
      if (inline_related(text(i))) remove(i, "related list");
      if (!related_heading(text(i))) continue;
      remove(i, "related list");
      for (++i; i < lines_.size(); ++i) {
        if (kept(i) && real_paragraph(text(i)) && !leading_tag(text(i))) break;
        remove(i, "related list");
      }
    }
  }

  // A later paragraph opening with the article's own tag is another story's
  // teaser; the headline lines just above it go with it.
  void teasers() {
    if (tag_.empty()) return;
    for (std::size_t i = tag_line_ + 1; i < lines_.size(); ++i) {
      const auto t = kept(i) ? leading_tag(text(i)) : std::nullopt;
      if (!t || t->name != tag_) continue;
      for (std::size_t k = i; k-- > tag_line_ + 1;) {
        if (!kept(k)) continue;
        if (!headline_like(text(k))) break;
        remove(k, "related teaser");
      }
      remove(i, "related teaser");
      while (i + 1 < lines_.size() && !lines_[i + 1].blank_before) remove(++i, "related teaser");
    }
  }

  // End markers, a closing author note and a trailing publisher tag ("— VNS").
  void tail() {
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (kept(i) && text(i).size() > 3 && text(i).ends_with("./.")) cut_trail(i, 2, "end marker");
    std::size_t last = prev_kept(lines_.size());
    for (std::size_t i = last, n = 0; i != std::string_view::npos && n < 2; i = prev_kept(i), ++n) {
      const auto note = parse_author_note(text(i));
      if (!note) continue;
      set(a_.author, note->author, "author note");
      set(a_.publisher, note->publisher, "author note");
      remove(i, "author note");
      break;
    }
    last = prev_kept(lines_.size());
    if (last == std::string_view::npos) return;
    if (const auto t = trailing_tag(text(last))) {
      set(a_.publisher, t->name, "publisher tag");
      if (t->cut.begin == 0) remove(last, "publisher tag");
      else cut_trail(last, text(last).size() - t->cut.begin, "publisher tag");
    }
  }

  // A short headline-style paragraph between two long ones is a photo caption
  // that lost its marker on the way ("Leaders meet in the capital.").
  void unmarked_captions() {
    for (std::size_t i = next_kept(first_real_ + 1); i < lines_.size(); i = next_kept(i + 1)) {
      const std::size_t prev = prev_kept(i), next = next_kept(i + 1);
      if (prev == std::string_view::npos || next >= lines_.size()) continue;
      if (!lines_[i].blank_before || !lines_[i + 1].blank_before) continue;
      if (word_count(text(prev)) < 25 || word_count(text(next)) < 25) continue;
      if (caption_like(text(i))) remove(i, "photo caption");
    }
  }

  // The first kept line, when short, unpunctuated and followed by a blank line.
  void title() {
    const std::size_t i = next_kept(0);
    if (i >= lines_.size() || i >= first_real_) return;
    if (i + 1 < lines_.size() && !lines_[i + 1].blank_before) return;
    if (headline_like(text(i))) set(a_.title, std::string(text(i)), "headline");
  }

  void assemble() {
    std::sort(middle_cuts_.begin(), middle_cuts_.end(),
              [](const Span& x, const Span& y) { return x.begin < y.begin; });
    bool paragraph_break = false;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      paragraph_break = paragraph_break || lines_[i].blank_before;
      if (!kept(i) || text(i).empty()) continue;
      if (!a_.body.empty()) a_.body += paragraph_break ? "\n\n" : "\n";
      paragraph_break = false;
      const Line& l = lines_[i];
      std::size_t from = l.span.begin + l.lead;
      const std::size_t to = l.span.end - l.trail;
      for (const Span& c : middle_cuts_) {
        if (c.begin < from || c.end > to) continue;
        copy(from, c.begin);
        from = c.end;
      }
      copy(from, to);
    }
  }
  void copy(std::size_t b, std::size_t e) {
    if (e <= b) return;
    a_.segments.push_back({a_.body.size(), b, e - b});
    a_.body.append(raw_.substr(b, e - b));
  }

  Article& a_;
  std::string_view raw_;
  std::vector<Line> lines_;
  std::vector<Span> middle_cuts_;
  bool english_ = false;
  std::size_t first_real_ = 0;
  std::string tag_;
  std::size_t tag_line_ = 0;
};

}  // namespace

Article clean_article(std::string file, std::string raw) {
  Article a;
  a.file = std::move(file);
  a.raw = std::move(raw);
  Cleaner(a).run();
  return a;
}

}  // namespace annals
