#pragma once
// Scoring the knowledge base against hand-made gold facts.

#include "annals/database.h"

#include <filesystem>
#include <string>
#include <vector>

namespace annals {

struct CategoryFigures {
  std::string category;  // countries, persons, organizations, events, relations
  int true_pos = 0, false_pos = 0, false_neg = 0;
  double precision = 0, recall = 0, f1 = 0;
};

struct QualityReport {
  std::vector<CategoryFigures> categories;
  int events_matched = 0, events_dated_right = 0;  // required events found / with the gold date
  std::string text;  // the table plus misses and false hits, for people
  const CategoryFigures& at(const std::string& category) const;
};

// Compares the current sources' facts with the gold files (*.json, the format of
// tests/gold/README.md) in `gold_dir`, counting only gold files whose article is
// imported. Throws Error naming a gold file that cannot be read or parsed.
QualityReport score_against_gold(Database& db, const std::filesystem::path& gold_dir,
                                 bool list_details = true);

}  // namespace annals
