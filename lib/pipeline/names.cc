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
  if (s.covered[j] >= 0 || kWeekdays.count(t.fold) || kInstitutionWords.count(t.fold)) return false;
  if (first && kMonths.count(t.fold)) return false;
  if (first ? mode == NameMode::loose && kStopWords.count(t.fold) : kInnerStopWords.count(t.fold))
    return false;
  const std::string_view text = s.doc.text(t.span);
  if (!first && kNameSuffixes.count(t.fold)) return true;  // "Elizabeth II"
  if (all_upper_word(text) && text.size() <= 5) return false;  // an acronym: "LPRP"
  return !title_at(s, j);
}

// "bin Salman", "al-Assad", "von der Leyen": lowercase particles before a capitalised part.
bool particle_before_name(const Scan& s, std::size_t j) {
  const std::size_t from = j;
  for (; j < s.size() && s.tok[j].word && !s.tok[j].upper && kParticles.count(s.tok[j].fold); ++j)
    if (s.is(j + 1, "-") && s.glued(j + 1)) ++j;
  return j > from && s.cap(j) && !s.tok[j].line_before;
}

// The parts of `full` before its suffixes: "Ferdinand Marcos" of "Ferdinand Marcos Jr.".
std::vector<Part> core_of(const std::vector<Part>& full) {
  std::vector<Part> core = full;
  while (core.size() > 1 && core.back().suffix) core.pop_back();
  return core;
}

}  // namespace

std::optional<Name> parse_name(const Scan& s, std::size_t k, NameMode mode) {
  Name n{k, k, {}, {}};
  std::size_t j = k, words = 0;
  while (j < s.size() && (j == k || !s.tok[j].line_before)) {
    if (initial_at(s, j)) {
      n.parts.push_back({s.tok[j].fold, true});
      j += 2;
    } else if (s.cap(j) && name_word(s, j, n.parts.empty(), mode)) {
      Part p{s.tok[j].fold, false, !n.parts.empty() && kNameSuffixes.count(s.tok[j].fold) > 0};
      for (++j; s.is(j, "-") && s.glued(j) && s.glued(j + 1) && s.cap(j + 1); j += 2)
        p.fold += ' ' + s.tok[j + 1].fold;  // "Jean-Claude"
      const bool suffix = p.suffix;
      // "Jr." and "Sr." are abbreviations: the dot is part of the name.
      if (suffix && (p.fold == "jr" || p.fold == "sr") && s.is(j, ".") && s.glued(j)) ++j;
      n.parts.push_back(std::move(p));
      ++words;
      if (suffix) {
        n.part_end.push_back(j);
        break;
      }
    } else if (!n.parts.empty() && particle_before_name(s, j)) {
      n.parts.push_back({s.tok[j].fold, false});
      j += s.is(j + 1, "-") ? 2 : 1;  // "al-Assad"
    } else {
      break;
    }
    n.part_end.push_back(j);
  }
  while (!n.parts.empty() && n.parts.back().initial) n.parts.pop_back(), n.part_end.pop_back();
  if (n.parts.empty() || words == 0 || words > (mode == NameMode::known ? 8u : 4u)) return std::nullopt;
  n.end = n.part_end.back();
  // "Ho Chi Minh City", "Victory Day": the run names a place or an occasion.
  if (s.cap(n.end) && kInstitutionWords.count(s.tok[n.end].fold) && !s.tok[n.end].line_before)
    return std::nullopt;
  return n;
}

bool short_form_of(const std::vector<Part>& shorter, const std::vector<Part>& full_form,
                   bool any_part) {
  if (shorter == full_form || shorter.empty() || shorter.back().initial) return false;
  const std::vector<Part> full = core_of(full_form);
  if (shorter == full) return true;  // "Ferdinand Marcos" for "Ferdinand Marcos Jr."
  if (full.size() < 2) return false;
  if (shorter.size() == 1)
    return any_part ? std::find(full.begin(), full.end(), shorter[0]) != full.end()
                    : shorter[0] == full.back();
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

}  // namespace annals::person_parse
