#include "pipeline/triggers.h"

#include "annals/error.h"
#include "embedded.h"

#include <algorithm>
#include <optional>
#include <sstream>

namespace annals {
namespace {

constexpr std::size_t kMaxGap = 3;
// "**" bridges a noun phrase with its modifiers: "Diplomatic relations between
// Bosnia and Herzegovina and Latvia were established".
constexpr std::size_t kMaxLongGap = 12;

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool word_matches(const std::string& alt, const std::string& word) {
  if (!alt.empty() && alt.back() == '~')
    return word.compare(0, alt.size() - 1, alt, 0, alt.size() - 1) == 0 && word.size() >= alt.size() - 1;
  return alt == word;
}

bool element_matches(const std::vector<std::string>& alts, const std::string& word) {
  return std::any_of(alts.begin(), alts.end(), [&](const std::string& a) { return word_matches(a, word); });
}

// The last token index of a match of pattern[k..] starting at token i.
std::optional<std::size_t> match_from(const std::vector<Token>& tokens, const Trigger& t, std::size_t k,
                                      std::size_t i) {
  if (k == t.pattern.size()) return i - 1;
  const auto& el = t.pattern[k];
  if (el.size() == 1 && (el[0] == "*" || el[0] == "**")) {
    const std::size_t gap = el[0] == "*" ? kMaxGap : kMaxLongGap;
    for (std::size_t skip = 0; skip <= gap && i + skip <= tokens.size(); ++skip)
      if (auto end = match_from(tokens, t, k + 1, i + skip)) return end;
    return std::nullopt;
  }
  if (i >= tokens.size() || !element_matches(el, tokens[i].folded)) return std::nullopt;
  return match_from(tokens, t, k + 1, i + 1);
}

}  // namespace

std::vector<Trigger> parse_triggers(std::string_view tsv) {
  std::vector<Trigger> out;
  std::istringstream in{std::string(tsv)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto cols = split(line, '\t');
    if (cols.size() != 6)
      throw Error("event_triggers.tsv", "line " + std::to_string(number) + ": expected 6 columns");
    Trigger t;
    t.type = cols[0];
    t.cameo = cols[1] == "-" ? "" : cols[1];
    t.plover_category = cols[2] == "-" ? "" : cols[2];
    t.plover_mode = cols[3] == "-" ? "" : cols[3];
    if (cols[4] != "-")
      for (auto& f : split(cols[4], ',')) t.flags.insert(f);
    for (auto& word : split(cols[5], ' '))
      if (!word.empty()) t.pattern.push_back(split(word, '/'));
    out.push_back(std::move(t));
  }
  return out;
}

const std::vector<Trigger>& default_triggers() {
  static const std::vector<Trigger> triggers = parse_triggers(embedded("reference/event_triggers.tsv"));
  return triggers;
}

TriggerIndex::TriggerIndex(const std::vector<Trigger>& triggers) : triggers_(&triggers) {
  for (std::size_t row = 0; row < triggers.size(); ++row) {
    if (triggers[row].pattern.empty()) continue;
    for (const std::string& alt : triggers[row].pattern[0]) {
      if (!alt.empty() && alt.back() == '~') {
        prefixes_.emplace_back(alt.substr(0, alt.size() - 1), row);
        continue;
      }
      auto& rows = exact_.insert(alt);
      if (rows.empty() || rows.back() != row) rows.push_back(row);
    }
  }
}

void TriggerIndex::opened_by(std::string_view word, std::vector<std::size_t>& out) const {
  const std::size_t from = out.size();
  if (const auto* rows = exact_.find(word)) out.insert(out.end(), rows->begin(), rows->end());
  bool more = false;
  for (const auto& [prefix, row] : prefixes_)
    if (word.starts_with(prefix)) out.push_back(row), more = true;
  if (more) {
    std::sort(out.begin() + long(from), out.end());
    out.erase(std::unique(out.begin() + long(from), out.end()), out.end());
  }
}

const TriggerIndex& default_trigger_index() {
  static const TriggerIndex index(default_triggers());
  return index;
}

std::vector<TriggerHit> find_triggers(const std::vector<Token>& tokens, const TriggerIndex& index) {
  const auto& triggers = index.triggers();
  std::vector<TriggerHit> all;
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    rows.clear();
    index.opened_by(tokens[i].folded, rows);
    for (std::size_t row : rows)
      if (auto last = match_from(tokens, triggers[row], 0, i)) all.push_back({&triggers[row], i, *last});
  }
  // Earlier table rows first, then keep those that overlap nothing kept.
  std::stable_sort(all.begin(), all.end(), [](const TriggerHit& a, const TriggerHit& b) {
    return a.trigger < b.trigger;  // rows live in one vector, so address order is table order
  });
  std::vector<TriggerHit> kept;
  for (const auto& h : all) {
    const bool clash = std::any_of(kept.begin(), kept.end(), [&](const TriggerHit& k) {
      return h.first <= k.last && k.first <= h.last;
    });
    if (!clash) kept.push_back(h);
  }
  std::sort(kept.begin(), kept.end(), [](const TriggerHit& a, const TriggerHit& b) { return a.first < b.first; });
  return kept;
}

std::vector<TriggerHit> find_triggers(const std::vector<Token>& tokens, const std::vector<Trigger>& triggers) {
  return find_triggers(tokens, TriggerIndex(triggers));
}

}  // namespace annals
