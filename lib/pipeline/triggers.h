#pragma once
// Event trigger phrases (schema/reference/event_triggers.tsv) and matching
// them against a sentence's tokens.

#include "pipeline/tokens.h"
#include "text/word_map.h"

#include <array>
#include <cstdint>
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
  // False when opened_by(word) is sure to add nothing, which a look at the
  // word's first and last byte and size tells for most words of a text.
  bool may_open(std::string_view word) const {
    if (word.empty()) return true;
    const auto first = static_cast<unsigned char>(word.front()), last = static_cast<unsigned char>(word.back());
    return starts_prefix_[first] || (first_byte_sizes_[first] & last_byte_sizes_[last] & size_bit(word)) != 0;
  }

 private:
  // A first pattern word that must be matched whole ("visit"), and its rows.
  struct Opener {
    std::uint64_t head = 0;  // head_of(word)
    std::string word;
    std::vector<std::size_t> rows;
  };
  // Bit min(word.size(), 63).
  static std::uint64_t size_bit(std::string_view word) {
    return std::uint64_t(1) << (word.size() < 63 ? word.size() : 63);
  }
  static std::uint64_t head_of(std::string_view word);
  // The Opener of `word`, or nullptr. Most tokens open nothing; a test of
  // their first and last byte and size rules out most before the table.
  const Opener* exact(std::string_view word) const;
  void build_table();  // slots_ and the byte tables, from openers_

  const std::vector<Trigger>* triggers_;
  std::vector<Opener> openers_;
  std::vector<std::uint32_t> slots_;  // open addressing over openers_ by head and size
  std::vector<std::pair<std::string, std::size_t>> prefixes_;  // "attend" of "attend~" -> row
  // Bit min(size, 63) set for the size of each opener, by its first and by
  // its last byte (the empty word is rare and always looked up).
  std::array<std::uint64_t, 256> first_byte_sizes_{}, last_byte_sizes_{};
  std::array<bool, 256> starts_prefix_{};  // first bytes of prefixes_ (all when one is "")
};

// The index of default_triggers().
const TriggerIndex& default_trigger_index();

// Non-overlapping trigger matches in `tokens`, ordered by position; where two
// overlap the earlier table row wins.
std::vector<TriggerHit> find_triggers(const std::vector<Token>& tokens, const TriggerIndex& index);
std::vector<TriggerHit> find_triggers(const std::vector<Token>& tokens,
                                      const std::vector<Trigger>& triggers);

}  // namespace annals
