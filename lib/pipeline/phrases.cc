#include "pipeline/phrases.h"

#include <algorithm>

namespace annals {
namespace {

// Whether the character at `pos` is a lowercase letter; advances `pos` past it.
bool lower_letter_at(std::string_view s, std::size_t& pos) {
  const std::size_t begin = pos;
  const char32_t cp = next_code_point(s, pos);
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (starts_upper(s, begin)) return false;
  const std::string f = fold(s.substr(begin, pos - begin));
  return !f.empty() && !(f[0] >= '0' && f[0] <= '9');
}

bool has_lower(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();)
    if (lower_letter_at(s, pos)) return true;
  return false;
}

PhraseEntry::Case case_of(std::string_view word) {
  const bool upper_first = starts_upper(word);
  if (has_lower(word)) return upper_first ? PhraseEntry::Case::capital : PhraseEntry::Case::any;
  if (!upper_first) return PhraseEntry::Case::any;  // digits
  return fold(word).size() >= 2 ? PhraseEntry::Case::upper : PhraseEntry::Case::capital;
}

bool case_fits(PhraseEntry::Case want, std::string_view word) {
  switch (want) {
    case PhraseEntry::Case::any:
      return true;
    case PhraseEntry::Case::capital:
      return starts_upper(word);
    case PhraseEntry::Case::upper:
      return starts_upper(word) && !has_lower(word);
  }
  return false;
}

// Between two tokens of one phrase only spaces, hyphens, apostrophes and the
// phrase's own punctuation may stand: "Guinea. Bissau" or a line break is not
// "Guinea-Bissau".
bool gap_fits(std::string_view gap, std::string_view allowed) {
  for (std::size_t pos = 0; pos < gap.size();) {
    const char32_t cp = next_code_point(gap, pos);
    if (cp == ' ' || cp == '\t' || cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x2018 ||
        cp == 0x2011 || cp == 0xA0)
      continue;
    if (cp < 0x80 && allowed.find(char(cp)) != std::string_view::npos) continue;
    return false;
  }
  return true;
}

bool only_spaces(std::string_view gap) {
  return !gap.empty() && gap.find_first_not_of(" \t") == std::string_view::npos;
}

// True when the word starting at `begin` opens a sentence: nothing but
// closing quotes and spaces stand between it and ". ", "? ", a line or the text start.
bool sentence_initial(std::string_view text, std::size_t begin) {
  std::string_view before = text.substr(0, begin);
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t' ||
                             before.back() == '"' || before.back() == '\''))
    before.remove_suffix(1);
  if (before.ends_with("\xE2\x80\x9D") || before.ends_with("\xE2\x80\x9C")) before.remove_suffix(3);
  return before.empty() ||
         std::string_view(".!?:\n\r").find(before.back()) != std::string_view::npos;
}

// Words that open a sentence before a place name: "In Jordan, ...".
bool opener(std::string_view word) {
  static const WordSet kOpeners = {
      "in",      "to",        "from",     "for",          "with",        "and",     "but",
      "the",     "both",      "as",       "at",           "on",          "by",      "like",
      "unlike",  "including", "visiting", "neighbouring", "neighboring", "only",    "even",
      "while",   "when",      "after",    "before",       "since",       "without", "across",
      "against", "inside",    "outside",  "near",         "through",     "within",  "besides",
      "whereas", "if"};
  return kOpeners.contains(fold(word));
}

// "Michael Jordan", "Chad Smith": a name-like alias next to a capitalised word
// is taken for part of a person's name, unless that word merely opens the sentence.
bool name_neighbour(const TokenizedText& t, std::size_t first, std::size_t last) {
  const auto& tokens = t.tokens;
  if (last < tokens.size()) {
    const auto gap = t.source.substr(tokens[last - 1].source.end,
                                     tokens[last].source.begin - tokens[last - 1].source.end);
    if (only_spaces(gap) && starts_upper(t.source, tokens[last].source.begin)) return true;
  }
  if (first > 0) {
    const auto& prev = tokens[first - 1];
    const auto gap = t.source.substr(prev.source.end, tokens[first].source.begin - prev.source.end);
    if (only_spaces(gap) && starts_upper(t.source, prev.source.begin) &&
        !(sentence_initial(t.source, prev.source.begin) && opener(t.source_of(first - 1))))
      return true;
  }
  return false;
}

}  // namespace

std::string_view TokenizedText::folded_of(std::size_t first, std::size_t last) const {
  return std::string_view(folded).substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
}

TokenizedText tokenize(std::string_view text) {
  TokenizedText t;
  t.source = text;
  t.folded.resize(text.size());
  t.tokens.reserve(text.size() / 6 + 1);
  const char* const folded = t.folded.data();
  const std::size_t n = fold_words(text, t.folded.data(), [&](std::size_t first, std::size_t last, std::size_t begin, std::size_t end) {
    t.tokens.push_back({first, last, Span{begin, end}, word_hash(std::string_view(folded + first, last - first))});
  });
  t.folded.resize(n);
  return t;
}

void PhraseTable::add(std::string_view phrase, PhraseEntry entry) {
  const TokenizedText t = tokenize(phrase);
  if (t.tokens.empty()) return;
  entry.cases.clear();
  for (std::size_t i = 0; i < t.tokens.size(); ++i) entry.cases.push_back(case_of(t.source_of(i)));
  entry.punctuation.clear();
  for (char c : phrase)
    if (std::string_view(".,&/()").find(c) != std::string_view::npos) entry.punctuation += c;
  std::size_t& index = by_key_.insert(t.folded, phrases_.size());
  if (index == phrases_.size()) {
    phrases_.push_back({t.folded, t.tokens.size(), {}});
    auto& opened = by_first_.insert(t.folded_of(0, 1));
    opened.push_back(index);
    std::stable_sort(opened.begin(), opened.end(), [&](std::size_t a, std::size_t b) {
      return phrases_[a].tokens > phrases_[b].tokens;
    });
  }
  phrases_[index].entries.push_back(std::move(entry));
}

const PhraseEntry* PhraseTable::accept(const TokenizedText& text, std::size_t first,
                                       std::size_t last,
                                       const std::vector<PhraseEntry>& candidates) const {
  for (std::size_t k = first; k + 1 < last; ++k) {
    const auto& a = text.tokens[k].source;
    const auto& b = text.tokens[k + 1].source;
    // Punctuation that no alias allows ends the search early.
    bool any = false;
    for (const auto& c : candidates)
      any = any || gap_fits(text.source.substr(a.end, b.begin - a.end), c.punctuation);
    if (!any) return nullptr;
  }
  for (const auto& c : candidates) {
    bool fits = true;
    for (std::size_t k = first; fits && k < last; ++k)
      fits = case_fits(c.cases[k - first], text.source_of(k));
    for (std::size_t k = first; fits && k + 1 < last; ++k) {
      const auto& a = text.tokens[k].source;
      fits = gap_fits(text.source.substr(a.end, text.tokens[k + 1].source.begin - a.end),
                      c.punctuation);
    }
    if (fits && c.name_like) fits = !name_neighbour(text, first, last);
    if (fits) return &c;
  }
  return nullptr;
}

std::vector<PhraseMatch> PhraseTable::match(const TokenizedText& text) const {
  std::vector<PhraseMatch> out;
  const std::size_t n = text.tokens.size();
  const std::string_view folded = text.folded;
  for (std::size_t i = 0; i < n;) {
    const auto& token = text.tokens[i];
    const auto* opened = by_first_.find(folded.substr(token.begin, token.end - token.begin), token.hash);
    std::size_t taken = 0;
    // Longest first; of one length only one phrase can equal the text.
    for (std::size_t k = 0; opened && k < opened->size() && !taken; ++k) {
      const Phrase& p = phrases_[(*opened)[k]];
      if (p.tokens > n - i || text.folded_of(i, i + p.tokens) != p.key) continue;
      if (const PhraseEntry* e = accept(text, i, i + p.tokens, p.entries)) {
        taken = p.tokens;
        if (!e->blocked) {
          const Span span{token.source.begin, text.tokens[i + taken - 1].source.end};
          out.push_back({i, i + taken, span, e});
        }
      }
    }
    i += taken ? taken : 1;
  }
  return out;
}

std::vector<const PhraseEntry*> PhraseTable::lookup(std::string_view phrase) const {
  std::vector<const PhraseEntry*> out;
  if (const std::size_t* index = by_key_.find(fold(phrase)))
    for (const auto& e : phrases_[*index].entries) out.push_back(&e);
  return out;
}

}  // namespace annals
