#include "pipeline/places.h"

#include <algorithm>
#include <set>
#include <string>

#include "pipeline/gazetteer.h"

namespace annals {
namespace {

// Words that may stand capitalised before a city without being part of its
// name: sentence openers and title-case headlines ("Leaders Meet In Hanoi",
// "Xi Visits Moscow").
bool lead_in(std::string_view folded) {
  static const std::set<std::string, std::less<>> kWords = {
      "the",     "a",      "an",     "in",      "to",     "from",   "at",     "and",    "or",      "but",      "of",
      "for",     "with",   "by",     "on",     "near",   "via",     "into",     "outside",
      "inside",  "across", "around", "like",   "unlike", "between", "including", "after",
      "before",  "while",  "when",   "since",  "as",     "both",    "than",     "visit",
      "visits",  "visited", "visiting", "arrive", "arrives", "arrived", "leave", "leaves",
      "left",    "return", "returns", "host",   "hosts",  "hosted",  "meet",     "meets"};
  return kWords.contains(folded);
}

bool only_spaces(std::string_view gap) {
  return !gap.empty() && gap.find_first_not_of(" \t") == std::string_view::npos;
}

// True when a capitalised word joins the match into a longer name: "Tokyo
// Electric", "Paris Hilton", "Denzel Washington".
bool longer_name(const TokenizedText& t, const PhraseMatch& m) {
  const auto& tokens = t.tokens;
  if (m.last < tokens.size()) {
    const Span next = tokens[m.last].source;
    if (only_spaces(text_of(t.source, {m.span.end, next.begin})) &&
        starts_upper(t.source, next.begin))
      return true;
  }
  if (m.first > 0) {
    const Span prev = tokens[m.first - 1].source;
    if (only_spaces(text_of(t.source, {prev.end, m.span.begin})) &&
        starts_upper(t.source, prev.begin) && !lead_in(t.folded_of(m.first - 1, m.first)))
      return true;
  }
  return false;
}

bool overlaps_mention(const std::vector<Mention>& mentions, Span span) {
  // Mentions are few per article; a scan is simpler than keeping them sorted.
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const Mention& m) { return m.span.overlaps(span); });
}

}  // namespace

std::vector<PlaceMention> find_places(const Doc& doc, const Gazetteer& g) {
  return find_places(doc, g, tokenize(doc.article.body));
}

std::vector<PlaceMention> find_places(const Doc& doc, const Gazetteer& g, const TokenizedText& text) {
  const std::string_view body = doc.article.body;
  std::vector<PlaceMention> out;
  for (const auto& m : g.match_places(text)) {
    if (longer_name(text, m) || overlaps_mention(doc.mentions, m.span)) continue;
    const Place& place = g.places()[m.entry->target];
    Span span = m.span;
    // "Washington, D.C." keeps its last dot.
    if (span.end < body.size() && body[span.end] == '.' && span.size() >= 3 &&
        body[span.end - 2] == '.')
      ++span.end;
    out.push_back({span, std::string(text_of(body, span)), place.country, place.capital});
  }
  return out;
}

}  // namespace annals
