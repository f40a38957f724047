#include "annals/quality.h"

#include "annals/error.h"
#include "annals/export.h"
#include "score/score.h"

namespace annals {

const CategoryFigures& QualityReport::at(const std::string& category) const {
  for (const auto& c : categories)
    if (c.category == category) return c;
  throw Error(category, "no such score category");
}

QualityReport score_against_gold(Database& db, const std::filesystem::path& gold_dir, bool list_details) {
  const auto gold = read_gold_dir(gold_dir);
  const auto system = nlohmann::json::parse(export_json(db, -1));
  const ScoreReport report = score(system, gold);
  QualityReport out;
  for (const auto& c : report.categories)
    out.categories.push_back({c.category, c.true_pos, c.false_pos, c.false_neg, c.precision(), c.recall(), c.f1()});
  out.events_matched = report.at("events").true_pos;
  out.events_dated_right = report.dates_right;
  out.text = format_report(report, list_details);
  return out;
}

}  // namespace annals
