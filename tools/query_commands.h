#pragma once
// The query subcommands (timeline, leaders, person, events, relations, search,
// evidence) and what they share: option parsing, tables and JSON.

#include "annals/database.h"
#include "annals/query.h"
#include "cli.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace annals::cli {

// The query subcommands, for the command table.
const std::vector<Command>& query_commands();

int run_timeline(const Args&);
int run_leaders(const Args&);
int run_person(const Args&);
int run_events(const Args&);
int run_relations(const Args&);
int run_search(const Args&);
int run_evidence(const Args&);

// The --db knowledge base, opened read-only.
Database open_for_query(const Args& args);

// The date of option `name`: "YYYY-MM-DD", or "YYYY"/"YYYY-MM" meaning the first
// day of the period (the last day when `period_end`). nullopt when the option is
// absent; UsageError when it is not a real date ("2024-13-01").
std::optional<date::year_month_day> date_option(const Args& args, const std::string& name,
                                                bool period_end = false);
// A positive integer option; `fallback` when absent; UsageError otherwise.
std::size_t count_option(const Args& args, const std::string& name, std::size_t fallback);
// Event types from a comma-separated --type; UsageError for one the schema does not know.
std::vector<std::string> event_types(const std::string& text);
// Exactly `min`..`max` positional arguments, or a UsageError naming `what`.
void expect_positional(const Args& args, std::size_t min, std::size_t max, const char* what);

// The exit code for `found` results; with none, and not --json, says `nothing`
// on stderr first.
int found_or_not(std::size_t found, const Args& args, const std::string& nothing);
// `text` cut to `max` characters, "..." marking the cut.
std::string clip(const std::string& text, std::size_t max);

// Columns padded to their widest cell (counting characters, not bytes).
class Table {
 public:
  explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Prints the header, a rule and the rows, each line indented by `indent` spaces.
  void print(int indent = 0) const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

// "2024", "2024-05", "2025-01-10..2025-01-12" or "-".
std::string date_text(const std::optional<FuzzyDate>& start, const std::optional<FuzzyDate>& end = std::nullopt);
// "LAO, Thongloun Sisoulith -> RUS": actors, then counterparts, then participants.
std::string who_text(const EventRecord& e);
// An events table: id, date, type, who, where, summary (clipped).
void print_events(const std::vector<EventRecord>& events, int indent = 0);
// A posts table: person, title, organisation, country, from, to.
void print_tenures(const std::vector<Tenure>& tenures, int indent = 0);

nlohmann::json to_json(const EventRecord& e);
nlohmann::json to_json(const Tenure& t);
nlohmann::json to_json(const std::vector<EventRecord>& events);
nlohmann::json to_json(const std::vector<Tenure>& tenures);
// Prints `j` indented, invalid UTF-8 replaced.
void print_json(const nlohmann::json& j);

}  // namespace annals::cli
