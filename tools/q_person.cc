// annals person: a person by any name, with posts, trips and meetings.

#include "query_commands.h"

#include <fmt/format.h>

namespace annals::cli {
namespace {

nlohmann::json person_json(const PersonRecord& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"aliases", p.aliases},
          {"country", p.country ? nlohmann::json(p.country->code()) : nlohmann::json(nullptr)},
          {"positions", to_json(p.positions)},
          {"trips", to_json(p.trips)},
          {"meetings", to_json(p.meetings)}};
}

void print_person(const PersonRecord& p) {
  fmt::print("{} ({})  person:{}\n", p.name, p.country ? p.country->name() : "country unknown", p.id);
  if (!p.aliases.empty()) {
    std::string also;
    for (const auto& a : p.aliases) also += (also.empty() ? "" : "; ") + a;
    fmt::print("  also: {}\n", also);
  }
  const auto section = [](const char* title, std::size_t n) { fmt::print("\n  {} ({})\n", title, n); };
  section("Positions", p.positions.size());
  if (!p.positions.empty()) print_tenures(p.positions, 4);
  section("Trips", p.trips.size());
  if (!p.trips.empty()) print_events(p.trips, 4);
  section("Meetings", p.meetings.size());
  if (!p.meetings.empty()) print_events(p.meetings, 4);
}

}  // namespace

int run_person(const Args& args) {
  expect_positional(args, 1, 1, "one name (quote a name with spaces): annals person NAME");
  auto db = open_for_query(args);
  const auto found = find_person(db, args.positional[0]);
  if (args.flag("json")) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : found) out.push_back(person_json(p));
    print_json(out);
  } else {
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (i) fmt::print("\n");
      print_person(found[i]);
    }
  }
  return found_or_not(found.size(), args, "no person found");
}

}  // namespace annals::cli
