#pragma once
// The person stage's view of an article: its words as tokens, the country and
// organisation mentions over them, the title lexicon of schema/reference/titles.tsv
// and the word lists names and titles are told apart by. Internal to
// lib/pipeline/persons.cc, names.cc and titles.cc.

#include "pipeline/doc.h"
#include "text/word_map.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annals::person_parse {

// How high a post is: "the leader" fits leader-level titles only.
enum class Level { leader, official, diplomat, academic, honorific };

struct TitleForm {
  std::string folded;  // "deputy prime minister"
  std::string canonical;
  Level level = Level::official;
};

class TitleLexicon {
 public:
  // The lexicon of the embedded titles.tsv, built on first use.
  static const TitleLexicon& get();
  // Forms whose first folded word is `word`, longest first; nullptr if none.
  const std::vector<TitleForm>* starting_with(std::string_view word) const {
    return by_first_.find(word);
  }
  // The same for `word` whose word_hash is `hash`.
  const std::vector<TitleForm>* starting_with(std::string_view word, std::uint64_t hash) const {
    return by_first_.find(word, hash);
  }
  // The level of a canonical title, or nullopt for an unknown one.
  std::optional<Level> level_of(const std::string& canonical) const {
    auto it = levels_.find(canonical);
    return it == levels_.end() ? std::nullopt : std::optional(it->second);
  }

 private:
  explicit TitleLexicon(std::string_view tsv);
  WordMap<std::vector<TitleForm>> by_first_;
  std::unordered_map<std::string, Level> levels_;
};

// Folded words (see persons.cc's uses): words that end or reject a name because
// the run names a body, place or occasion; sentence openers; function words that
// cannot sit inside a name; months; weekdays; regnal numbers and generational
// suffixes ("II", "Jr"); lowercase name particles ("bin", "van"); ordinals before
// a title; words of an election; separators between joined titles.
extern const WordSet kInstitutionWords, kStopWords, kInnerStopWords, kMonths, kWeekdays,
    kNameSuffixes, kParticles, kOrdinalWords, kElectionWords, kSeparators;

struct Token {
  Span span;
  std::string fold;  // fold() of a word; the character itself otherwise; "'s" for a possessive
  std::uint64_t hash = 0;  // word_hash(fold), for the word lists
  bool word = false;
  bool upper = false;
  bool space_before = false;
  bool line_before = false;  // first on its line
};

// The words and punctuation of `s`, spans shifted by `offset`. Apostrophes join
// "d'Ivoire" and "O’Brien"; a possessive "’s" is a token of its own.
std::vector<Token> tokenize(std::string_view s, std::size_t offset = 0);

// True for a word of two or more letters, all capitals ("LPRP", "VOV").
bool all_upper_word(std::string_view text);

struct TitleMatch {
  const TitleForm* form = nullptr;
  std::size_t end = 0;  // token after the title
};

// The article as tokens with its country and organisation mentions.
struct Scan {
  const Doc& doc;
  const TitleLexicon& titles = TitleLexicon::get();
  std::vector<Token> tok;
  std::vector<int> covered;  // token -> longest mention over it, or -1
  std::vector<int> starts;   // token -> longest mention starting at it, or -1
  std::vector<std::size_t> mention_end;  // mention -> token after it
  std::vector<bool> headline;  // token on a title-cased line ("Putin Meets Xi")

  explicit Scan(const Doc& d);
  std::size_t size() const { return tok.size(); }
  bool is(std::size_t k, std::string_view f) const { return k < tok.size() && tok[k].fold == f; }
  bool cap(std::size_t k) const { return k < tok.size() && tok[k].word && tok[k].upper; }
  bool glued(std::size_t k) const { return k < tok.size() && !tok[k].space_before; }
  // True when token k (< size()) is in `words`.
  bool in(const WordSet& words, std::size_t k) const { return words.contains(tok[k].fold, tok[k].hash); }
  std::string_view text(std::size_t b, std::size_t e) const {
    return doc.text({tok[b].span.begin, tok[e - 1].span.end});
  }
  // match_title at token k, worked out for every token when the Scan is built:
  // titles and names ask about the same tokens many times.
  std::optional<TitleMatch> title(std::size_t k) const {
    return k < title_.size() && title_[k].form ? std::optional(title_[k]) : std::nullopt;
  }

 private:
  std::vector<TitleMatch> title_;  // form nullptr: no title starts at the token
};

// The longest title starting at token k; "Secretary-General" and "Ph.D." match
// across their glued punctuation. nullopt when none starts there.
std::optional<TitleMatch> match_title(const std::vector<Token>& tok, const TitleLexicon& lex,
                                      std::size_t k);
inline std::optional<TitleMatch> title_at(const Scan& s, std::size_t k) { return s.title(k); }

}  // namespace annals::person_parse
