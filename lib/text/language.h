#pragma once
// Guessing the language of a text from its script, or for Latin script from
// its commonest short words.

#include "pipeline/doc.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace annals {

// What guess_language judges a text by, counted in one pass: letters by
// script, words, and for Latin script the commonest short words of some
// languages. The counts of two texts add up to those of the two joined by a
// line break, so a caller that has counted the lines of a text can judge the
// whole without reading it again.
class LanguageCounts {
 public:
  static constexpr std::size_t kScripts = 13, kLanguages = 7;  // see language.cc

  LanguageCounts() = default;
  explicit LanguageCounts(std::string_view text);
  LanguageCounts& operator+=(const LanguageCounts& other);

  // word_count() of the text.
  std::size_t words() const { return words_; }
  // The number of words of fold(text): folded_word_count(text, -1).
  std::size_t folded_word_count() const { return folded_; }
  // True when the text holds a letter outside ASCII.
  bool non_ascii_letters() const { return non_ascii_letters_ > 0; }
  // guess_language() of the text.
  std::optional<Stated> guess() const;

 private:
  struct Pass;
  std::optional<Stated> latin() const;

  std::size_t letters_ = 0, non_ascii_letters_ = 0;
  std::array<std::size_t, kScripts> by_script_{};  // letters by the language their script implies
  std::size_t words_ = 0, vietnamese_ = 0;   // words, and those with a letter only Vietnamese uses
  std::size_t folded_ = 0;                   // words of fold(text)
  std::array<std::size_t, kLanguages> function_{};    // of those, function words of each language
};

// The language of `text` as an ISO 639-1 code and how it was judged
// ("inferred: function words", "inferred: letters" or "inferred: script");
// nullopt when the text is too short or no language stands out.
std::optional<Stated> guess_language(std::string_view text);

// True when `folded` (one word of fold()) is one of the English function words
// the guess counts ("the", "of", "said" ...).
bool english_function_word(std::string_view folded);

}  // namespace annals
