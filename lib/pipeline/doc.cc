#include "pipeline/doc.h"

#include <algorithm>

namespace annals {

std::size_t Article::raw_offset(std::size_t pos) const {
  // The last segment starting at or before pos.
  auto it = std::upper_bound(segments.begin(), segments.end(), pos,
                             [](std::size_t p, const Segment& s) { return p < s.body_begin; });
  if (it == segments.begin()) return pos;
  --it;
  return it->raw_begin + std::min(pos - it->body_begin, it->length);
}

std::string_view to_string(Role r) {
  switch (r) {
    case Role::actor: return "actor";
    case Role::counterpart: return "counterpart";
    case Role::participant: break;
  }
  return "participant";
}

std::size_t Doc::sentence_at(std::size_t pos) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](std::size_t p, const Span& s) { return p < s.begin; });
  if (it == sentences.begin()) return sentences.size();
  --it;
  return pos < it->end ? std::size_t(it - sentences.begin()) : sentences.size();
}

}  // namespace annals
