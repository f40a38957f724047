// Readers and writers at once on one knowledge base: queries through the API
// and the CLI while `annals import` runs in a child process, and two imports
// started together. Nobody may see an error or part of an article.

#include "annals/database.h"
#include "annals/query.h"
#include "reliability_helpers.h"

namespace fs = std::filesystem;
using namespace annals::rely;

namespace {

constexpr int kSeed = 977;

// A generated corpus of `articles` and its import alone, the reference.
struct Corpus {
  fs::path articles, reference;
  SourceCounts counts;
  // Sentences of the first n sources in import order, for n = 0, 1, ...
  std::vector<long long> sentences_before;

  Corpus(const fs::path& dir, const std::string& name, int articles_wanted)
      : articles(dir / name), reference(dir / (name + ".db")) {
    generate(articles, articles_wanted, kSeed);
    const Run r = run(import_argv(reference, articles), dir, {}, name);
    INFO(r.err);
    REQUIRE(r.exit.code == 0);
    SQLite::Database db(reference.string(), SQLite::OPEN_READONLY);
    counts = source_counts(db);
    REQUIRE(counts.size() == std::size_t(articles_wanted));
    sentences_before.push_back(0);
    SQLite::Statement st(db, "SELECT (SELECT count(*) FROM sentences t WHERE t.source_id = s.source_id) "
                             "FROM sources s ORDER BY source_id");
    while (st.executeStep()) sentences_before.push_back(sentences_before.back() + st.getColumn(0).getInt64());
  }
};

// One round of questions through the API; returns the error, if any.
std::string query_api(const fs::path& file, const SourceCounts& reference) {
  try {
    const auto db = annals::Database::open(file, annals::OpenMode::read_only);
    for (const auto& hit : annals::search(db, "president talks", 20))
      if (!reference.contains(hit.file)) return "search found an unknown source " + hit.file;
    const annals::CountryCode usa(db, "USA");
    annals::timeline(db, usa);
    annals::leaders(db, usa);
    annals::events(db, annals::EventFilter{.type = "visit", .limit = 50});
    annals::find_person(db, "al");
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

// The number on the line of `stats` output starting with `label`, or -1.
long long stat(const std::string& out, const std::string& label) {
  std::istringstream in(out);
  std::string word;
  long long n = -1;
  for (std::string line; std::getline(in, line);)
    if (std::istringstream words(line); words >> word && word == label && words >> n) return n;
  return -1;
}

// The same through the CLI: exit 0 (found) or 1 (nothing found, early on), no
// error; `stats` counts as many sentences as the sources it counts hold, since
// the files are written in input order.
void query_cli(const fs::path& file, const fs::path& dir, const Corpus& corpus) {
  const std::vector<std::vector<std::string>> commands = {
      {ANNALS_CLI, "stats", "--db", file.string()},
      {ANNALS_CLI, "search", "--db", file.string(), "minister", "visit"},
      {ANNALS_CLI, "timeline", "--db", file.string(), "USA", "--limit", "20"},
  };
  for (const auto& argv : commands) {
    const Run r = run(argv, dir, {}, "query");
    CAPTURE(argv[1]);
    CAPTURE(r.err);
    CHECK((r.exit.code == 0 || r.exit.code == 1));
    // Nothing on stderr but, before the first batch is in, a line saying nothing was found.
    if (r.exit.code == 0) CHECK(r.err.empty());
    else if (!r.err.empty())
      CHECK((r.err.starts_with("no ") && std::count(r.err.begin(), r.err.end(), '\n') == 1));
    if (argv[1] != "stats") continue;
    const long long sources = stat(r.out, "sources"), sentences = stat(r.out, "sentences");
    CAPTURE(r.out);
    REQUIRE(sources >= 0);
    REQUIRE(sources < (long long)corpus.sentences_before.size());
    CHECK(sentences == corpus.sentences_before[sources]);
  }
}

bool running(pid_t pid, Exit& exit) {
  int status = 0;
  if (::waitpid(pid, &status, WNOHANG) != pid) return true;
  if (WIFEXITED(status)) exit.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) exit.signal = WTERMSIG(status);
  return false;
}

bool busy_message(const std::string& err) {
  return err.find("busy") != std::string::npos || err.find("locked") != std::string::npos ||
         err.find("another process") != std::string::npos;
}

}  // namespace

TEST_CASE("concurrency: queries during an import see no errors and only whole sources") {
  TempDir dir;
  const Corpus corpus(dir.path, "articles", 3000);
  const fs::path live = dir.path / "live.db";
  // The knowledge base exists before the import, as one built over weeks does.
  annals::Database::open(live, annals::OpenMode::read_write);
  const pid_t pid = spawn(import_argv(live, corpus.articles), dir.path / "import.out", dir.path / "import.err");
  Exit exit;
  int rounds = 0, partial = 0;
  std::size_t most = 0;
  while (running(pid, exit)) {
    ++rounds;
    CAPTURE(rounds);
    CHECK(query_api(live, corpus.counts) == "");
    SQLite::Database sql(live.string(), SQLite::OPEN_READONLY);
    sql.setBusyTimeout(5000);
    const std::size_t seen = check_sources_complete(source_counts(sql), corpus.counts);
    CHECK(seen >= most);  // a reader never sees sources disappear
    most = std::max(most, seen);
    partial += seen > 0 && seen < corpus.counts.size();
    query_cli(live, dir.path, corpus);
  }
  INFO(read_file(dir.path / "import.err"));
  CHECK(exit.code == 0);
  MESSAGE(rounds << " rounds of queries during the import, " << partial << " of them mid-import");
  CHECK(partial >= 2);
  SQLite::Database sql(live.string(), SQLite::OPEN_READONLY);
  check_intact(sql);
  CHECK(source_counts(sql) == corpus.counts);
}

TEST_CASE("concurrency: two imports started at once both finish, or one says the database is busy") {
  TempDir dir;
  const Corpus corpus(dir.path, "articles", 600);
  const fs::path shared = dir.path / "shared.db";
  const std::vector<pid_t> pids = {
      spawn(import_argv(shared, corpus.articles), dir.path / "a.out", dir.path / "a.err"),
      spawn(import_argv(shared, corpus.articles), dir.path / "b.out", dir.path / "b.err"),
  };
  int finished = 0;
  for (std::size_t i = 0; i < pids.size(); ++i) {
    const Exit exit = wait_for(pids[i]);
    const std::string err = read_file(dir.path / (i == 0 ? "a.err" : "b.err"));
    CAPTURE(i);
    CAPTURE(err);
    CHECK(exit.signal == 0);
    if (exit.code == 0) ++finished;
    else CHECK((exit.code == 2 && busy_message(err)));
  }
  CHECK(finished >= 1);
  MESSAGE(finished << " of 2 imports finished");
  SQLite::Database got(shared.string(), SQLite::OPEN_READONLY);
  check_intact(got);
  CHECK(source_counts(got) == corpus.counts);
  SQLite::Database want(corpus.reference.string(), SQLite::OPEN_READONLY);
  check_same_contents(CanonicalDump(got), CanonicalDump(want));
}
