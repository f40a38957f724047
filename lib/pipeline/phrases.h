#pragma once
// Folded token views of a text and the phrase matcher the gazetteer builds
// from its names: countries, organisations and cities.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/doc.h"
#include "text/fold_loop.h"
#include "text/text.h"
#include "text/word_map.h"

namespace annals {

// Writes fold(s) (text.h) to `out`, which must have room for s.size() bytes
// (folding never lengthens a text), and calls on_word(first, last, begin, end)
// for each word: out[first, last) holds its folded bytes and s[begin, end) runs
// from its first folded character to the end of its last. Returns the number
// of bytes written. The tokenizers read a text once through it, with no
// byte-by-byte origin map (fold_with_map) and ASCII taking a table lookup.
template <class OnWord>
std::size_t fold_words(std::string_view s, char* out, OnWord&& on_word) {
  // fold_each (text/fold_loop.h) does the folding; this only marks the words.
  struct Words {
    char* out;
    OnWord& on_word;
    std::size_t n = 0, first = 0, begin = 0, end = 0;
    bool open = false;
    void close() {
      if (open) on_word(first, n, begin, end);
      open = false;
    }
    void space(std::size_t) {
      close();
      out[n++] = ' ';
    }
    void put(char c, std::size_t from, std::size_t to) {
      if (!open) open = true, first = n, begin = from;
      out[n++] = c;
      end = to;
    }
    bool full() const { return false; }
  } words{out, on_word};
  fold_each(s, words);
  words.close();
  return words.n;
}

// The folded words of a text, each with the byte range it came from.
struct TokenizedText {
  struct Token {
    std::size_t begin = 0, end = 0;  // in folded
    Span source;                     // in the original text
    std::uint64_t hash = 0;          // word_hash of the folded word
  };
  std::string_view source;
  std::string folded;  // fold(source)
  std::vector<Token> tokens;

  std::string_view folded_of(std::size_t first, std::size_t last) const;  // tokens [first, last)
  std::string_view source_of(std::size_t i) const { return text_of(source, tokens[i].source); }
};

// Folds `text` and splits it into tokens; `text` must outlive the result.
TokenizedText tokenize(std::string_view text);

// One way to write a phrase: what it stands for and how its case must look.
struct PhraseEntry {
  enum class Case : std::uint8_t { any, capital, upper };
  std::size_t target = 0;   // index of the country or organisation
  std::uint8_t kind = 0;    // AliasKind for countries
  bool blocked = false;     // a not_country phrase: hides shorter matches, yields nothing
  bool name_like = false;   // not next to another capitalised word
  std::vector<Case> cases;  // one per token
  std::string punctuation;  // punctuation the alias itself has between its tokens
};

struct PhraseMatch {
  std::size_t first = 0, last = 0;  // tokens [first, last)
  Span span;                        // in the source text
  const PhraseEntry* entry = nullptr;
};

// Folded token sequences mapped to entries; matches a whole text in one pass,
// trying at each token the longest phrase first.
class PhraseTable {
 public:
  void add(std::string_view phrase, PhraseEntry entry);
  // Leftmost-longest, non-overlapping matches whose case, punctuation and
  // neighbours fit; blocked phrases consume their tokens but are not returned.
  std::vector<PhraseMatch> match(const TokenizedText& text) const;
  // The entries for `phrase` after folding, case unchecked; empty if none.
  std::vector<const PhraseEntry*> lookup(std::string_view phrase) const;

 private:
  struct Phrase {
    std::string key;  // the folded phrase
    std::size_t tokens = 0;
    std::vector<PhraseEntry> entries;
  };
  std::vector<Phrase> phrases_;
  WordMap<std::size_t> by_key_;  // folded phrase -> index into phrases_
  // First folded word -> the phrases it opens, most tokens first: one look-up
  // per token of a text, where most tokens open none.
  WordMap<std::vector<std::size_t>> by_first_;

  const PhraseEntry* accept(const TokenizedText& text, std::size_t first, std::size_t last,
                            const std::vector<PhraseEntry>& candidates) const;
};

}  // namespace annals
