// annals relations: the milestones between two countries.

#include "query_commands.h"

namespace annals::cli {

int run_relations(const Args& args) {
  expect_positional(args, 2, 2, "two countries: annals relations A B");
  auto db = open_for_query(args);
  const auto found = relations(db, CountryCode(db, args.positional[0]), CountryCode(db, args.positional[1]));
  if (args.flag("json")) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : found)
      out.push_back({{"id", r.id},
                     {"kind", r.kind},
                     {"a", {{"code", r.a.code()}, {"name", r.a.name()}}},
                     {"b", {{"code", r.b.code()}, {"name", r.b.name()}}},
                     {"date", r.date ? nlohmann::json(to_iso(*r.date)) : nlohmann::json(nullptr)},
                     {"precision", r.date ? std::string(to_string(r.date->precision)) : "unknown"},
                     {"event_id", r.event_id ? nlohmann::json(*r.event_id) : nlohmann::json(nullptr)}});
    print_json(out);
  } else if (!found.empty()) {
    Table t({"id", "date", "kind", "a", "b", "event"});
    for (const auto& r : found)
      t.add({std::to_string(r.id), date_text(r.date), r.kind, r.a.code() + " " + r.a.name(),
             r.b.code() + " " + r.b.name(), r.event_id ? std::to_string(*r.event_id) : "-"});
    t.print();
  }
  return found_or_not(found.size(), args, "no relation milestones found");
}

}  // namespace annals::cli
