// query_bench: how long each question of include/annals/query.h takes on a
// large knowledge base (bench/make_kb.cc builds one). Not a unit test.
//
//   query_bench KB.db [SAMPLES] [--csv OUT.csv]     SAMPLES per question, default 1000
//
// Built by the annals_query_bench target (bench/CMakeLists.txt);
// tools/query_bench.sh builds a knowledge base, runs this and writes
// bench/results/. A knowledge base of an older schema is migrated first.
//
// Arguments are drawn (with a fixed seed) from the knowledge base itself: the
// countries of random events (so busy countries come up as often as users ask
// about them), names of random persons, words of random sentences. Prints the
// median, 99th percentile and maximum per question, and the mean number of
// records returned, in wall-clock time and in this thread's CPU time.

#include "annals/database.h"
#include "annals/query.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace {

using namespace annals;

struct Rng {
  std::uint64_t s = 0xbe7c4;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::int64_t in(std::int64_t lo, std::int64_t hi) { return lo + static_cast<std::int64_t>(next() % std::uint64_t(hi - lo + 1)); }
};

// Draws arguments from the file through its own read-only connection.
struct Sampler {
  SQLite::Database db;
  Rng rng;
  std::int64_t events = 0, relations = 0, persons = 0, sentences = 0;

  explicit Sampler(const std::string& path) : db(path, SQLite::OPEN_READONLY) {
    events = db.execAndGet("SELECT max(event_id) FROM events").getInt64();
    relations = db.execAndGet("SELECT max(relation_id) FROM relations").getInt64();
    persons = db.execAndGet("SELECT max(person_id) FROM persons").getInt64();
    sentences = db.execAndGet("SELECT max(sentence_id) FROM sentences").getInt64();
  }
  std::string one(const char* sql, std::int64_t id) {
    SQLite::Statement st(db, sql);
    st.bind(1, id);
    return st.executeStep() ? st.getColumn(0).getString() : std::string();
  }
  std::int64_t event() { return rng.in(1, events); }
  std::string country_of_event(const char* role) {
    SQLite::Statement st(db, "SELECT c.code FROM event_participants ep JOIN countries c USING (country_id) "
                             "WHERE ep.event_id = ? AND ep.role = ?");
    st.bind(1, event());
    st.bind(2, role);
    return st.executeStep() ? st.getColumn(0).getString() : "USA";
  }
  // Two countries of a random event, and the event.
  std::pair<std::string, std::string> pair_of_event(std::int64_t* id = nullptr) {
    SQLite::Statement st(db, "SELECT c.code FROM event_participants ep JOIN countries c USING (country_id) "
                             "WHERE ep.event_id = ? ORDER BY ep.role");
    const auto e = event();
    if (id) *id = e;
    st.bind(1, e);
    std::vector<std::string> codes;
    while (st.executeStep()) codes.push_back(st.getColumn(0).getString());
    return codes.size() >= 2 ? std::pair{codes[0], codes[1]} : std::pair{std::string("USA"), std::string("CHN")};
  }
  std::pair<std::string, std::string> pair_of_relation() {
    SQLite::Statement st(db, "SELECT a.code, b.code FROM relations r JOIN countries a ON a.country_id = r.country_a_id "
                             "JOIN countries b ON b.country_id = r.country_b_id WHERE r.relation_id = ?");
    st.bind(1, rng.in(1, relations));
    return st.executeStep() ? std::pair{st.getColumn(0).getString(), st.getColumn(1).getString()}
                            : std::pair{std::string("USA"), std::string("CHN")};
  }
  std::string person() { return one("SELECT name FROM persons WHERE person_id = ?", rng.in(1, persons)); }
  std::string surname() {
    const auto name = person();
    return name.substr(name.find(' ') + 1);
  }
  // Two words of a random sentence: "to discuss X and Y" ends every one.
  std::string words() {
    const auto text = one("SELECT text FROM sentences WHERE sentence_id = ?", rng.in(1, sentences));
    const auto discuss = text.find("discuss ");
    if (discuss == std::string::npos) return "relations";
    std::string rest = text.substr(discuss + 8);
    rest.erase(std::remove(rest.begin(), rest.end(), '.'), rest.end());
    const auto sp = rest.find(" and ");
    return sp == std::string::npos ? rest : rest.substr(0, sp) + " " + rest.substr(sp + 5);
  }
  date::year_month_day year_start() { return date::year{int(rng.in(1950, 2024))} / 1 / 1; }
};

struct Question {
  std::string name;  // no commas: tools/query_bench.sh splits the CSV at them
  // Draws arguments, then returns the timed call (which returns its result count).
  std::function<std::function<std::size_t()>(Sampler&, const Database&)> make;
};

std::vector<Question> questions() {
  using F = std::function<std::size_t()>;
  return {
      {"timeline A B: first page", [](Sampler& s, const Database& db) -> F {
         const auto pair = s.pair_of_event();
         const auto a = pair.first, b = pair.second;
         return [&db, a, b] { return timeline(db, CountryCode(db, a), CountryCode(db, b)).size(); };
       }},
      {"timeline A B: page after", [](Sampler& s, const Database& db) -> F {
         std::int64_t id = 0;
         const auto pair = s.pair_of_event(&id);
         const auto a = pair.first, b = pair.second;
         const TimelineFilter f{.after = id};
         return [&db, a, b, f] { return timeline(db, CountryCode(db, a), CountryCode(db, b), f).size(); };
       }},
      {"timeline A B: 5 years", [](Sampler& s, const Database& db) -> F {
         const auto pair = s.pair_of_event();
         const auto a = pair.first, b = pair.second;
         const auto from = s.year_start();
         const TimelineFilter f{.from = from, .to = date::year_month_day(from.year() + date::years{4}, date::December, date::day{31})};
         return [&db, a, b, f] { return timeline(db, CountryCode(db, a), CountryCode(db, b), f).size(); };
       }},
      {"timeline A: first page", [](Sampler& s, const Database& db) -> F {
         const auto a = s.country_of_event("actor");
         return [&db, a] { return timeline(db, CountryCode(db, a)).size(); };
       }},
      {"timeline A: 1 year of visits", [](Sampler& s, const Database& db) -> F {
         const auto a = s.country_of_event("actor");
         const auto from = s.year_start();
         const TimelineFilter f{.from = from, .to = date::year_month_day(from.year(), date::December, date::day{31}),
                                .types = {"visit"}};
         return [&db, a, f] { return timeline(db, CountryCode(db, a), std::nullopt, f).size(); };
       }},
      {"leaders A at a date: page", [](Sampler& s, const Database& db) -> F {
         const auto a = s.country_of_event("actor");
         const auto at = s.year_start();
         return [&db, a, at] { return leaders(db, CountryCode(db, a), at).size(); };
       }},
      {"person by full name", [](Sampler& s, const Database& db) -> F {
         const auto name = s.person();
         return [&db, name] { return find_person(db, name).size(); };
       }},
      {"person by surname", [](Sampler& s, const Database& db) -> F {
         const auto name = s.surname();
         return [&db, name] { return find_person(db, name).size(); };
       }},
      {"events type + 1 year", [](Sampler& s, const Database& db) -> F {
         const auto from = s.year_start();
         const EventFilter f{.type = "visit", .from = from,
                             .to = date::year_month_day(from.year(), date::December, date::day{31})};
         return [&db, f] { return events(db, f).size(); };
       }},
      {"events person", [](Sampler& s, const Database& db) -> F {
         const EventFilter f{.person = s.person()};
         return [&db, f] { return events(db, f).size(); };
       }},
      {"events country + type", [](Sampler& s, const Database& db) -> F {
         const auto a = s.country_of_event("counterpart");
         return [&db, a] { return events(db, {.type = "agreement", .country = CountryCode(db, a)}).size(); };
       }},
      {"relations A B", [](Sampler& s, const Database& db) -> F {
         auto [a, b] = s.pair_of_relation();
         return [&db, a, b] { return relations(db, CountryCode(db, a), CountryCode(db, b)).size(); };
       }},
      {"search 2 words: top 20", [](Sampler& s, const Database& db) -> F {
         const auto q = s.words();
         return [&db, q] { return search(db, q, 20).size(); };
       }},
      {"evidence event", [](Sampler& s, const Database& db) -> F {
         const FactRef f{FactKind::event, s.event()};
         return [&db, f] { return evidence(db, f).size(); };
       }},
  };
}

// CPU time of this thread: on a machine others share, it leaves out the time
// the scheduler gives them, which the wall clock counts.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * double(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string csv_path;
  if (args.size() >= 2 && args[args.size() - 2] == "--csv") {
    csv_path = args.back();
    args.resize(args.size() - 2);
  }
  if (args.empty() || args.size() > 2) {
    fmt::print(stderr, "usage: query_bench KB.db [SAMPLES] [--csv OUT.csv]\n");
    return 2;
  }
  const std::size_t samples = args.size() == 2 ? std::stoul(args[1]) : 1000;
  // A knowledge base made by an older build gets this build's indexes first.
  { Database::open(args[0], OpenMode::read_write); }
  const auto db = Database::open(args[0], OpenMode::read_only);
  Sampler sampler(args[0]);
  std::FILE* csv = csv_path.empty() ? nullptr : std::fopen(csv_path.c_str(), "w");
  if (!csv_path.empty() && !csv) {
    fmt::print(stderr, "query_bench: cannot write {}\n", csv_path);
    return 2;
  }
  if (csv) fmt::print(csv, "question,median_ms,p99_ms,max_ms,cpu_median_ms,cpu_p99_ms,mean_rows\n");
  fmt::print("{} events; {} samples per question; times in ms (wall clock, and this thread's CPU time)\n\n",
             sampler.events, samples);
  fmt::print("{:<28} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9}\n", "question", "median", "p99", "max", "cpu med",
             "cpu p99", "results");
  for (const auto& q : questions()) {
    std::vector<double> ms, cpu;
    double results = 0;
    for (std::size_t i = 0; i < samples; ++i) {
      auto call = q.make(sampler, db);
      const double c0 = thread_cpu_ms();
      const auto t0 = std::chrono::steady_clock::now();
      results += double(call());
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      cpu.push_back(thread_cpu_ms() - c0);
    }
    const double median = percentile(ms, 0.5), p99 = percentile(ms, 0.99);
    const double cpu_median = percentile(cpu, 0.5), cpu_p99 = percentile(cpu, 0.99);
    const double max = *std::max_element(ms.begin(), ms.end()), rows = results / double(samples);
    fmt::print("{:<28} {:>8.3f} {:>8.3f} {:>8.3f} {:>8.3f} {:>8.3f} {:>9.1f}\n", q.name, median, p99, max,
               cpu_median, cpu_p99, rows);
    if (csv)
      fmt::print(csv, "\"{}\",{:.3f},{:.3f},{:.3f},{:.3f},{:.3f},{:.1f}\n", q.name, median, p99, max, cpu_median,
                 cpu_p99, rows);
  }
  if (csv) std::fclose(csv);
  return 0;
}
