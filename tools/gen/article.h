#pragma once
// One generated article: its text and its gold facts, a pure function of the
// world's seed and the article's index.

#include <cstdint>
#include <string>

#include "world.h"
#include "writer.h"

namespace annals::gen {

struct GeneratedArticle {
  std::string stem;  // "000042_9f86d081884c7d65": the file name without extension
  std::string text;  // the article, UTF-8
  Json gold;         // the tests/gold/README.md format
};

// Article `index` of the corpus of `world`: the same bytes on every call.
// Throws Error if an evidence string is not in the text (a generator bug).
GeneratedArticle make_article(const World& world, std::uint64_t index);

}  // namespace annals::gen
