// annals score: quality against gold facts.

#include "annals/database.h"
#include "annals/quality.h"
#include "cli.h"

#include <fmt/format.h>

namespace annals::cli {

int run_score(const Args& args) {
  const auto gold = args.option("gold");
  if (!gold) throw UsageError{"--gold DIR is required"};
  auto db = Database::open(args.db(), OpenMode::read_only);
  const QualityReport report = score_against_gold(db, *gold, !args.flag("brief"));
  fmt::print("{}", report.text);
  return kFound;
}

}  // namespace annals::cli
