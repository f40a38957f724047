#include "pipeline/names.h"

#include "text/text.h"

#include <algorithm>

namespace annals::person_parse {
namespace {

bool initial_at(const Scan& s, std::size_t j) {
  if (!s.cap(j) || !s.is(j + 1, ".") || !s.glued(j + 1)) return false;
  std::size_t p = s.tok[j].span.begin;
  next_code_point(s.doc.article.body, p);
  return p == s.tok[j].span.end;
}

bool name_word(const Scan& s, std::size_t j, bool first, NameMode mode) {
  const Token& t = s.tok[j];
  if (s.covered[j] >= 0 || s.in(kWeekdays, j) || s.in(kInstitutionWords, j)) return false;
  if (first && s.in(kMonths, j)) return false;
  if (first ? mode == NameMode::loose && s.in(kStopWords, j) : s.in(kInnerStopWords, j)) return false;
  const std::string_view text = s.doc.text(t.span);
  if (!first && s.in(kNameSuffixes, j)) return true;  // "Elizabeth II"
  if (text.size() <= 5 && all_upper_word(text)) return false;  // an acronym: "LPRP"
  return !title_at(s, j);
}

// Words that follow a name after a hyphen without being part of it: "Biden-era".
const WordList kHyphenSuffixes = {"led", "era", "based", "style", "backed", "born", "linked", "owned",
                                  "run", "made", "like", "type", "class", "level", "wide", "free"};

// A lowercase syllable glued by a hyphen to the short part before it (token j is
// the hyphen): the given names of Korean and some other names ("Jong-un", "Seo-yeon").
bool lower_syllable_after(const Scan& s, std::size_t j) {
  if (!s.is(j, "-") || !s.glued(j) || !s.glued(j + 1) || j + 1 >= s.size()) return false;
  const Token& before = s.tok[j - 1];
  const Token& after = s.tok[j + 1];
  if (!after.word || after.upper || s.in(kHyphenSuffixes, j + 1) || after.fold.size() > 5) return false;
  if (before.span.size() > 5) return false;
  return std::all_of(after.fold.begin(), after.fold.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// "bin Salman", "al-Assad", "von der Leyen": lowercase particles before a capitalised part.
bool particle_before_name(const Scan& s, std::size_t j) {
  const std::size_t from = j;
  for (; j < s.size() && s.tok[j].word && !s.tok[j].upper && s.in(kParticles, j); ++j)
    if (s.is(j + 1, "-") && s.glued(j + 1)) ++j;
  return j > from && s.cap(j) && !s.tok[j].line_before;
}

// The parts of `full` before its suffixes: "Ferdinand Marcos" of "Ferdinand Marcos Jr.".
std::vector<Part> core_of(const std::vector<Part>& full) {
  std::vector<Part> core = full;
  while (core.size() > 1 && core.back().suffix) core.pop_back();
  return core;
}

// No name has this many parts: a longer run of capitalised words or initials
// is a list, a heading or garbage. Reading no further keeps a scan that asks at
// every token of such a run linear.
constexpr std::size_t kMaxParts = 12;

void add_part(Name& n, Part p) {
  if (n.parts.empty()) {  // room for most names at once, not part by part
    n.parts.reserve(4);
    n.part_end.reserve(4);
  }
  n.parts.push_back(std::move(p));
}

}  // namespace

bool parse_name(const Scan& s, std::size_t k, NameMode mode, Name& n) {
  if (!s.cap(k)) return false;  // most tokens: a name starts with a capital
  n.begin = n.end = k;
  n.parts.clear();
  n.part_end.clear();
  std::size_t j = k, words = 0;
  const std::size_t max_words = mode == NameMode::known ? 8 : 4;
  while (j < s.size() && (j == k || !s.tok[j].line_before)) {
    if (words > max_words || n.parts.size() >= kMaxParts) return false;
    if (initial_at(s, j)) {
      add_part(n, {std::string(s.tok[j].fold), true});
      j += 2;
    } else if (s.cap(j) && name_word(s, j, n.parts.empty(), mode)) {
      Part p{std::string(s.tok[j].fold), false, !n.parts.empty() && s.in(kNameSuffixes, j)};
      for (++j; s.is(j, "-") && s.glued(j) && s.glued(j + 1) && s.cap(j + 1); j += 2)
        (p.fold += ' ') += s.tok[j + 1].fold;  // "Jean-Claude"
      if (!n.parts.empty() && lower_syllable_after(s, j)) {  // "Kim Jong-un", "Ahn Seo-yeon"
        (p.fold += ' ') += s.tok[j + 1].fold;
        j += 2;
      }
      const bool suffix = p.suffix;
      // "Jr." and "Sr." are abbreviations: the dot is part of the name.
      if (suffix && (p.fold == "jr" || p.fold == "sr") && s.is(j, ".") && s.glued(j)) ++j;
      add_part(n, std::move(p));
      ++words;
      if (suffix) {
        n.part_end.push_back(j);
        break;
      }
    } else if (!n.parts.empty() && particle_before_name(s, j)) {
      n.parts.push_back({std::string(s.tok[j].fold), false});
      j += s.is(j + 1, "-") ? 2 : 1;  // "al-Assad"
    } else {
      break;
    }
    n.part_end.push_back(j);
  }
  while (!n.parts.empty() && n.parts.back().initial) n.parts.pop_back(), n.part_end.pop_back();
  if (n.parts.empty() || words == 0 || words > max_words) return false;
  n.end = n.part_end.back();
  // "Ho Chi Minh City", "Victory Day": the run names a place or an occasion.
  return !(s.cap(n.end) && s.in(kInstitutionWords, n.end) && !s.tok[n.end].line_before);
}

std::optional<Name> parse_name(const Scan& s, std::size_t k, NameMode mode) {
  Name n;
  if (!parse_name(s, k, mode, n)) return std::nullopt;
  return n;
}

bool family_name_form(const std::vector<Part>& shorter, const std::vector<Part>& full_form) {
  const std::vector<Part> full = core_of(full_form);
  return shorter.size() == 1 && full.size() == 2 && shorter[0] == full.front() && shorter[0] != full.back();
}

bool short_form_of(const std::vector<Part>& shorter, const std::vector<Part>& full_form,
                   bool any_part) {
  if (shorter == full_form || shorter.empty() || shorter.back().initial) return false;
  const std::vector<Part> full = core_of(full_form);
  if (shorter == full) return true;  // "Ferdinand Marcos" for "Ferdinand Marcos Jr."
  if (full.size() < 2) return false;
  if (shorter.size() == 1)
    return any_part ? std::find(full.begin(), full.end(), shorter[0]) != full.end()
                    : shorter[0] == full.back() || family_name_form(shorter, full_form);
  if (shorter.back().fold != full.back().fold) return false;
  std::size_t at = 0, words = 0;
  for (std::size_t i = 0; i + 1 < shorter.size(); ++i) {
    const Part& p = shorter[i];
    if (p.initial) {
      if (i == 0 && full[0].fold.rfind(p.fold, 0) != 0) return false;
      continue;
    }
    while (at + 1 < full.size() && full[at].fold != p.fold) ++at;
    if (at + 1 >= full.size()) return false;
    ++at, ++words;
  }
  return words + 1 < full.size() || shorter.size() != words + 1;
}

std::string key_of(const std::vector<Part>& parts) {
  std::string key;
  for (const Part& p : parts) {
    key += p.fold;  // folded text holds no control characters
    key += p.initial ? '\x01' : '\x02';
    key += p.suffix ? '\x01' : '\x02';
  }
  return key;
}

void ShortFormIndex::add(const std::vector<Part>& full) {
  if (!keys_.insert(key_of(full)).second) return;
  for (const Part& p : full) {
    auto& names = by_fold_[p.fold];
    if (names.empty() || names.back() != &full) names.push_back(&full);
  }
}

bool ShortFormIndex::shortens_any(const std::vector<Part>& x) {
  if (x.empty()) return false;
  const auto [it, added] = memo_.emplace(key_of(x), false);
  if (added) {
    const auto names = by_fold_.find(x.back().fold);
    if (names != by_fold_.end())
      it->second = std::any_of(names->second.begin(), names->second.end(),
                               [&](const std::vector<Part>* y) { return short_form_of(x, *y, true); });
  }
  return it->second;
}

}  // namespace annals::person_parse
