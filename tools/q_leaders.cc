// annals leaders: who holds, or held, posts in a country.

#include "query_commands.h"

namespace annals::cli {

int run_leaders(const Args& args) {
  expect_positional(args, 1, 1, "one country: annals leaders A");
  const auto at = date_option(args, "at");
  auto db = open_for_query(args);
  const auto found = leaders(db, CountryCode(db, args.positional[0]), at, 0);  // 0: every post
  if (args.flag("json")) print_json(to_json(found));
  else if (!found.empty()) print_tenures(found);
  return found_or_not(found.size(), args, "no posts found");
}

}  // namespace annals::cli
