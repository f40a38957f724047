// The query subcommands' table entry, and what they share.

#include "query_commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace annals::cli {

const std::vector<Command>& query_commands() {
  static const std::vector<Command> all = {
      {"timeline", "events of a country, or of a pair of countries, in date order",
       "usage: annals timeline A [B] [--from DATE] [--to DATE] [--type T[,T...]] [--limit N]\n"
       "                       [--db FILE] [--json]\n\n"
       "Lists the events A takes part in (with B too, when given), earliest first and\n"
       "undated ones last. A and B are country codes (LAO, RUS; SUHH for the USSR) or\n"
       "names (Laos, \"Viet Nam\"). DATE is YYYY, YYYY-MM or YYYY-MM-DD; an event dated\n"
       "only to a month or year matches when that period overlaps --from..--to.\n\n"
       "  --type T    visit, meeting, summit, agreement, relations_established,\n"
       "              relations_upgraded, military_exercise, aid, election, other\n"
       "  --limit N   at most N events\n"
       "  --db FILE   knowledge base (default annals.db)\n"
       "  --json      JSON instead of a table\n\n"
       "exit status: 0 events found, 1 none, 2 bad usage, unknown country or bad date\n"
       "example: annals timeline LAO RUS --from 2020 --type visit,summit\n",
       run_timeline, {"db", "from", "to", "type", "limit"}, {"json"}},
      {"leaders", "persons holding posts in a country, optionally on a date",
       "usage: annals leaders A [--at DATE] [--db FILE] [--json]\n\n"
       "Lists the posts of country A (its own, its national organisations', and posts\n"
       "naming neither held by its citizens), earliest start first. With --at, only\n"
       "terms that may be running on that day: an unknown start may be, an unknown end\n"
       "still is. DATE is YYYY-MM-DD (YYYY or YYYY-MM mean the first day).\n\n"
       "exit status: 0 found, 1 none, 2 bad usage, unknown country or bad date\n"
       "example: annals leaders LAO --at 2024-06-01\n",
       run_leaders, {"db", "at"}, {"json"}},
      {"person", "a person by name or alias, with posts, trips and meetings",
       "usage: annals person NAME [--db FILE] [--json]\n\n"
       "Finds persons whose name or alias matches NAME, ignoring case and diacritics\n"
       "(\"luong cuong\" finds Lương Cường); failing that, names beginning with NAME,\n"
       "or whose surname does (\"Putin\"). Prints each one's posts, trips (visits made)\n"
       "and meetings (meetings, summits, visits received).\n\n"
       "exit status: 0 found, 1 none, 2 bad usage\n"
       "example: annals person \"Thongloun Sisoulith\"\n",
       run_person, {"db"}, {"json"}},
      {"events", "events by type, country, person, organisation and period",
       "usage: annals events [--type T] [--country A] [--person NAME] [--organization NAME]\n"
       "                     [--from DATE] [--to DATE] [--limit N] [--db FILE] [--json]\n\n"
       "Lists the events matching every filter given, earliest first, undated last.\n"
       "Names match as in 'annals person'; dates as in 'annals timeline'.\n\n"
       "exit status: 0 events found, 1 none, 2 bad usage, unknown country or bad date\n"
       "example: annals events --person Putin --from 2024 --to 2024\n",
       run_events, {"db", "type", "country", "person", "organization", "from", "to", "limit"}, {"json"}},
      {"relations", "milestones between two countries in date order",
       "usage: annals relations A B [--db FILE] [--json]\n\n"
       "Lists relations established, recognitions, treaties and upgrades between A and B\n"
       "(either way round), earliest first, undated last.\n\n"
       "exit status: 0 found, 1 none, 2 bad usage or unknown country\n"
       "example: annals relations LAO RUS\n",
       run_relations, {"db"}, {"json"}},
      {"search", "full-text search over the sentences of the sources",
       "usage: annals search QUERY... [--limit N] [--db FILE] [--json]\n\n"
       "Finds sentences holding every word of QUERY, best first (bm25), with the words\n"
       "marked [like this]. Case and diacritics are ignored (\"viet nam\" finds Việt Nam);\n"
       "quotes, *, AND, OR, NEAR and the like are ordinary text.\n\n"
       "  --limit N   at most N sentences (default 20)\n\n"
       "exit status: 0 found, 1 none, 2 bad usage\n"
       "example: annals search diplomatic relations --limit 5\n",
       run_search, {"db", "limit"}, {"json"}},
      {"evidence", "where the sources state a fact, with the text around it",
       "usage: annals evidence KIND:ID [--db FILE] [--json]\n\n"
       "KIND is event, relation, position, person, organization or country; ID is the\n"
       "number other commands print (the id column) or --json gives. For each statement\n"
       "prints the source file, the sentence with the stated words [[marked]], the\n"
       "sentences around it and the byte offsets in the cleaned body and the raw file.\n\n"
       "exit status: 0 found, 1 none, 2 bad usage or malformed KIND:ID\n"
       "example: annals evidence event:12\n",
       run_evidence, {"db"}, {"json"}},
  };
  return all;
}

Database open_for_query(const Args& args) { return Database::open(args.db(), OpenMode::read_only); }

std::optional<date::year_month_day> date_option(const Args& args, const std::string& name, bool period_end) {
  const auto text = args.option(name);
  if (!text) return std::nullopt;
  const auto d = parse_iso(*text);
  if (!d) throw UsageError{fmt::format("--{} {}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)", name, *text)};
  return period_end ? d->last_day() : d->day;
}

std::size_t count_option(const Args& args, const std::string& name, std::size_t fallback) {
  const auto text = args.option(name);
  if (!text) return fallback;
  std::size_t n = 0;
  const auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || p != text->data() + text->size() || n == 0)
    throw UsageError{fmt::format("--{} {}: not a positive number", name, *text)};
  return n;
}

std::vector<std::string> event_types(const std::string& text) {
  static const std::vector<std::string> known = {"visit", "meeting", "summit", "agreement",
      "relations_established", "relations_upgraded", "military_exercise", "aid", "election", "other"};
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = std::min(text.find(',', pos), text.size());
    const std::string type = text.substr(pos, comma - pos);
    if (std::find(known.begin(), known.end(), type) == known.end())
      throw UsageError{fmt::format("--type {}: unknown event type", type)};
    out.push_back(type);
    pos = comma + 1;
  }
  return out;
}

void expect_positional(const Args& args, std::size_t min, std::size_t max, const char* what) {
  if (args.positional.size() < min || args.positional.size() > max)
    throw UsageError{fmt::format("expected {}", what)};
}

int found_or_not(std::size_t found, const Args& args, const std::string& nothing) {
  if (found) return kFound;
  if (!args.flag("json")) fmt::print(stderr, "{}\n", nothing);
  return kNothing;
}

namespace {

// Characters on screen: UTF-8 bytes that start a code point.
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string name_of(const EventParticipant& p) {
  if (p.country) return p.country->code();
  return p.person.value_or(p.organization.value_or("?"));
}

nlohmann::json text_or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

nlohmann::json date_json(const std::optional<FuzzyDate>& d) {
  return d ? nlohmann::json(to_iso(*d)) : nlohmann::json(nullptr);
}

template <typename T>
nlohmann::json optional_json(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

std::string clip(const std::string& text, std::size_t max) {
  if (width(text) <= max) return text;
  std::size_t chars = 0, cut = 0;
  // Cut before the character that would make the text max - 3 long plus "...".
  while (cut < text.size()) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80 && chars++ == max - 3) break;
    ++cut;
  }
  return text.substr(0, cut) + "...";
}

void Table::print(int indent) const {
  std::vector<std::size_t> widths;
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (widths.size() <= c) widths.push_back(0);
      widths[c] = std::max(widths[c], width(row[c]));
    }
  auto line = [&](const std::vector<std::string>& row) {
    std::string out(static_cast<std::size_t>(indent), ' ');
    for (std::size_t c = 0; c < row.size(); ++c) {
      out += row[c];
      if (c + 1 < row.size()) out += std::string(widths[c] - width(row[c]) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    fmt::print("{}\n", out);
  };
  line(rows_.front());
  std::vector<std::string> rule;
  for (auto w : widths) rule.push_back(std::string(w, '-'));
  line(rule);
  for (std::size_t r = 1; r < rows_.size(); ++r) line(rows_[r]);
}

std::string date_text(const std::optional<FuzzyDate>& start, const std::optional<FuzzyDate>& end) {
  if (!start) return "-";
  return end && *end != *start ? to_iso(*start) + ".." + to_iso(*end) : to_iso(*start);
}

std::string who_text(const EventRecord& e) {
  std::string sides[3];
  for (const auto& p : e.participants) {
    std::string& side = sides[p.role == "actor" ? 0 : p.role == "counterpart" ? 1 : 2];
    side += (side.empty() ? "" : ", ") + name_of(p);
  }
  std::string out = sides[0];
  if (!sides[1].empty()) out += (out.empty() ? "-> " : " -> ") + sides[1];
  if (!sides[2].empty()) out += (out.empty() ? "with " : " with ") + sides[2];
  return out;
}

void print_events(const std::vector<EventRecord>& events, int indent) {
  Table t({"id", "date", "type", "who", "where", "summary"});
  for (const auto& e : events)
    t.add({std::to_string(e.id), date_text(e.start, e.end), e.type, who_text(e), e.location.empty() ? "-" : e.location,
           clip(e.summary, 60)});
  t.print(indent);
}

void print_tenures(const std::vector<Tenure>& tenures, int indent) {
  Table t({"person", "title", "organization", "country", "from", "to"});
  for (const auto& p : tenures)
    t.add({p.person, p.title, p.organization.value_or("-"), p.country ? p.country->code() : "-", date_text(p.start),
           date_text(p.end)});
  t.print(indent);
}

nlohmann::json to_json(const EventRecord& e) {
  nlohmann::json who = nlohmann::json::array();
  for (const auto& p : e.participants)
    who.push_back({{"role", p.role},
                   {"country", p.country ? nlohmann::json(p.country->code()) : nlohmann::json(nullptr)},
                   {"person", optional_json(p.person)},
                   {"person_id", optional_json(p.person_id)},
                   {"organization", optional_json(p.organization)}});
  nlohmann::json plover = nullptr;
  if (!e.plover_category.empty()) plover = {{"category", e.plover_category}, {"mode", text_or_null(e.plover_mode)}};
  return {{"id", e.id},
          {"type", e.type},
          {"cameo", text_or_null(e.cameo)},
          {"plover", plover},
          {"start", date_json(e.start)},
          {"end", date_json(e.end)},
          {"precision", e.start ? std::string(to_string(e.start->precision)) : "unknown"},
          {"location", text_or_null(e.location)},
          {"summary", text_or_null(e.summary)},
          {"participants", who}};
}

nlohmann::json to_json(const Tenure& t) {
  return {{"position_id", t.position_id},
          {"person_id", t.person_id},
          {"person", t.person},
          {"title", t.title},
          {"organization", optional_json(t.organization)},
          {"country", t.country ? nlohmann::json(t.country->code()) : nlohmann::json(nullptr)},
          {"start", date_json(t.start)},
          {"end", date_json(t.end)}};
}

nlohmann::json to_json(const std::vector<EventRecord>& events) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : events) out.push_back(to_json(e));
  return out;
}

nlohmann::json to_json(const std::vector<Tenure>& tenures) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : tenures) out.push_back(to_json(t));
  return out;
}

void print_json(const nlohmann::json& j) {
  fmt::print("{}\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace annals::cli
