#include "pipeline/triggers.h"

#include "pipeline/tokens.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace annals;

namespace {

// Rows: 0 "visit", 1 "visit/trip * to", 2 "attend~", 3 "signed", 4 a twelve-byte word.
constexpr std::string_view kTable =
    "a\t-\t-\t-\t-\tvisit\n"
    "b\t-\t-\t-\t-\tvisit/trip * to\n"
    "c\t-\t-\t-\t-\tattend~\n"
    "d\t-\t-\t-\t-\tsigned\n"
    "e\t-\t-\t-\t-\tinaugurating\n";

std::vector<std::size_t> opened(const TriggerIndex& index, std::string_view word) {
  std::vector<std::size_t> rows;
  index.opened_by(word, rows);
  return rows;
}

}  // namespace

TEST_CASE("triggers: opened_by gives the rows a word opens, exactly or by prefix, in table order") {
  const auto triggers = parse_triggers(kTable);
  const TriggerIndex index(triggers);
  const struct { std::string_view word; std::vector<std::size_t> rows; } cases[] = {
      {"visit", {0, 1}},      {"trip", {1}},          {"attend", {2}},   {"attended", {2}},
      {"attendance", {2}},    {"atten", {}},          {"signed", {3}},   {"sign", {}},
      {"signet", {}},         {"inaugurating", {4}},  {"inauguratinG", {}}, {"inaugurated", {}},
      {"visits", {}},         {"", {}},               {"v", {}},         {"tisiv", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    CHECK(opened(index, c.word) == c.rows);
  }
}

TEST_CASE("triggers: may_open is true for every word opened_by opens something for") {
  const auto triggers = parse_triggers(kTable);
  const TriggerIndex index(triggers);
  const std::string_view words[] = {"visit", "trip", "attend", "attending", "signed", "inaugurating",
                                    "the", "minister", "visits", "signe", "", "a", "dispatch"};
  for (std::string_view w : words) {
    CAPTURE(w);
    if (!opened(index, w).empty()) CHECK(index.may_open(w));
  }
  // Words no row can open, by first byte, last byte or size, are ruled out.
  CHECK_FALSE(index.may_open("the"));
  CHECK_FALSE(index.may_open("minister"));
  CHECK_FALSE(index.may_open("visits"));  // no opener starting with 'v' has six bytes
  CHECK(index.may_open("attack"));        // a prefix starts with 'a': left to opened_by
}

TEST_CASE("triggers: the default index opens the same rows as a scan of every row") {
  const auto& triggers = default_triggers();
  const TriggerIndex& index = default_trigger_index();
  const std::string_view words[] = {"visit", "visited", "talks", "attended", "dispatched", "signed",
                                    "agreement", "humanitarian", "the", "of", "said", "minister", "pact"};
  for (std::string_view w : words) {
    CAPTURE(w);
    std::vector<std::size_t> want;
    for (std::size_t row = 0; row < triggers.size(); ++row) {
      if (triggers[row].pattern.empty()) continue;
      for (const std::string& alt : triggers[row].pattern[0]) {
        const bool prefix = !alt.empty() && alt.back() == '~';
        if (prefix ? w.starts_with(std::string_view(alt).substr(0, alt.size() - 1)) : w == alt) {
          want.push_back(row);
          break;
        }
      }
    }
    CHECK(opened(index, w) == want);
    if (!want.empty()) CHECK(index.may_open(w));
  }
}

TEST_CASE("triggers: a word shorter than every prefix of its first byte opens nothing by prefix") {
  const auto triggers = parse_triggers(kTable);  // "attend~" is the one prefix
  const TriggerIndex index(triggers);
  const struct { std::string_view word; bool may; } cases[] = {
      {"a", false},       {"at", false},        {"and", false},     {"after", false},
      {"attend", true},   {"attendee", true},   {"also", false},    {"ab", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    CHECK(index.may_open(c.word) == c.may);
    if (!c.may) CHECK(opened(index, c.word).empty());
  }
}

TEST_CASE("triggers: has_trigger is true exactly when find_triggers finds a match") {
  const TriggerIndex& index = default_trigger_index();
  const std::string_view sentences[] = {
      "The foreign minister visited Lisbon on Monday.",
      "Officials said the weather was fine and markets rose.",
      "The two leaders held talks in the capital.",
      "Both sides signed an agreement on fisheries.",
      "A visit, they said, is not planned.",
      "Attendance at the fair was low.",
      "He attended the summit in Accra.",
      "Nothing at all happened there today.",
      "",
  };
  for (std::string_view s : sentences) {
    CAPTURE(s);
    const auto tokens = tokenize(s, Span{0, s.size()});
    std::vector<std::string_view> words;
    for (const auto& t : tokens) words.push_back(t.folded);
    CHECK(has_trigger(words, index) == !find_triggers(tokens, index).empty());
  }
}
