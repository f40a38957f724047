#pragma once
// Event trigger phrases (schema/reference/event_triggers.tsv) and matching
// them against a sentence's tokens.

#include "pipeline/tokens.h"
#include "text/word_map.h"

#include <array>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

struct Trigger {
  std::string type, cameo, plover_category, plover_mode;
  std::set<std::string, std::less<>> flags;
  // One element per pattern word: its alternatives ("visit", "trip~"), or {"*"} for a gap.
  std::vector<std::vector<std::string>> pattern;
  // std::less<> finds a flag by string_view, building no string per look-up.
  bool has(std::string_view flag) const { return flags.count(flag) != 0; }
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
  // word's first two bytes, last byte and size tells for most words of a text.
  bool may_open(std::string_view word) const {
    if (word.empty()) return true;
    return word.size() >= prefix_min_[static_cast<unsigned char>(word.front())] || in_sketch(word);
  }

 private:
  // A first pattern word that must be matched whole ("visit"), and its rows.
  struct Opener {
    std::uint64_t head = 0;  // head_of(word)
    std::string word;
    std::vector<std::size_t> rows;
  };
  // A 12-bit hash of a non-empty word's first two bytes, last byte and size.
  static std::size_t sketch_key(std::string_view word) {
    const std::uint32_t key = std::uint32_t(static_cast<unsigned char>(word[0])) |
                              std::uint32_t(static_cast<unsigned char>(word[word.size() > 1 ? 1 : 0])) << 8 |
                              std::uint32_t(static_cast<unsigned char>(word.back())) << 16 |
                              std::uint32_t(word.size() < 255 ? word.size() : 255) << 24;
    return (key * 0x9E3779B1u) >> 20;
  }
  // Whether sketch_ holds the key of the non-empty `word`: true for every opener.
  bool in_sketch(std::string_view word) const {
    const std::size_t k = sketch_key(word);
    return (sketch_[k / 64] >> (k % 64)) & 1u;
  }
  static std::uint64_t head_of(std::string_view word);
  // The Opener of `word`, or nullptr. Most tokens open nothing; the sketch
  // rules out most before the table.
  const Opener* exact(std::string_view word) const;
  void build_table();  // slots_ and sketch_, from openers_

  const std::vector<Trigger>* triggers_;
  std::vector<Opener> openers_;
  std::vector<std::uint32_t> slots_;  // open addressing over openers_ by head and size
  std::vector<std::pair<std::string, std::size_t>> prefixes_;  // "attend" of "attend~" -> row
  // A bit set by the sketch_key of each opener: one look-up rules out nearly
  // every word that opens nothing (the empty word is rare and always looked up).
  std::array<std::uint64_t, 64> sketch_{};
  // By first byte, the size of the shortest of prefixes_ that starts with it
  // (at most 254), 255 when none does; 0 for all when one is "". A word
  // shorter than that starts with none ("a", "as" and "and" not "attend~").
  std::array<std::uint8_t, 256> prefix_min_{};
};

// The index of default_triggers().
const TriggerIndex& default_trigger_index();

// Non-overlapping trigger matches in `tokens`, ordered by position; where two
// overlap the earlier table row wins.
std::vector<TriggerHit> find_triggers(const std::vector<Token>& tokens, const TriggerIndex& index);
std::vector<TriggerHit> find_triggers(const std::vector<Token>& tokens,
                                      const std::vector<Trigger>& triggers);

// Whether find_triggers would find a match in a sentence whose folded tokens
// are `words`: the event stage asks this of every sentence before it builds
// the tokens, which most sentences, stating no event, never need.
bool has_trigger(const std::vector<std::string_view>& words, const TriggerIndex& index);

}  // namespace annals
