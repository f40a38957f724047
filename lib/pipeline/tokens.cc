#include "pipeline/tokens.h"

#include "pipeline/phrases.h"
#include "text/text.h"

#include <algorithm>
#include <string>

namespace annals {

std::vector<Token> tokenize(std::string_view body, Span sentence) {
  std::vector<Token> out;
  tokenize_into(body, sentence, out);
  return out;
}

void tokenize_into(std::string_view body, Span sentence, std::vector<Token>& out) {
  // The words fold into a buffer kept from call to call; each token's string
  // reuses the storage of the token that stood at its index before.
  const std::string_view text = text_of(body, sentence);
  thread_local std::string buffer;
  if (buffer.size() < text.size()) buffer.resize(text.size());
  const char* const folded = buffer.data();
  std::size_t n = 0;
  fold_words(text, buffer.data(), [&](std::size_t first, std::size_t last, std::size_t begin, std::size_t end) {
    if (n == out.size()) out.emplace_back();
    Token& t = out[n++];
    t.folded.assign(folded + first, last - first);
    t.span = {sentence.begin + begin, sentence.begin + end};
    t.upper = starts_upper(text, begin);
  });
  out.resize(n);
}

std::size_t token_at(const std::vector<Token>& tokens, std::size_t pos) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), pos,
                             [](const Token& t, std::size_t p) { return t.span.begin < p; });
  return std::size_t(it - tokens.begin());
}

}  // namespace annals
