#pragma once
// Quality of an import: compares the JSON of `annals export --format json` with
// the hand-made gold files, by the rules in tests/gold/README.md ("How a
// comparison counts a match").

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

// Counts for one kind of fact. `true_pos` counts required gold facts found,
// `false_neg` required gold facts missed and `false_pos` system facts that match
// no gold fact, or only a gold event or relation another system fact already
// took. A system fact matching an optional gold fact counts in none of them.
struct CategoryScore {
  std::string category;
  int true_pos = 0, false_pos = 0, false_neg = 0;
  // true_pos / (true_pos + false_pos); 1 when the system claimed nothing.
  double precision() const;
  // true_pos / (true_pos + false_neg); 1 when there was nothing to find.
  double recall() const;
  // The harmonic mean of precision and recall; 0 when both are 0.
  double f1() const;
  // One line each: the required gold facts missed, the system facts counted false.
  std::vector<std::string> misses, false_hits;
};

struct ScoreReport {
  // countries, persons, organizations, events, relations, in that order.
  std::vector<CategoryScore> categories;
  // The source files whose gold was used, in the order of the gold files.
  std::vector<std::string> gold_files;
  // Of the matched required events (the events' true_pos), how many have the
  // gold start date exactly at the gold precision; `wrong_dates` names the others.
  int dates_right = 0;
  std::vector<std::string> wrong_dates;

  // The category named `name`; throws Error for a name not listed above.
  const CategoryScore& at(std::string_view name) const;
};

// Scores `system` against the parsed gold files. Only gold files whose
// source.file appears among system.sources (compared by file name, without
// directories) are used, and only system facts from those sources: events and
// relations with evidence from one of them (or with no evidence at all);
// countries, persons and organisations all, unless an entry carries a
// "sources" list of file names, which is then checked the same way.
// Persons and organisations match by folded name or alias (equal, or one
// containing the other as a run of at least two tokens); a system entity that
// equals some gold entity is credited only to the gold entities it equals.
// Events and relations are paired one to one, best pairs first.
ScoreReport score(const nlohmann::json& system, const std::vector<nlohmann::json>& gold);

// Every *.json file in `dir`, sorted by name, parsed. Throws Error(file, why)
// for an unreadable or malformed file or one without source.file, and
// Error(dir, why) when `dir` is not a directory or holds no *.json file.
std::vector<nlohmann::json> read_gold_dir(const std::filesystem::path& dir);

// A plain-text table (category, TP, FP, FN, P, R, F1), the dates-right line,
// then, when `list_details`, the misses, false hits and wrong event dates.
std::string format_report(const ScoreReport& report, bool list_details = true);

}  // namespace annals
