#include "pipeline/article_rules.h"

#include "text/language.h"
#include "text/words.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <set>
#include <unordered_map>

// Every line of every article meets these rules, and most lines are story
// paragraphs that no rule takes. So each rule first makes the cheap checks a
// match needs (a length, a first word, a closing bracket) and leaves the
// regular expression, which costs microseconds a call, for the lines that pass.

namespace annals::article_lines {

const LanguageCounts& TextLine::counts() const {
  if (!counts_) counts_.emplace(s_);
  return *counts_;
}

const FoldedWords& TextLine::folded_words() const {
  if (!folded_) folded_.emplace(s_);
  return *folded_;
}

bool search(std::string_view s, const std::regex& re, Match& m, bool at_start) {
  return std::regex_search(s.begin(), s.end(), m, re,
                           at_start ? std::regex_constants::match_continuous
                                    : std::regex_constants::match_default);
}

bool istarts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return istarts_with(s, p); });
}

std::string_view after_bracket(std::string_view s) {
  std::size_t i = !s.empty() && s[0] == '(' ? 1 : 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

namespace {

// fold() of the line: its folded words joined by single spaces.
std::string joined(const FoldedWords& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) (out += i ? " " : "") += words[i];
  return out;
}

bool ends_sentence(std::string_view s) {
  for (std::string_view end : {".", "!", "?", "\"", ")", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xE2\x80\xA6"})
    if (s.ends_with(end)) return true;
  return false;
}

bool navigation(const TextLine& line) {
  static const std::set<std::string_view> kButtons = {
      "share", "print", "tweet", "email", "mail", "facebook", "twitter", "linkedin", "whatsapp",
      "telegram", "zalo", "pinterest", "reddit", "copy", "link", "save", "home", "menu", "search",
      "close", "top", "back", "next", "previous", "comments", "like", "listen", "advertisement",
      "sponsored", "more", "subscribe", "register", "login", "font", "size", "a", "x"};
  static constexpr std::string_view kStarts[] = {
      "follow us", "share on", "share this", "like us on", "click here", "back to top", "skip to",
      "sign in", "log in", "download the", "listen to this article", "join us on", "find us on"};
  const std::string_view s = line.str();
  // Every test below wants at most 12 words; the line's counts (which other
  // rules need anyway) have the number.
  if (line.counts().folded_word_count() > 12) return false;
  const auto& toks = line.folded_words();
  if (toks.empty()) return true;  // rules and dingbats: "* * *", "---"
  if (s.find('|') != std::string_view::npos) {
    bool menu = true;
    for (std::size_t b = 0, e; b <= s.size() && menu; b = e + 1) {
      e = std::min(s.find('|', b), s.size());
      const auto part = s.substr(b, e - b);  // digits: a byline or date line, not a menu
      menu = word_count(part) >= 1 && word_count(part) <= 3 &&
             part.find_first_of("0123456789") == std::string_view::npos;
    }
    if (menu) return true;
  }
  bool buttons = toks.size() <= 6;
  for (std::size_t i = 0; i < toks.size() && buttons; ++i) buttons = kButtons.count(toks[i]) > 0;
  if (buttons) return true;
  if (toks.size() > 10) return false;
  const std::string f = joined(toks) + " ";
  return std::any_of(std::begin(kStarts), std::end(kStarts), [&](std::string_view p) {
    return f.starts_with(p) && f[p.size()] == ' ';
  });
}

bool photo_file_name(const TextLine& line) {
  const std::string_view s = line.str();
  for (std::string_view ext : {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".bmp", ".tif", ".tiff"})
    if (s.size() >= ext.size() && istarts_with(s.substr(s.size() - ext.size()), ext))
      return line.words(41) <= 40;
  return false;
}

// Whether "(l)", "(centre)", "(second from left)" or "(3rd from right)" starts
// at s[-1]: the regular expression of names_position() from its "(" on.
bool position_at(std::string_view s) {
  // `s` is what follows "(": true when it is one of the alternatives and ")".
  auto closes = [&](std::size_t n) { return n < s.size() && s[n] == ')'; };
  for (std::string_view w : {"l", "r", "c", "left", "right", "centre", "center", "front", "middle"})
    if (istarts_with(s, w) && closes(w.size())) return true;
  std::size_t n = 0;
  for (std::string_view w : {"first", "second", "third", "fourth"})
    if (istarts_with(s, w)) n = w.size();
  if (n == 0) {
    while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
    if (n == 0 || !istarts_with_any(s.substr(n), {"st", "nd", "rd", "th"})) return false;
    n += 2;
  }
  if (!istarts_with(s.substr(n), " from ")) return false;
  n += 6;
  for (std::string_view w : {"left", "right"})
    if (istarts_with(s.substr(n), w) && closes(n + w.size())) return true;
  return false;
}

}  // namespace

bool names_position(std::string_view s) {
  for (std::size_t i = s.find('('); i != std::string_view::npos; i = s.find('(', i + 1))
    if (position_at(s.substr(i + 1))) return true;
  return false;
}

namespace {

// A caption that says so: "Photo: ...", "... (Photo: VNA)", "VNA Photo", "(second from left)".
bool marked_caption(const TextLine& line) {
  static const std::regex kLead(
      R"(\(?\s*(?:photo|photos|image|picture|file photo|illustrative (?:photo|image)|illustration(?: photo)?|photo credit|credit)\s*(?::|by\s))",
      kIcase);
  static const std::regex kEnd(R"((?:^|\s|\()(?:photo|photos|image)\s*:\s*[^:]{1,60}\)?\.?$)", kIcase);
  static const std::regex kAgency(R"(\b[A-Z]{2,}(?:/[A-Z]{2,})?\s+[Pp]hoto\b)");
  const std::string_view s = line.str();
  Match m;
  if (istarts_with_any(after_bracket(s), {"photo", "image", "picture", "file photo", "illustrat", "credit"}) &&
      line.words(61) <= 60 && search(s, kLead, m, true))
    return true;
  if (line.words(41) > 40) return false;
  const bool photo = icontains(s, "photo"), image = photo || icontains(s, "image");
  return (image && s.find(':') != std::string_view::npos && search(s, kEnd, m)) ||
         (photo && search(s, kAgency, m)) || names_position(s);
}

// The notices a short line may give, each a run of folded words, and the first
// word of each mapped to the notices it starts, so that a line is read once.
struct Notice {
  std::vector<std::string_view> words;
  std::string_view reason;
};
const std::vector<Notice>& notices() {
  static const std::vector<Notice> kNotices = [] {
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
    std::vector<Notice> out;
    for (const auto& p : kPhrases) {
      Notice n{{}, p.reason};
      for (std::size_t b = 0, e; b < p.folded.size(); b = e + 1) {
        e = std::min(p.folded.find(' ', b), p.folded.size());
        n.words.push_back(p.folded.substr(b, e - b));
      }
      out.push_back(std::move(n));
    }
    return out;
  }();
  return kNotices;
}

std::string notice(const TextLine& line) {
  static const auto kByFirstWord = [] {
    std::unordered_map<std::string_view, std::vector<std::size_t>> index;
    for (std::size_t k = 0; k < notices().size(); ++k) index[notices()[k].words.front()].push_back(k);
    return index;
  }();
  // Bit min(size, 63) for the size of each first word, by its first byte:
  // most words of a line start no notice, and this says so without a hash.
  static const auto kFirstWordSizes = [] {
    std::array<std::uint64_t, 256> sizes{};
    for (const auto& [word, rows] : kByFirstWord)
      if (!word.empty()) sizes[static_cast<unsigned char>(word[0])] |= std::uint64_t(1) << std::min<std::size_t>(word.size(), 63);
    return sizes;
  }();
  if (line.words(41) > 40) return "";
  const auto& words = line.folded_words();
  // The earliest-listed notice anywhere in the line wins, as a search for each in turn would find.
  std::size_t found = notices().size();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (!w.empty() && !((kFirstWordSizes[static_cast<unsigned char>(w[0])] >> std::min<std::size_t>(w.size(), 63)) & 1))
      continue;
    const auto it = kByFirstWord.find(w);
    if (it == kByFirstWord.end()) continue;
    for (const std::size_t k : it->second) {
      const auto& phrase = notices()[k].words;
      bool all = k < found && i + phrase.size() <= words.size();
      for (std::size_t j = 1; j < phrase.size() && all; ++j) all = words[i + j] == phrase[j];
      if (all) found = k;
    }
  }
  if (found < notices().size()) return std::string(notices()[found].reason);
  if ((!words.empty() && words[0] == "copyright") || line.str().find("\xC2\xA9") != std::string_view::npos)
    return "copyright notice";
  return "";
}

// For an English article: a line with few English function words and many
// lowercase non-ASCII words (site strings in the local language).
bool other_language(const TextLine& line) {
  if (!line.counts().non_ascii_letters()) return false;  // no word can be foreign
  const auto toks = words(line.str());
  if (toks.empty()) return false;
  const auto foreign = std::count_if(toks.begin(), toks.end(), [](std::string_view t) {
    return has_non_ascii_letter(t) && !capitalised(t);
  });
  if (std::size_t(foreign) * 10 < toks.size() * 3) return false;
  const auto& folded = line.folded_words();
  std::size_t fw = 0;
  for (std::size_t i = 0; i < folded.size(); ++i) fw += english_function_word(folded[i]);
  return fw * 100 < toks.size() * 15;
}

}  // namespace

std::string furniture_reason(const TextLine& line, const std::function<bool()>& in_english) {
  const std::string_view s = line.str();
  if (s == "./." || s == "/.") return "end marker";
  if (navigation(line)) return "navigation";
  if (photo_file_name(line)) return "photo file name";
  if (marked_caption(line)) return "photo caption";
  if (auto n = notice(line); !n.empty()) return n;
  if (other_language(line) && in_english()) return "other language";
  return "";
}

std::optional<std::size_t> trailing_photo_credit(const TextLine& line) {
  static const std::regex kCredit(R"(\s*\((?:photo|photos|image)\s*:[^()]{1,60}\)\.?$)", kIcase);
  const std::string_view s = line.str();
  if (!s.ends_with(")") && !s.ends_with(").")) return std::nullopt;
  Match m;
  const std::size_t from = s.size() > 80 ? s.size() - 80 : 0;
  if (!search(s.substr(from), kCredit, m)) return std::nullopt;
  return from + std::size_t(m.position(0));
}

bool related_heading(const TextLine& line) {
  static const std::set<std::string> kHeadings = {
      "more on this topic", "related", "related articles", "related news", "related stories",
      "related posts", "related content", "read more", "read also", "also read", "see also",
      "you may also like", "you might also like", "more stories", "more news", "other news",
      "other stories", "recommended", "recommended for you", "most read", "most popular",
      "latest news", "tags", "topics", "keywords"};
  return line.words(7) <= 6 && kHeadings.count(joined(line.folded_words())) > 0;
}

bool inline_related(const TextLine& line) {
  static const std::regex kLead(R"((?:read more|read also|also read|see also|related)\s*:\s*\S)", kIcase);
  const std::string_view s = line.str();
  Match m;
  return istarts_with_any(s, {"read more", "read also", "also read", "see also", "related"}) &&
         line.words(31) <= 30 && search(s, kLead, m, true);
}

bool real_paragraph(const TextLine& line) { return ends_sentence(line.str()) && line.words(20) >= 20; }

bool headline_like(const TextLine& line) {
  const std::string_view s = line.str();
  if (s.empty() || s.size() > 200) return false;
  if (std::string_view(".!?:;,").find(s.back()) != std::string_view::npos) return false;
  const auto n = line.words(21);
  if (n < 2 || n > 20) return false;
  return starts_upper(s) || (s[0] >= '0' && s[0] <= '9') || s[0] == '"' || s.starts_with("\xE2\x80\x9C");
}

bool caption_like(const TextLine& line) {
  static const std::set<std::string_view> kPast = {
      "was", "were", "had", "did", "said", "told", "met", "made", "took", "gave", "came", "went",
      "held", "left", "saw", "became", "began", "won", "lost", "sent", "paid", "led", "spoke",
      "wrote", "brought", "kept", "found", "got", "stood", "will", "would"};
  const std::string_view s = line.str();
  if (!s.ends_with('.')) return false;
  const auto n = line.words(16);
  if (n < 3 || n > 15) return false;
  const auto inner = s.substr(0, s.size() - 1);
  for (std::string_view no : {". ", "?", "!", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D"})
    if (inner.find(no) != std::string_view::npos) return false;
  const auto& folded = line.folded_words();
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const std::string_view w = folded[i];
    if ((w.size() > 3 && w.ends_with("ed")) || kPast.count(w) > 0) return false;
  }
  return true;
}

bool looks_like_name(std::string_view s) {
  static const std::set<std::string_view> kParticles = {
      "de", "da", "del", "della", "di", "du", "dos", "van", "von", "der", "den", "bin", "binti",
      "al", "el", "la", "le", "ibn"};
  if (s.size() > 60) return false;
  const auto toks = words(s);
  if (toks.size() < 2 || toks.size() > 5) return false;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const auto t = toks[i];
    if (t.find_first_of("0123456789:;()") != std::string_view::npos) return false;
    if (i > 0 && i + 1 < toks.size() && kParticles.count(t)) continue;
    if (!starts_upper(t) || english_function_word(fold(t))) return false;  // "The Party"
  }
  return true;
}

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

}  // namespace annals::article_lines
