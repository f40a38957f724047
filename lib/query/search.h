#pragma once
// Turning user text into an FTS5 query that FTS5 reads as plain words.

#include <string>
#include <string_view>
#include <vector>

namespace annals::query {

// Each word of `text` (split at spaces and ASCII punctuation, as the unicode61
// tokenizer splits) as an FTS5 string, joined by spaces (FTS5's implicit AND):
// `say "hi" NEAR(x` becomes `"say" "hi" "NEAR" "x"`. Words without a letter or
// digit are dropped; "" when none is left.
std::string fts_query(std::string_view text);
// The same strings, one per word, in order.
std::vector<std::string> fts_phrases(std::string_view text);

}  // namespace annals::query
