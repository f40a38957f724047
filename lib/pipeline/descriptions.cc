// resolve_description of persons.h: which person a phrase like "the Lao leader" means.
#include "pipeline/persons.h"

#include "pipeline/person_scan.h"

#include <algorithm>
#include <string>

namespace annals {
namespace {

using namespace person_parse;

constexpr std::size_t kNone = std::size_t(-1);

}  // namespace

std::optional<std::size_t> resolve_description(const Doc& doc, const PersonResult& persons,
                                               Span description) {
  const TitleLexicon& lex = TitleLexicon::get();
  const auto tok = tokenize(doc.text(description), description.begin);
  std::optional<std::string> country;
  for (const Mention& m : doc.mentions)
    if (m.kind == EntityKind::country && description.contains(m.span) && !country) country = m.country;
  std::optional<std::string> title;
  bool leader = false;
  for (std::size_t k = 0; k < tok.size(); ++k) {
    if (tok[k].fold == "leaders" || tok[k].fold == "two" || tok[k].fold == "both") return std::nullopt;
    leader = leader || tok[k].fold == "leader";
    if (const auto t = match_title(tok.list, lex, k); t && !title && t->form->level != Level::honorific)
      title = t->form->canonical;
  }
  if (!country && !title && !leader) return std::nullopt;
  auto has_title = [&](const Person& p) {
    return std::any_of(p.positions.begin(), p.positions.end(), [&](const Position& pos) {
      if (title) return pos.title == *title;
      return !leader || lex.level_of(pos.title) == Level::leader;
    });
  };
  // 2: the country fits; 1: the person's country is unknown.
  auto country_fit = [&](const Person& p) {
    if (!country) return 2;
    if (p.country == country) return 2;
    const bool any = std::any_of(p.positions.begin(), p.positions.end(),
                                 [&](const Position& pos) { return pos.country == country; });
    return any ? 2 : (p.country ? 0 : 1);
  };
  std::size_t best = kNone, best_at = 0;
  int best_fit = 0;
  for (const Mention& m : persons.mentions) {
    if (m.span.end > description.begin || m.entity >= persons.persons.size()) continue;
    const Person& p = persons.persons[m.entity];
    const int fit = has_title(p) ? country_fit(p) : 0;
    if (fit > best_fit || (fit == best_fit && fit > 0 && m.span.begin >= best_at))
      best = m.entity, best_at = m.span.begin, best_fit = fit;
  }
  return best == kNone ? std::nullopt : std::optional(best);
}

}  // namespace annals
