// Crash safety of `annals import`, run as a user runs it: the CLI in a child
// process, killed with SIGKILL at random moments or stopped by a file size
// limit, then checked through SQLite and resumed. A source that exists must
// be whole, and the resumed import must end where an uninterrupted one does.

#include "reliability_helpers.h"

#include <random>

namespace fs = std::filesystem;
using namespace annals::rely;

namespace {

// Big enough for several batches, small enough for a test: about 7 s to
// import on a 2-core machine.
constexpr int kArticles = 2000;
constexpr int kSeed = 4242;

// A generated corpus and its uninterrupted import, the reference every
// interrupted import is held to.
struct CrashFixture {
  TempDir dir;
  fs::path articles = dir.path / "articles";
  fs::path reference = dir.path / "reference.db";
  fs::path scratch = dir.path / "check.db";
  double import_seconds = 0;
  SourceCounts reference_counts;

  CrashFixture() {
    generate(articles, kArticles, kSeed);
    const Run r = run(import_argv(reference, articles), dir.path, {}, "reference");
    INFO(r.err);
    REQUIRE(r.exit.code == 0);
    import_seconds = r.seconds;
    SQLite::Database db(reference.string(), SQLite::OPEN_READONLY);
    reference_counts = source_counts(db);
    REQUIRE(reference_counts.size() == std::size_t(kArticles));
  }

  // Checks a copy of `file` (the original is left as the crash left it, for
  // the next run to recover) and returns how many sources it holds.
  std::size_t check_partial(const fs::path& file) {
    if (!fs::exists(file)) return 0;
    check_intact_copy(file, scratch);
    SQLite::Database db(scratch.string(), SQLite::OPEN_READONLY);
    return check_sources_complete(source_counts(db), reference_counts);
  }

  // The import finished: same counts and same contents as the reference.
  void check_finished(const fs::path& file) {
    check_intact_copy(file, scratch);
    SQLite::Database got(scratch.string(), SQLite::OPEN_READONLY);
    CHECK(source_counts(got) == reference_counts);
    SQLite::Database want(reference.string(), SQLite::OPEN_READONLY);
    check_same_contents(CanonicalDump(got), CanonicalDump(want));
    // A kill while the query indexes were set aside (an import of this size
    // sets them aside) left them to the next run, which built them.
    const char* const indexes = "SELECT group_concat(name || ': ' || sql, '\n') FROM "
                                "(SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name)";
    CHECK(got.execAndGet(indexes).getString() == want.execAndGet(indexes).getString());
    CHECK(got.execAndGet("SELECT count(*) FROM deferred_indexes").getInt() == 0);
  }
};

std::string describe(int round, double delay, const Exit& exit, std::size_t sources) {
  std::ostringstream s;
  s << "run " << round << ": " << (exit.signal == SIGKILL ? "killed" : "finished before the kill") << " at "
    << delay << " s, " << sources << " whole sources\n";
  return s.str();
}

}  // namespace

TEST_CASE_FIXTURE(CrashFixture, "crash: an import killed at random moments leaves only whole sources, and resuming ends as an uninterrupted import") {
  const fs::path db = dir.path / "killed.db";
  std::mt19937_64 rng(kSeed);
  // Each run resumes the last; five kills of up to 30% of a full import's time
  // land from the creation of the file to near the end of the corpus.
  std::uniform_real_distribution<double> share(0.02, 0.30);
  int killed = 0, partial = 0;
  std::string log;
  for (int round = 0; round < 5; ++round) {
    const double delay = share(rng) * import_seconds;
    const pid_t pid = spawn(import_argv(db, articles), dir.path / "killed.out", dir.path / "killed.err");
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    ::kill(pid, SIGKILL);
    const Exit exit = wait_for(pid);
    CAPTURE(round);
    CAPTURE(read_file(dir.path / "killed.err"));
    // A run that finished before its kill must have succeeded.
    CHECK((exit.signal == SIGKILL || exit.code == 0));
    killed += exit.signal == SIGKILL;
    const std::size_t sources = check_partial(db);
    partial += sources > 0 && sources < std::size_t(kArticles);
    log += describe(round, delay, exit, sources);
  }
  MESSAGE(log);
  CHECK(killed >= 3);
  CHECK(partial >= 1);
  const Run resumed = run(import_argv(db, articles), dir.path, {}, "resumed");
  INFO(resumed.err);
  REQUIRE(resumed.exit.code == 0);
  check_finished(db);
}

TEST_CASE_FIXTURE(CrashFixture, "crash: a full disk ends the import with an error naming the database, which stays whole") {
  const fs::path db = dir.path / "full.db";
  // A third of the finished database: the limit is met mid-import, by the
  // database or by its write-ahead log, whichever grows past it first.
  const auto limit = rlim_t(fs::file_size(reference) / 3);
  const Run full = run(import_argv(db, articles), dir.path, Limits{limit}, "full");
  CAPTURE(full.err);
  CHECK(full.exit.signal == 0);
  CHECK(full.exit.code == 2);
  CHECK(full.err.find(db.string()) != std::string::npos);
  // Only the failure and a line for the files not tried after it.
  CHECK(std::count(full.err.begin(), full.err.end(), '\n') <= 3);
  const std::size_t sources = check_partial(db);
  MESSAGE("file size limit " << limit << " bytes: " << sources << " of " << kArticles
                             << " sources kept; stderr: " << full.err);
  CHECK(sources < std::size_t(kArticles));
  const Run again = run(import_argv(db, articles), dir.path, {}, "again");
  INFO(again.err);
  REQUIRE(again.exit.code == 0);
  check_finished(db);
}
