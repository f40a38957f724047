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

// Index of the first token starting at or after `pos`, or tokens.size().
std::size_t token_at(const std::vector<Token>& tokens, std::size_t pos);

}  // namespace annals
