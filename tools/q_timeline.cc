// annals timeline: the events of a country, or of a pair, in date order.

#include "query_commands.h"

namespace annals::cli {

int run_timeline(const Args& args) {
  expect_positional(args, 1, 2, "one or two countries: annals timeline A [B]");
  TimelineFilter filter;
  filter.from = date_option(args, "from");
  filter.to = date_option(args, "to", true);
  if (const auto types = args.option("type")) filter.types = event_types(*types);
  filter.limit = count_option(args, "limit", 0);
  auto db = open_for_query(args);
  const CountryCode a(db, args.positional[0]);
  std::optional<CountryCode> b;
  if (args.positional.size() == 2) b.emplace(db, args.positional[1]);
  const auto found = timeline(db, a, b, filter);
  if (args.flag("json")) print_json(to_json(found));
  else if (!found.empty()) print_events(found);
  return found_or_not(found.size(), args, "no events found");
}

}  // namespace annals::cli
