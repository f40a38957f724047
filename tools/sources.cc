// annals sources: the imported articles, optionally with what was extracted.

#include "annals/database.h"
#include "annals/export.h"
#include "cli.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace annals::cli {
namespace {

using nlohmann::json;

std::string str(const json& v) { return v.is_null() ? "-" : v.is_string() ? v.get<std::string>() : v.dump(); }

std::string sides(const json& participants) {
  std::string actors, counterparts;
  for (const auto& p : participants) {
    std::string who = !p["person"].is_null() ? p["person"].get<std::string>()
                      : !p["country"].is_null() ? p["country"].get<std::string>()
                                                : str(p["organization"]);
    std::string& side = p["role"] == "counterpart" ? counterparts : actors;
    side += (side.empty() ? "" : ", ") + who;
  }
  return counterparts.empty() ? actors : actors + " -> " + counterparts;
}

void print_facts(const json& kb) {
  fmt::print("\nPersons ({})\n", kb["persons"].size());
  for (const auto& p : kb["persons"]) {
    std::string titles;
    for (const auto& q : p["positions"]) titles += (titles.empty() ? "" : "; ") + q["title"].get<std::string>() + (q["country"].is_null() ? "" : " (" + q["country"].get<std::string>() + ")");
    fmt::print("  {:<28} {:<4} {}\n", p["name"].get<std::string>(), str(p["country"]), titles);
  }
  fmt::print("\nOrganizations ({})\n", kb["organizations"].size());
  for (const auto& o : kb["organizations"]) {
    std::string aliases;
    for (const auto& a : o["aliases"]) aliases += (aliases.empty() ? "" : ", ") + a.get<std::string>();
    fmt::print("  {:<60} {:<4} {}\n", o["name"].get<std::string>(), str(o["country"]), aliases);
  }
  fmt::print("\nEvents ({})\n", kb["events"].size());
  for (const auto& e : kb["events"]) {
    std::string when = str(e["start"]) + (e["end"].is_null() ? "" : ".." + e["end"].get<std::string>());
    fmt::print("  {:<22} {:<22} {:<4} {:<40} {}\n", when, e["type"].get<std::string>(), str(e["cameo"]),
               sides(e["participants"]), e["location"].is_null() ? "" : "@ " + e["location"].get<std::string>());
  }
  fmt::print("\nRelations ({})\n", kb["relations"].size());
  for (const auto& r : kb["relations"])
    fmt::print("  {:<12} {:<34} {}-{}\n", str(r["date"]), r["kind"].get<std::string>(),
               r["countries"][0].get<std::string>(), r["countries"][1].get<std::string>());
}

}  // namespace

int run_sources(const Args& args) {
  auto db = Database::open(args.db(), OpenMode::read_only);
  const auto kb = json::parse(export_json(db, -1));
  if (args.flag("json")) {
    fmt::print("{}\n", (args.flag("facts") ? kb : kb["sources"]).dump(1));
    return kb["sources"].empty() ? kNothing : kFound;
  }
  fmt::print("{:<28} {:>9} {:<11} {:<20} {:<18} {}\n", "file", "sentences", "published", "publisher", "author", "title");
  for (const auto& s : kb["sources"])
    fmt::print("{:<28} {:>9} {:<11} {:<20} {:<18} {}\n", s["file"].get<std::string>(), s["sentences"].get<std::int64_t>(), str(s["published"]),
               str(s["publisher"]), str(s["author"]), str(s["title"]));
  if (args.flag("facts")) print_facts(kb);
  return kb["sources"].empty() ? kNothing : kFound;
}

}  // namespace annals::cli
