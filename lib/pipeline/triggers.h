#pragma once
// Event trigger phrases (schema/reference/event_triggers.tsv) and matching
// them against a sentence's tokens.

#include "pipeline/tokens.h"
#include "text/word_map.h"

#include <set>
#include <string>
#include <vector>

namespace annals {

struct Trigger {
  std::string type, cameo, plover_category, plover_mode;
  std::set<std::string> flags;
  // One element per pattern word: its alternatives ("visit", "trip~"), or {"*"} for a gap.
  std::vector<std::vector<std::string>> pattern;
  bool has(const char* flag) const { return flags.count(flag) != 0; }
};

// The triggers of the embedded table, in table order (earlier rows win).
const std::vector<Trigger>& default_triggers();

// Parses the TSV format described at the top of event_triggers.tsv; throws Error on a bad row.
std::vector<Trigger> parse_triggers(std::string_view tsv);

struct TriggerHit {
  const Trigger* trigger = nullptr;
  std::size_t first = 0, last = 0;  // token indices, inclusive
};

// Triggers by the word that opens them, so that a token is tested only
// against the rows it can start. Refers to `triggers`, which must outlive it.
class TriggerIndex {
 public:
  explicit TriggerIndex(const std::vector<Trigger>& triggers);
  const std::vector<Trigger>& triggers() const { return *triggers_; }
  // Appends to `out` the rows (indexes into triggers()) whose first pattern
  // word fits `word`, in table order.
  void opened_by(std::string_view word, std::vector<std::size_t>& out) const;

 private:
  const std::vector<Trigger>* triggers_;
  WordMap<std::vector<std::size_t>> exact_;                 // "visit" -> rows
  std::vector<std::pair<std::string, std::size_t>> prefixes_;  // "attend" of "attend~" -> row
};

// The index of default_triggers().
const TriggerIndex& default_trigger_index();

// Non-overlapping trigger matches in `tokens`, ordered by position; where two
// overlap the earlier table row wins.
std::vector<TriggerHit> find_triggers(const std::vector<Token>& tokens, const TriggerIndex& index);
std::vector<TriggerHit> find_triggers(const std::vector<Token>& tokens,
                                      const std::vector<Trigger>& triggers);

}  // namespace annals
