#pragma once
// The highlighted sentence and the snippet of a search hit, made from the text
// alone. FTS5's highlight() and snippet() would look the hit up in the index
// again, each word's doclist sought anew: about 60 µs a hit, most of a search.
// Here the sentence goes through the tokenizer sentences_fts uses, and the
// query's phrases are matched against its tokens.

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

namespace annals::query {

struct Marked {
  std::string highlighted;  // the text with each phrase match in [brackets]
  std::string snippet;      // the best window of words, matches in [brackets], "..." where cut
};

class Highlighter {
 public:
  // The tokenizer of sentences_fts (schema/001_init.sql) on `db`'s connection.
  explicit Highlighter(SQLite::Database& db);
  ~Highlighter();
  Highlighter(const Highlighter&) = delete;
  Highlighter& operator=(const Highlighter&) = delete;

  // The tokens of a query phrase, as FTS5 would match them.
  std::vector<std::string> phrase_tokens(std::string_view phrase);

  // `text` marked where any of `phrases` (each from phrase_tokens) matches;
  // the snippet is the `window` tokens holding the most distinct phrases.
  Marked mark(std::string_view text, const std::vector<std::vector<std::string>>& phrases,
              std::size_t window = 16);

 private:
  struct Token {
    std::string text;
    std::size_t begin = 0, end = 0;
  };
  std::vector<Token> tokenize(std::string_view text, int flags);

  fts5_tokenizer api_{};
  Fts5Tokenizer* tokenizer_ = nullptr;
};

}  // namespace annals::query
