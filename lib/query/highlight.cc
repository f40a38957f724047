#include "query/highlight.h"

#include "annals/error.h"
#include "query/rank.h"

#include <algorithm>
#include <set>

namespace annals::query {
namespace {

// sentences_fts's tokenize option, word for word.
constexpr const char* kTokenizer = "unicode61";
const char* kTokenizerArgs[] = {"remove_diacritics", "2"};

struct Match {
  std::size_t first = 0, last = 0;  // token range, inclusive
  std::size_t phrase = 0;
};

// Wraps the tokens of each match (merged where they overlap) of
// [from, to] in brackets; `tokens` give the byte ranges.
template <typename Tokens>
std::string marked(std::string_view text, const Tokens& tokens, const std::vector<Match>& matches, std::size_t from_byte,
                   std::size_t to_byte) {
  std::string out;
  std::size_t at = from_byte;
  for (std::size_t i = 0; i < matches.size();) {
    std::size_t first = matches[i].first, last = matches[i].last;
    for (++i; i < matches.size() && matches[i].first <= last; ++i) last = std::max(last, matches[i].last);
    const std::size_t begin = tokens[first].begin, end = tokens[last].end;
    if (begin < from_byte || end > to_byte) continue;
    out.append(text.substr(at, begin - at)).append("[").append(text.substr(begin, end - begin)).append("]");
    at = end;
  }
  out.append(text.substr(at, to_byte - at));
  return out;
}

}  // namespace

Highlighter::Highlighter(SQLite::Database& db) {
  fts5_api* api = fts5_of(db.getHandle());
  void* context = nullptr;
  if (!api || api->xFindTokenizer(api, kTokenizer, &context, &api_) != SQLITE_OK ||
      api_.xCreate(context, kTokenizerArgs, 2, &tokenizer_) != SQLITE_OK)
    throw Error(db.getFilename(), "cannot load FTS5's unicode61 tokenizer");
}

Highlighter::~Highlighter() {
  if (tokenizer_) api_.xDelete(tokenizer_);
}

std::vector<Highlighter::Token> Highlighter::tokenize(std::string_view text, int flags) {
  std::vector<Token> out;
  auto add = [](void* ctx, int, const char* token, int size, int begin, int end) {
    static_cast<std::vector<Token>*>(ctx)->push_back(
        {std::string(token, std::size_t(size)), std::size_t(begin), std::size_t(end)});
    return SQLITE_OK;
  };
  api_.xTokenize(tokenizer_, &out, flags, text.data(), static_cast<int>(text.size()), add);
  return out;
}

std::vector<std::string> Highlighter::phrase_tokens(std::string_view phrase) {
  std::vector<std::string> out;
  for (auto& t : tokenize(phrase, FTS5_TOKENIZE_QUERY)) out.push_back(std::move(t.text));
  return out;
}

// The snippet follows FTS5's snippet(): windows start at each match, score a
// thousand for each distinct phrase inside and one for each further match, the
// best (earliest of equals) wins and is shifted to centre its matches.
Marked Highlighter::mark(std::string_view text, const std::vector<std::vector<std::string>>& phrases,
                         std::size_t window) {
  const auto tokens = tokenize(text, FTS5_TOKENIZE_DOCUMENT);
  std::vector<Match> matches;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    for (std::size_t p = 0; p < phrases.size(); ++p) {
      const auto& words = phrases[p];
      if (words.empty() || i + words.size() > tokens.size()) continue;
      bool same = true;
      for (std::size_t k = 0; same && k < words.size(); ++k) same = tokens[i + k].text == words[k];
      if (same) matches.push_back({i, i + words.size() - 1, p});
    }
  Marked out;
  out.highlighted = marked(text, tokens, matches, 0, text.size());
  if (tokens.size() <= window || matches.empty()) {
    out.snippet = out.highlighted;
    return out;
  }
  std::size_t best_start = 0, best_score = 0;
  for (const auto& m : matches) {
    std::set<std::size_t> seen;
    std::size_t score = 0, first = m.first, last = m.first;
    for (const auto& n : matches) {
      if (n.first < m.first || n.last >= m.first + window) continue;
      score += seen.insert(n.phrase).second ? 1000 : 1;
      last = std::max(last, n.last);
    }
    if (score <= best_score) continue;
    best_score = score;
    // Centre the matches in the window, inside the sentence.
    const std::size_t spare = window - std::min(window, last - first + 1);
    best_start = std::min(first - std::min(first, spare / 2), tokens.size() - window);
  }
  const std::size_t end_token = best_start + window - 1;
  const std::size_t from = best_start == 0 ? 0 : tokens[best_start].begin;
  const std::size_t to = end_token + 1 == tokens.size() ? text.size() : tokens[end_token].end;
  out.snippet = (best_start == 0 ? "" : "...") + marked(text, tokens, matches, from, to) +
                (end_token + 1 == tokens.size() ? "" : "...");
  return out;
}

}  // namespace annals::query
