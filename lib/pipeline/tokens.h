#pragma once
// Word tokens of a sentence, folded for matching, with their spans in the body.

#include "pipeline/doc.h"

#include <string>
#include <vector>

namespace annals {

struct Token {
  std::string folded;  // fold() of the word: "thongloun", "2025", "viet"
  Span span;           // in the body
  bool upper = false;  // the word starts with a capital letter
};

// The words of body[sentence], split where fold() puts spaces (so "Lao-Russian"
// is two tokens and "Laos’s" is "laos" + "s").
std::vector<Token> tokenize(std::string_view body, Span sentence);

// Sets `out` to tokenize(body, sentence), reusing the storage of the tokens
// already in `out`: the event stage tokenizes every sentence of every article.
void tokenize_into(std::string_view body, Span sentence, std::vector<Token>& out);

// Index of the first token starting at or after `pos`, or tokens.size().
std::size_t token_at(const std::vector<Token>& tokens, std::size_t pos);

}  // namespace annals
