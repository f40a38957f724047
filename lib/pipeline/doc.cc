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

std::vector<Segment> joined_segments(const Article& a) {
  std::vector<Segment> out;
  for (const Segment& s : a.segments) {
    if (!out.empty()) {
      Segment& last = out.back();
      const std::size_t body_end = last.body_begin + last.length, raw_end = last.raw_begin + last.length;
      const bool same_gap = s.body_begin >= body_end && s.raw_begin >= raw_end &&
                            s.body_begin - body_end == s.raw_begin - raw_end && s.body_begin <= a.body.size() &&
                            s.raw_begin <= a.raw.size() &&
                            a.body.compare(body_end, s.body_begin - body_end, a.raw, raw_end,
                                           s.raw_begin - raw_end) == 0;
      if (same_gap) {
        last.length = s.body_begin + s.length - last.body_begin;
        continue;
      }
    }
    out.push_back(s);
  }
  return out;
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
