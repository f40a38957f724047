#pragma once
// The person stage's view of an article: its words as tokens, the country and
// organisation mentions over them, the title lexicon of schema/reference/titles.tsv
// and the word lists names and titles are told apart by. Internal to
// lib/pipeline/persons.cc, names.cc and titles.cc.

#include "pipeline/doc.h"
#include "text/word_map.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annals::person_parse {

// How high a post is: "the leader" fits leader-level titles only.
enum class Level { leader, official, diplomat, academic, honorific };

// A list of folded words tokens are tested against (Scan::in). Each list is a
// bit of the mask a token's one look-up finds (Token::info), so a test costs
// no hashing. Lists register their words as they are built: define them at
// namespace scope only, never after the first tokenize(); at most 64 lists.
class WordList {
 public:
  WordList(std::initializer_list<std::string_view> words);
  // True when the folded word `w` is in the list.
  bool contains(std::string_view w) const;
  std::uint64_t bit() const { return bit_; }

 private:
  std::uint64_t bit_ = 0;
};

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
  // Every first word with its forms.
  const std::vector<std::pair<std::string, std::vector<TitleForm>>>& first_words() const {
    return by_first_.items();
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
extern const WordList kInstitutionWords, kStopWords, kInnerStopWords, kMonths, kWeekdays,
    kNameSuffixes, kParticles, kOrdinalWords, kElectionWords, kSeparators;

// What the word lists and the title lexicon say of one folded word.
struct WordInfo {
  std::uint64_t lists = 0;  // WordList::bit() of each list holding it
  const std::vector<TitleForm>* titles = nullptr;  // TitleLexicon::starting_with
};

struct Token {
  Span span;
  // fold() of a word; the character itself otherwise; "'s" for a possessive.
  // Views the storage of the Tokens holding the token.
  std::string_view fold;
  std::uint64_t hash = 0;  // word_hash(fold), for the look-up of info
  bool word = false;
  bool upper = false;
  bool space_before = false;
  bool line_before = false;  // first on its line
  bool spaced = false;       // fold holds a space ("d ivoire")
  const WordInfo* info = nullptr;  // nullptr: in no list and no title's first word
};

// Tokens with the one buffer their folds are kept in: no string per token.
// Move-only; a move keeps the folds where they are.
class Tokens {
 public:
  std::vector<Token> list;

  Tokens() = default;
  Tokens(Tokens&&) = default;
  Tokens& operator=(Tokens&&) = default;
  std::size_t size() const { return list.size(); }
  const Token& operator[](std::size_t k) const { return list[k]; }
  auto begin() const { return list.begin(); }
  auto end() const { return list.end(); }

 private:
  friend Tokens tokenize(std::string_view s, std::size_t offset);
  std::unique_ptr<char[]> folds_;  // the folds, one after another
  std::vector<std::unique_ptr<std::string>> spill_;  // a fold that did not fit in folds_
};

// The words and punctuation of `s`, spans shifted by `offset`. Apostrophes join
// "d'Ivoire" and "O’Brien"; a possessive "’s" is a token of its own.
Tokens tokenize(std::string_view s, std::size_t offset = 0);

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
  Tokens tokens;
  const std::vector<Token>& tok = tokens.list;
  std::vector<int> covered;  // token -> longest mention over it, or -1
  std::vector<int> starts;   // token -> longest mention starting at it, or -1
  std::vector<std::size_t> mention_end;  // mention -> token after it
  std::vector<bool> headline;  // token on a title-cased line ("Putin Meets Xi")

  explicit Scan(const Doc& d);
  Scan(const Scan&) = delete;  // tok refers to this Scan's tokens
  std::size_t size() const { return tok.size(); }
  bool is(std::size_t k, std::string_view f) const { return k < tok.size() && tok[k].fold == f; }
  bool cap(std::size_t k) const { return k < tok.size() && tok[k].word && tok[k].upper; }
  bool glued(std::size_t k) const { return k < tok.size() && !tok[k].space_before; }
  // True when token k marks a possessive: "'s", or a lone apostrophe glued to a
  // word ending in s ("the Solomon Islands' Prime Minister").
  bool possessive(std::size_t k) const {
    if (is(k, "'s")) return true;
    if (k == 0 || !glued(k) || !(is(k, "'") || is(k, "\u2019"))) return false;
    const std::string_view before = tok[k - 1].fold;
    return tok[k - 1].word && !before.empty() && before.back() == 's';
  }
  // True when token k (< size()) is in `words`.
  bool in(const WordList& words, std::size_t k) const {
    return tok[k].info && (tok[k].info->lists & words.bit()) != 0;
  }
  std::string_view text(std::size_t b, std::size_t e) const {
    return doc.text({tok[b].span.begin, tok[e - 1].span.end});
  }
  // True when title(k) is not nullopt.
  bool has_title(std::size_t k) const { return k < title_.size() && title_[k].form; }
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
