// annals stats: what the knowledge base holds, in counts.

#include "annals/database.h"
#include "annals/export.h"
#include "cli.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

namespace annals::cli {

int run_stats(const Args& args) {
  auto db = Database::open(args.db(), OpenMode::read_only);
  const auto kb = nlohmann::json::parse(export_json(db, -1));
  std::int64_t sentences = 0;
  for (const auto& s : kb["sources"]) sentences += s["sentences"].get<std::int64_t>();
  std::map<std::string, int> by_type;
  for (const auto& e : kb["events"]) ++by_type[e["type"].get<std::string>()];
  nlohmann::json out = {{"sources", kb["sources"].size()}, {"sentences", sentences}, {"countries", kb["countries"].size()},
                        {"persons", kb["persons"].size()},     {"organizations", kb["organizations"].size()},
                        {"events", kb["events"].size()},       {"relations", kb["relations"].size()},
                        {"events_by_type", by_type}};
  if (args.flag("json")) {
    fmt::print("{}\n", out.dump(1));
  } else {
    for (const char* k : {"sources", "sentences", "countries", "persons", "organizations", "events", "relations"})
      fmt::print("{:<14} {:>8}\n", k, out[k].get<std::size_t>());
    for (const auto& [type, n] : by_type) fmt::print("  {:<22} {:>6}\n", type, n);
  }
  return kb["sources"].empty() ? kNothing : kFound;
}

}  // namespace annals::cli
