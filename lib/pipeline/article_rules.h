#pragma once
// The cleaning rules that judge one line of an article as page furniture or as
// part of the story: navigation, photo captions and file names, notices, lines
// in another language, related-story headings, headlines and captions. Each is
// a pure function of one line. Internal to lib/pipeline/article.cc and
// article_meta.cc.

#include "text/language.h"
#include "text/text.h"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace annals::article_lines {

constexpr auto kIcase = std::regex::ECMAScript | std::regex::icase;
using Match = std::match_results<std::string_view::const_iterator>;

// One line and the facts several rules ask of it, each worked out on first
// use: most lines are long paragraphs that every rule looks at only briefly.
class TextLine {
 public:
  explicit TextLine(std::string_view s) : s_(s) {}
  std::string_view str() const { return s_; }
  // LanguageCounts(str()): read once, it gives the word count every rule
  // asks for and, summed over the kept lines, the language of the body.
  const LanguageCounts& counts() const;
  // min(word_count(str()), limit).
  std::size_t words(std::size_t limit = std::size_t(-1)) const { return std::min(counts().words(), limit); }
  // The words of fold(str()).
  const FoldedWords& folded_words() const;

 private:
  std::string_view s_;
  mutable std::optional<LanguageCounts> counts_;
  mutable std::optional<FoldedWords> folded_;
};

// True when `re` matches in `s` (at its start only when `at_start`); `m` gets the match.
bool search(std::string_view s, const std::regex& re, Match& m, bool at_start = false);

// Cheap tests that let a rule skip its regular expression on lines it cannot
// match: whether `s` starts with one of `prefixes` (lowercase ASCII, matched
// ignoring case), and `s` after an optional "(" and ASCII white space (as
// `\(?\s*` reads it).
bool istarts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes);
std::string_view after_bracket(std::string_view s);

// The reason line `s` is page furniture wherever it stands ("navigation",
// "photo file name", "photo caption", "comment notice", "cookie notice",
// "subscription notice", "copyright notice", "end marker", or "other language"
// when it reads as another language and in_english() says the article is
// English, a question asked only then); "" when it is not.
std::string furniture_reason(const TextLine& line, const std::function<bool()>& in_english);

// True when `s` places a person as captions do: "(l)", "(centre)", "(second
// from left)", "(3rd from right)", in any case; what the regular expression
// \((?:l|r|c|left|right|cent(?:re|er)|front|middle|(?:first|second|third|fourth|\d+(?:st|nd|rd|th)) from (?:left|right))\)
// with std::regex::icase finds, written out because parentheses are common.
bool names_position(std::string_view s);

// Where a photo credit closing a long paragraph starts ("... talks. (Photo: VNA)"),
// as a byte offset in `s`; nullopt when there is none.
std::optional<std::size_t> trailing_photo_credit(const TextLine& line);

// True for a heading over a list of other stories ("Related", "More on this topic").
bool related_heading(const TextLine& line);

// True for one listed headline with its label: "Read more: Leaders meet in the capital".
bool inline_related(const TextLine& line);

// True for at least 20 words ending like a sentence: article text, not furniture.
bool real_paragraph(const TextLine& line);

// True when `s` is short, capitalised and without final punctuation: a title or
// a listed headline.
bool headline_like(const TextLine& line);

// True for a short present-tense sentence, as captions read ("Leaders meet in the capital.").
bool caption_like(const TextLine& line);

// True when `s` is a person's name: two to five capitalised words, lowercase
// particles ("van", "bin") inside.
bool looks_like_name(std::string_view s);

// `s` with words written in capitals only given a capital and lowercase
// letters: "Ksenia MURATSHINA" -> "Ksenia Muratshina".
std::string normal_name(std::string_view s);

}  // namespace annals::article_lines
