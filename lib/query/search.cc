// search(): full-text search over sentences through sentences_fts.

#include "annals/query.h"
#include "query/search.h"
#include "store/connection.h"
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

std::string fts_query(std::string_view text) {
  std::string out;
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
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

}  // namespace query

// Ranking and dressing are two statements. Ranked over sentences_fts alone,
// the newest kSearchCandidates matches (rowid order, FTS5 stops reading there)
// are scored and sorted; joined to sentences, SQLite would build every match's
// row, highlight and snippet included, before sorting. So only the page's
// sentences are read and highlighted, each by its rowid. A page is read again
// further on when some hits are of replaced sources.
std::vector<SearchHit> search(const Database& database, std::string_view text, std::size_t limit) {
  const std::string match = query::fts_query(text);
  if (match.empty() || limit == 0) return {};
  const auto& db = connection(database);
  SQLite::Statement ranked(db,
      "SELECT id, score FROM (SELECT rowid AS id, bm25(sentences_fts) AS score FROM sentences_fts "
      "WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score, id LIMIT ? OFFSET ?");
  SQLite::Statement hit(db,
      "SELECT t.source_id, s.file, t.seq, t.text, highlight(sentences_fts, 0, '[', ']'), "
      "snippet(sentences_fts, 0, '[', ']', '...', 16) FROM sentences_fts "
      "JOIN sentences t ON t.sentence_id = sentences_fts.rowid JOIN sources s ON s.source_id = t.source_id "
      "WHERE sentences_fts MATCH ? AND sentences_fts.rowid = ? AND s.replaced_by IS NULL");
  std::vector<SearchHit> out;
  for (std::size_t offset = 0, read = limit; out.size() < limit && read == limit; offset += limit) {
    ranked.reset();
    ranked.bind(1, match);
    ranked.bind(2, static_cast<std::int64_t>(kSearchCandidates));
    ranked.bind(3, static_cast<std::int64_t>(limit));
    ranked.bind(4, static_cast<std::int64_t>(offset));
    for (read = 0; out.size() < limit && ranked.executeStep(); ++read) {
      hit.reset();
      hit.bind(1, match);
      hit.bind(2, ranked.getColumn(0).getInt64());
      if (!hit.executeStep()) continue;
      out.push_back({ranked.getColumn(0).getInt64(), hit.getColumn(0).getInt64(), hit.getColumn(1).getString(),
                     hit.getColumn(2).getInt64(), hit.getColumn(3).getString(), hit.getColumn(4).getString(),
                     hit.getColumn(5).getString(), ranked.getColumn(1).getDouble()});
    }
  }
  return out;
}

}  // namespace annals
