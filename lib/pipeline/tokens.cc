#include "pipeline/tokens.h"

#include "text/text.h"

#include <algorithm>

namespace annals {

std::vector<Token> tokenize(std::string_view body, Span sentence) {
  const std::string_view text = text_of(body, sentence);
  const Folded f = fold_with_map(text);
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < f.text.size()) {
    const std::size_t j = std::min(f.text.find(' ', i), f.text.size());
    Token t;
    t.folded = f.text.substr(i, j - i);
    t.span = {sentence.begin + f.origin[i], sentence.begin + f.origin_end[j - 1]};
    t.upper = starts_upper(text, f.origin[i]);
    out.push_back(std::move(t));
    i = j + 1;
  }
  return out;
}

std::size_t token_at(const std::vector<Token>& tokens, std::size_t pos) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), pos,
                             [](const Token& t, std::size_t p) { return t.span.begin < p; });
  return std::size_t(it - tokens.begin());
}

}  // namespace annals
