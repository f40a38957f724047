// search(): full-text search over sentences through sentences_fts.

#include "annals/query.h"
#include "query/search.h"
#include "query/cache.h"
#include "text/text.h"

#include <SQLiteCpp/Statement.h>

#include <cctype>

namespace annals {
namespace query {

namespace {

// ASCII punctuation and spaces separate tokens for unicode61 too; other
// characters stay in the word and FTS5 tokenizes them inside the string.
bool separator(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !std::isalnum(u);
}

}  // namespace

std::vector<std::string> fts_phrases(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && separator(text[pos])) ++pos;
    const std::size_t begin = pos;
    while (pos < text.size() && !separator(text[pos])) ++pos;
    const std::string_view word = text.substr(begin, pos - begin);
    // A word of non-ASCII punctuation alone ("—") holds no token.
    if (fold(word).empty()) continue;
    // An FTS5 string: all inside it is text. A quote would be written twice,
    // though the split above already leaves none.
    std::string phrase = "\"";
    for (char c : word) {
      if (c == '"') phrase += '"';
      phrase += c;
    }
    out.push_back(phrase + '"');
  }
  return out;
}

std::string fts_query(std::string_view text) {
  std::string out;
  for (const auto& phrase : fts_phrases(text)) out += (out.empty() ? "" : " ") + phrase;
  return out;
}

}  // namespace query

// Ranking and dressing are two steps. Ranked over sentences_fts alone, the
// newest kSearchCandidates matches (rowid order, FTS5 stops reading there)
// are scored and sorted; joined to sentences, SQLite would build every match's
// row before sorting. Only the page's sentences are then read, each by its
// rowid, and marked in C++ (query/highlight.h). A page is read again further
// on when some hits are of replaced sources. annals_bm25 scores as bm25 does
// (query/rank.h), given each phrase to key its row count by.
std::vector<SearchHit> search(const Database& database, std::string_view text, std::size_t limit) {
  const auto phrases = query::fts_phrases(text);
  if (phrases.empty() || limit == 0) return {};
  auto& cache = query::read_cache(database);
  cache.prepare_rank();
  auto& highlighter = cache.highlighter();
  std::string match, keys;
  std::vector<std::vector<std::string>> tokens;
  for (const auto& phrase : phrases) {
    match += (match.empty() ? "" : " ") + phrase;
    keys += ", ?";
    tokens.push_back(highlighter.phrase_tokens(phrase));
  }
  auto ranked = cache.statement(
      "SELECT id, score FROM (SELECT rowid AS id, annals_bm25(sentences_fts" + keys + ") AS score FROM sentences_fts "
      "WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score, id LIMIT ? OFFSET ?");
  auto hit = cache.statement(
      "SELECT t.source_id, s.file, t.seq, t.text FROM sentences t JOIN sources s ON s.source_id = t.source_id "
      "WHERE t.sentence_id = ? AND s.replaced_by IS NULL");
  const int n = static_cast<int>(phrases.size());
  std::vector<SearchHit> out;
  for (std::size_t offset = 0, read = limit; out.size() < limit && read == limit; offset += limit) {
    ranked->reset();
    for (int i = 0; i < n; ++i) ranked->bind(i + 1, phrases[std::size_t(i)]);
    ranked->bind(n + 1, match);
    ranked->bind(n + 2, static_cast<std::int64_t>(kSearchCandidates));
    ranked->bind(n + 3, static_cast<std::int64_t>(limit));
    ranked->bind(n + 4, static_cast<std::int64_t>(offset));
    for (read = 0; out.size() < limit && ranked->executeStep(); ++read) {
      hit->reset();
      hit->bind(1, ranked->getColumn(0).getInt64());
      if (!hit->executeStep()) continue;
      std::string sentence = hit->getColumn(3).getString();
      auto marked = highlighter.mark(sentence, tokens);
      out.push_back({ranked->getColumn(0).getInt64(), hit->getColumn(0).getInt64(), hit->getColumn(1).getString(),
                     hit->getColumn(2).getInt64(), std::move(sentence), std::move(marked.highlighted),
                     std::move(marked.snippet), ranked->getColumn(1).getDouble()});
    }
  }
  return out;
}

}  // namespace annals
