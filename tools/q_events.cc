// annals events: events by type, country, person, organisation and period.

#include "query_commands.h"

namespace annals::cli {

int run_events(const Args& args) {
  expect_positional(args, 0, 0, "options only: annals events [--type T] [--country A] ...");
  EventFilter filter;
  if (const auto type = args.option("type")) {
    const auto types = event_types(*type);
    if (types.size() != 1) throw UsageError{"--type takes one event type here"};
    filter.type = types.front();
  }
  filter.person = args.option("person");
  filter.organization = args.option("organization");
  filter.from = date_option(args, "from");
  filter.to = date_option(args, "to", true);
  filter.limit = count_option(args, "limit", 0);
  auto db = open_for_query(args);
  if (const auto country = args.option("country")) filter.country.emplace(db, *country);
  const auto found = events(db, filter);
  if (args.flag("json")) print_json(to_json(found));
  else if (!found.empty()) print_events(found);
  return found_or_not(found.size(), args, "no events found");
}

}  // namespace annals::cli
