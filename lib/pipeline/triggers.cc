#include "pipeline/triggers.h"

#include "annals/error.h"
#include "embedded.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <sstream>
#include <unordered_map>

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

// The folded word at index i of a sentence's tokens or of its folded words.
std::string_view word_at(const std::vector<Token>& tokens, std::size_t i) { return tokens[i].folded; }
std::string_view word_at(const std::vector<std::string_view>& words, std::size_t i) { return words[i]; }

bool word_matches(const std::string& alt, std::string_view word) {
  if (!alt.empty() && alt.back() == '~') return word.starts_with(std::string_view(alt).substr(0, alt.size() - 1));
  return alt == word;
}

bool element_matches(const std::vector<std::string>& alts, std::string_view word) {
  return std::any_of(alts.begin(), alts.end(), [&](const std::string& a) { return word_matches(a, word); });
}

// The last token index of a match of pattern[k..] starting at token i.
template <class Words>
std::optional<std::size_t> match_from(const Words& words, const Trigger& t, std::size_t k, std::size_t i) {
  if (k == t.pattern.size()) return i - 1;
  const auto& el = t.pattern[k];
  if (el.size() == 1 && (el[0] == "*" || el[0] == "**")) {
    const std::size_t gap = el[0] == "*" ? kMaxGap : kMaxLongGap;
    for (std::size_t skip = 0; skip <= gap && i + skip <= words.size(); ++skip)
      if (auto end = match_from(words, t, k + 1, i + skip)) return end;
    return std::nullopt;
  }
  if (i >= words.size() || !element_matches(el, word_at(words, i))) return std::nullopt;
  return match_from(words, t, k + 1, i + 1);
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

namespace {

constexpr std::uint32_t kNoOpener = 0xFFFFFFFFu;

unsigned char first_byte(std::string_view word) { return static_cast<unsigned char>(word.front()); }

std::size_t slot_of(std::uint64_t head, std::size_t size, std::size_t slots) {
  return std::size_t(((head ^ size) * 0x9E3779B97F4A7C15ull) >> 40) & (slots - 1);
}

}  // namespace

TriggerIndex::TriggerIndex(const std::vector<Trigger>& triggers) : triggers_(&triggers) {
  prefix_min_.fill(255);
  std::unordered_map<std::string_view, std::size_t> opener_of;  // word -> index in openers_
  for (std::size_t row = 0; row < triggers.size(); ++row) {
    if (triggers[row].pattern.empty()) continue;
    for (const std::string& alt : triggers[row].pattern[0]) {
      if (!alt.empty() && alt.back() == '~') {
        prefixes_.emplace_back(alt.substr(0, alt.size() - 1), row);
        const std::string& prefix = prefixes_.back().first;
        if (prefix.empty()) prefix_min_.fill(0);
        auto& least = prefix_min_[prefix.empty() ? 0 : first_byte(prefix)];
        least = std::uint8_t(std::min<std::size_t>({least, prefix.size(), 254}));
        continue;
      }
      const auto [at, added] = opener_of.try_emplace(alt, openers_.size());
      if (added) openers_.push_back({head_of(alt), alt, {}});
      auto& rows = openers_[at->second].rows;
      if (rows.empty() || rows.back() != row) rows.push_back(row);
    }
  }
  build_table();
}

// A hash of the word's first eight bytes, read as (at most two) integers.
std::uint64_t TriggerIndex::head_of(std::string_view word) {
  const char* p = word.data();
  const std::size_t n = word.size();
  if (n >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  if (n >= 4) {  // two four-byte reads that overlap when n < 8
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return (std::uint64_t(hi) << 32) | lo;
  }
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

void TriggerIndex::build_table() {
  // A table at most a quarter full keeps probes short.
  std::size_t slots = 16;
  while (slots < openers_.size() * 4) slots *= 2;
  slots_.assign(slots, kNoOpener);
  for (std::size_t k = 0; k < openers_.size(); ++k) {
    const std::string& word = openers_[k].word;
    std::size_t i = slot_of(openers_[k].head, word.size(), slots);
    while (slots_[i] != kNoOpener) i = (i + 1) & (slots - 1);
    slots_[i] = std::uint32_t(k);
    if (word.empty()) continue;
    const std::size_t key = sketch_key(word);
    sketch_[key / 64] |= std::uint64_t(1) << (key % 64);
  }
}

const TriggerIndex::Opener* TriggerIndex::exact(std::string_view word) const {
  if (slots_.empty()) return nullptr;
  if (!word.empty() && !in_sketch(word)) return nullptr;
  const std::uint64_t head = head_of(word);
  for (std::size_t i = slot_of(head, word.size(), slots_.size()); slots_[i] != kNoOpener;
       i = (i + 1) & (slots_.size() - 1)) {
    const Opener& o = openers_[slots_[i]];
    if (o.head == head && o.word == word) return &o;
  }
  return nullptr;
}

void TriggerIndex::opened_by(std::string_view word, std::vector<std::size_t>& out) const {
  const std::size_t from = out.size();
  if (const Opener* o = exact(word)) out.insert(out.end(), o->rows.begin(), o->rows.end());
  if (prefixes_.empty() || (!word.empty() && word.size() < prefix_min_[first_byte(word)])) return;
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
    if (!index.may_open(tokens[i].folded)) continue;
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

bool has_trigger(const std::vector<std::string_view>& words, const TriggerIndex& index) {
  // The first match find_triggers would collect is one it keeps: a match anywhere will do.
  const auto& triggers = index.triggers();
  thread_local std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!index.may_open(words[i])) continue;
    rows.clear();
    index.opened_by(words[i], rows);
    for (std::size_t row : rows)
      if (match_from(words, triggers[row], 0, i)) return true;
  }
  return false;
}

std::vector<TriggerHit> find_triggers(const std::vector<Token>& tokens, const std::vector<Trigger>& triggers) {
  return find_triggers(tokens, TriggerIndex(triggers));
}

}  // namespace annals
