#include "pipeline/date_matcher.h"
#include "pipeline/dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

// infer_publication_year: the year an undated article was written in, from
// what its text makes certain. Each rule reads the dates date_matcher.cc finds
// sentence by sentence; the dates are in text order, so the ones in a sentence
// are found by binary search, and a whole archive joined into one text stays
// linear.

namespace annals {
namespace {

using namespace date_parse;

using Sentence = std::pair<Ix, Ix>;  // tokens [first, second)

// Sentences as token ranges: a line break, or ". ! ?" before a space and a word that
// is not lowercase, unless the full stop ends an abbreviation ("Oct.", "T.").
std::vector<Sentence> sentences(const Lexed& x) {
  std::vector<Sentence> out;
  Ix begin = 0;
  for (Ix j = 0; j < x.size(); ++j) {
    const Tok &t = x[j], &n = x[j + 1], &w = x[j - 1];
    const bool abbreviation =
        t.text == "." && w.kind == Kind::word &&
        ((w.text.size() == 1 && capitalised(w)) || one_of(kAbbreviations, w.lower));
    const bool stop = one_of({".", "!", "?"}, t.text) && n.space_before && !abbreviation &&
                      !(n.kind == Kind::word && !capitalised(n));
    if (stop || n.line_before || j + 1 == x.size()) {
      out.push_back({begin, j + 1});
      begin = j + 1;
    }
  }
  return out;
}

// The dates that lie within sentence `s`, in order, as [begin, end) of `raws`.
std::pair<std::size_t, std::size_t> within(const std::vector<Raw>& raws, Sentence s) {
  auto begin = std::lower_bound(raws.begin(), raws.end(), s.first,
                                [](const Raw& r, Ix first) { return r.first < first; });
  auto end = std::lower_bound(begin, raws.end(), s.second,
                              [](const Raw& r, Ix first) { return r.first < first; });
  // A date starting inside may run past the sentence's end: the last one only.
  if (end != begin && (end - 1)->next > s.second) --end;
  return {std::size_t(begin - raws.begin()), std::size_t(end - raws.begin())};
}

// The years the text prints in a sentence, with the token each starts at.
std::vector<std::pair<Ix, int>> years_in(const std::vector<Raw>& raws, Sentence s) {
  std::vector<std::pair<Ix, int>> out;
  const auto [begin, end] = within(raws, s);
  for (std::size_t i = begin; i < end; ++i) {
    const Raw& r = raws[i];
    if (r.rel != Rel::none) continue;
    if (r.start.y) out.push_back({r.first, r.start.y});
    if (r.end && r.end->y && r.end->y != r.start.y) out.push_back({r.first, r.end->y});
  }
  return out;
}

// The one year every candidate agrees on; nullopt when none or they disagree.
std::optional<InferredYear> agreed(const std::vector<InferredYear>& found) {
  for (const auto& f : found)
    if (f.year != found.front().year) return std::nullopt;
  return found.empty() ? std::nullopt : std::optional(found.front());
}

// Rule 1: "59 years since ... 1962", "the 65th anniversary of ... 1960".
std::optional<InferredYear> by_elapsed_years(const Lexed& x, const std::vector<Raw>& raws,
                                             const std::vector<Sentence>& sents) {
  std::vector<InferredYear> found;
  for (const Sentence& s : sents) {
    for (Ix j = s.first; j < s.second; ++j) {
      const Tok& t = x[j];
      if (t.kind != Kind::number || t.formatted || t.value < 1 || t.value > 999) continue;
      const std::string_view suffix = t.lower.substr(t.lower.size() - t.suffix.size());
      Ix after = 0;
      if (t.suffix.empty() && x[j + 1].lower == "years" &&
          one_of({"since", "ago"}, x[j + 2].lower))
        after = j + 3;
      else if (one_of(kOrdinals, suffix) && x[j + 1].lower == "anniversary")
        after = j + 2;
      else
        continue;
      // The anchor must be the sentence's only year, and come after the phrase, so
      // "in 2020, the 60th anniversary" (the year of the celebration) does not count.
      const auto years = years_in(raws, s);
      if (years.empty() || std::any_of(years.begin(), years.end(), [&](const auto& y) {
            return y.second != years.front().second || y.first < after;
          }))
        continue;
      const int anchor = years.front().second;
      found.push_back({anchor + t.value,
                       fmt::format("'{}' with {} in the same sentence ({} + {})",
                                   x.text().substr(t.begin, x[after - 1].end - t.begin), anchor,
                                   anchor, t.value)});
    }
  }
  return agreed(found);
}

// Rule 2: "Later this year, ... the Laros-2025 exercises".
std::optional<InferredYear> by_named_year(const Lexed& x, const std::vector<Raw>& raws,
                                          const std::vector<Sentence>& sents) {
  std::vector<InferredYear> found;
  for (const Sentence& s : sents) {
    Ix this_year = -1;
    for (Ix j = s.first; j + 1 < s.second && this_year < 0; ++j)
      if (x[j].lower == "this" && x[j + 1].lower == "year") this_year = j;
    if (this_year < 0) continue;
    const auto years = years_in(raws, s);
    const auto [begin, end] = within(raws, s);
    const auto label = std::find_if(raws.begin() + Ix(begin), raws.begin() + Ix(end),
                                    [](const Raw& r) { return r.label; });
    if (label == raws.begin() + Ix(end) || std::any_of(years.begin(), years.end(), [&](const auto& y) {
          return y.second != label->start.y;
        }))
      continue;
    const Ix name = label->first - (x[label->first - 1].kind == Kind::dash ? 2 : 1);
    found.push_back({label->start.y,
                     fmt::format("'this year' in a sentence naming '{}'",
                                 x.text().substr(x[name].begin, label->span.end - x[name].begin))});
  }
  return agreed(found);
}

// Rule 3: "on January 26" in the body, "January 26–27, 2026" in a teaser.
std::optional<InferredYear> by_matching_day(std::string_view text, const std::vector<Raw>& raws) {
  auto bare = [](const Raw& r) { return r.rel == Rel::none && !r.start.y && r.start.d != 0; };
  // For each month and day a bare date names: the years of the printed dates
  // (or ranges within one year) that cover it, and the last of those dates.
  struct Covered {
    std::set<int> years;
    const Raw* full = nullptr;
  };
  std::map<std::pair<unsigned, unsigned>, Covered> days;
  for (const Raw& r : raws)
    if (bare(r)) days[{r.start.m, r.start.d}];
  if (days.empty()) return std::nullopt;
  for (const Raw& r : raws) {
    if (r.rel != Rel::none || !r.start.y || r.start.d == 0) continue;
    const bool range = r.end && r.end->y == r.start.y && r.end->d != 0;
    const std::pair<unsigned, unsigned> from{r.start.m, r.start.d};
    const std::pair<unsigned, unsigned> to = range ? std::pair{r.end->m, r.end->d} : from;
    for (auto it = days.lower_bound(from); it != days.end() && it->first <= to; ++it) {
      it->second.years.insert(r.start.y);
      it->second.full = &r;
    }
  }
  std::vector<InferredYear> found;
  for (const Raw& r : raws) {
    if (!bare(r)) continue;
    const Covered& c = days[{r.start.m, r.start.d}];
    if (c.years.size() != 1) continue;
    found.push_back({*c.years.begin(), fmt::format("'{}' has no year; the text prints it as '{}'",
                                                   text_of(text, r.quote), text_of(text, c.full->span))});
  }
  return agreed(found);
}

}  // namespace

std::optional<InferredYear> infer_publication_year(std::string_view text) {
  const Lexed x(text);
  const std::vector<Raw> raws = scan(x);
  const std::vector<Sentence> sents = sentences(x);
  if (auto y = by_elapsed_years(x, raws, sents)) return y;
  if (auto y = by_named_year(x, raws, sents)) return y;
  return by_matching_day(text, raws);
}

}  // namespace annals
