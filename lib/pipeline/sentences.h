#pragma once
// Sentence splitting: the first stage after cleaning, whose spans later stages
// use as the unit of evidence.

#include "pipeline/doc.h"

#include <string_view>
#include <vector>

namespace annals {

// Sentences of `body` as [begin, end) byte spans, in order, trimmed of
// surrounding white space (Unicode spaces included), never crossing a line
// break (a line without final punctuation, like a headline, is its own
// sentence), never empty. A sentence ends after . ! ? or an ellipsis (with
// any closing quotes or brackets, and "./.") when white space and then an
// uppercase letter, a digit, an opening quote or bracket, or a dash before an
// uppercase word follow; not after a known abbreviation ("Mr.", "Oct.",
// "e.g.") or initials ("T.", "V.V.", "U.S."). Runs in time linear in the size
// of `body`.
std::vector<Span> split_sentences(std::string_view body);

}  // namespace annals
