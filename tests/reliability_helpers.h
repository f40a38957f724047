#pragma once
// Shared by crash_test.cc and concurrency_test.cc: child processes of the
// built binaries, a generated corpus, and checks of a knowledge base that read
// only SQLite's own view of the file (integrity, foreign keys, row counts per
// source and a canonical dump), never the importer's internals.

#include "temp_dir.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace annals::rely {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct TempDir : test::TempDir {
  TempDir() : test::TempDir("annals-rely") {}
};

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// How a child ended: exit code, or the signal that killed it.
struct Exit {
  int code = -1;
  int signal = 0;
  bool timed_out = false;
};

struct Limits {
  std::optional<rlim_t> file_size = std::nullopt;  // RLIMIT_FSIZE in bytes
};

// Starts `argv` with stdout and stderr sent to `out` and `err`. With a file
// size limit the child ignores SIGXFSZ, so an oversized write fails with EFBIG
// as it would on a full disk instead of killing the process.
inline pid_t spawn(const std::vector<std::string>& argv, const fs::path& out, const fs::path& err,
                   const Limits& limits = {}) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const std::string out_s = out.string(), err_s = err.string();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {  // only async-signal-safe calls until exec
    const int o = ::open(out_s.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err_s.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (o < 0 || e < 0) ::_exit(126);
    ::dup2(o, 1);
    ::dup2(e, 2);
    if (limits.file_size) {
      ::signal(SIGXFSZ, SIG_IGN);
      const rlimit lim{*limits.file_size, *limits.file_size};
      if (::setrlimit(RLIMIT_FSIZE, &lim) != 0) ::_exit(126);
    }
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

// Waits for `pid`; past `timeout` the child is killed and timed_out is set.
inline Exit wait_for(pid_t pid, std::chrono::seconds timeout = std::chrono::seconds(600)) {
  const auto deadline = Clock::now() + timeout;
  Exit exit;
  int status = 0;
  for (;;) {
    const pid_t got = ::waitpid(pid, &status, WNOHANG);
    if (got == pid) break;
    if (got < 0) return exit;
    if (Clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      exit.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (WIFEXITED(status)) exit.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) exit.signal = WTERMSIG(status);
  return exit;
}

struct Run {
  Exit exit;
  std::string out, err;
  double seconds = 0;
};

// Runs `argv` to the end in `dir` (for the output files) and returns what it printed.
inline Run run(const std::vector<std::string>& argv, const fs::path& dir, const Limits& limits = {},
               const std::string& tag = "run") {
  const auto start = Clock::now();
  const fs::path out = dir / (tag + ".out"), err = dir / (tag + ".err");
  Run r;
  r.exit = wait_for(spawn(argv, out, err, limits));
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

// Batches of 256 (the default is 1,024): a corpus of a few thousand articles
// then commits several, so kills and readers meet it between batches.
inline std::vector<std::string> import_argv(const fs::path& db, const fs::path& corpus) {
  return {ANNALS_CLI, "import", "--db", db.string(), "--batch", "256", "--quiet", corpus.string()};
}

// `articles` generated articles (no gold) in `dir`, the same every time for one seed.
inline void generate(const fs::path& dir, int articles, int seed) {
  REQUIRE_MESSAGE(fs::exists(ANNALS_GEN), "build the annals_gen target first");
  REQUIRE_MESSAGE(fs::exists(ANNALS_CLI), "build the annals_cli target first");
  const fs::path gold = dir.parent_path() / (dir.filename().string() + "-gold");
  const Run r = run({ANNALS_GEN, "--articles", std::to_string(articles), "--seed", std::to_string(seed),
                     "--out", dir.string(), "--gold", gold.string(), "--quiet"},
                    dir.parent_path(), {}, "gen");
  INFO(r.err);
  REQUIRE(r.exit.code == 0);
  fs::remove_all(gold);
}

// Copies the database with its WAL (not the -shm index, which SQLite rebuilds)
// to `to`, so checking it can neither change the original nor take its locks.
inline void copy_database(const fs::path& from, const fs::path& to) {
  fs::remove(to);
  fs::remove(to.string() + "-wal");
  fs::remove(to.string() + "-shm");
  fs::copy_file(from, to);
  if (fs::exists(from.string() + "-wal")) fs::copy_file(from.string() + "-wal", to.string() + "-wal");
}

inline std::vector<std::string> column_strings(SQLite::Database& db, const std::string& sql) {
  std::vector<std::string> out;
  SQLite::Statement st(db, sql);
  while (st.executeStep()) {
    std::string row;
    for (int i = 0; i < st.getColumnCount(); ++i) row += (i ? "|" : "") + st.getColumn(i).getString();
    out.push_back(row);
  }
  return out;
}

// SQLite's own checks of the file and of its references.
inline void check_intact(SQLite::Database& db) {
  CHECK(column_strings(db, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
  CHECK(column_strings(db, "PRAGMA foreign_key_check").empty());
}

// check_intact on a copy made at `scratch`, and the full-text index against
// the sentences it indexes (a check that needs a writable connection).
inline void check_intact_copy(const fs::path& file, const fs::path& scratch) {
  copy_database(file, scratch);
  SQLite::Database db(scratch.string(), SQLite::OPEN_READWRITE);
  check_intact(db);
  // With rank 1 FTS5 also compares its index with the content table.
  CHECK_NOTHROW(db.exec("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)"));
}

// The tables the importer fills: every real table but FTS5's own.
inline std::vector<std::string> data_tables(SQLite::Database& db) {
  const auto virtuals = column_strings(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'");
  std::vector<std::string> out;
  for (const auto& t : column_strings(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                          "name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")) {
    const bool shadow = std::any_of(virtuals.begin(), virtuals.end(), [&](const std::string& v) { return t.starts_with(v + "_"); });
    if (!shadow) out.push_back(t);
  }
  return out;
}

struct Fk {
  std::string column, table;
};

inline std::vector<Fk> foreign_keys(SQLite::Database& db, const std::string& table) {
  std::vector<Fk> out;
  SQLite::Statement st(db, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)");
  st.bind(1, table);
  while (st.executeStep()) out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString()});
  return out;
}

// Per current source file, a line of row counts: for every table with a
// source_id column, its rows of that source and, for each of its other
// references, the rows using it ("evidence.event_id=7"). Read in one
// transaction, so a writer running meanwhile is seen at one commit.
using SourceCounts = std::map<std::string, std::string>;

inline SourceCounts source_counts(SQLite::Database& db) {
  SourceCounts out;
  db.exec("BEGIN");
  for (const auto& f : column_strings(db, "SELECT file FROM sources WHERE replaced_by IS NULL")) out[f];
  for (const auto& table : data_tables(db)) {
    if (table == "sources") continue;
    const auto fks = foreign_keys(db, table);
    if (std::none_of(fks.begin(), fks.end(), [](const Fk& k) { return k.column == "source_id"; })) continue;
    std::string select = "count(*)";
    std::vector<std::string> labels = {table};
    for (const auto& k : fks) {
      if (k.column == "source_id") continue;
      select += ", count(t.\"" + k.column + "\")";
      labels.push_back(table + "." + k.column);
    }
    SQLite::Statement st(db, "SELECT s.file, " + select + " FROM \"" + table + "\" t JOIN sources s USING (source_id) "
                             "WHERE s.replaced_by IS NULL GROUP BY s.file");
    while (st.executeStep()) {
      std::string& line = out[st.getColumn(0).getString()];
      for (std::size_t i = 0; i < labels.size(); ++i)
        line += labels[i] + "=" + st.getColumn(int(i) + 1).getString() + " ";
    }
  }
  db.exec("COMMIT");
  return out;
}

// Every source in `got` has exactly the rows the reference has for it.
// Returns how many sources were compared.
inline std::size_t check_sources_complete(const SourceCounts& got, const SourceCounts& reference) {
  std::size_t mismatches = 0;
  // No structured bindings: CAPTURE makes a lambda, and clang 14 refuses to capture them.
  for (const auto& entry : got) {
    const std::string& file = entry.first;
    const std::string& counts = entry.second;
    const auto it = reference.find(file);
    if (it != reference.end() && it->second == counts) continue;
    if (++mismatches > 3) continue;  // a few are enough to see what went wrong
    CAPTURE(file);
    CAPTURE(counts);
    CHECK(it != reference.end());
    if (it != reference.end()) CHECK(it->second == counts);
  }
  CHECK(mismatches == 0);
  return got.size();
}

// The contents of a knowledge base without row ids and import times: per
// table, its rows as text, sorted, a reference to another row replaced by a
// digest of that row's own canonical text (so ids never matter).
class CanonicalDump {
 public:
  explicit CanonicalDump(SQLite::Database& db) : db_(db) {
    for (const auto& t : data_tables(db_)) load(t);
    for (auto& [name, table] : tables_) {
      auto& rows = dump_[name];
      for (std::size_t i = 0; i < table.rows.size(); ++i) rows.push_back(text(name, i));
      std::sort(rows.begin(), rows.end());
    }
  }
  const std::map<std::string, std::vector<std::string>>& tables() const { return dump_; }

 private:
  struct Table {
    std::vector<std::string> columns;
    int id_column = -1;                   // the INTEGER PRIMARY KEY, if any
    std::map<int, std::string> refs;      // column -> table it references
    std::vector<std::vector<std::optional<std::string>>> rows;
    std::map<std::string, std::size_t> by_id;
    std::map<std::size_t, std::string> digest;
  };

  void load(const std::string& name) {
    Table& t = tables_[name];
    SQLite::Statement info(db_, "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid");
    info.bind(1, name);
    int pks = 0;
    while (info.executeStep()) {
      if (info.getColumn(2).getInt() > 0) {
        ++pks;
        if (info.getColumn(1).getString() == "INTEGER") t.id_column = int(t.columns.size());
      }
      t.columns.push_back(info.getColumn(0).getString());
    }
    if (pks != 1) t.id_column = -1;  // a composite key is data, not an id
    for (const auto& k : foreign_keys(db_, name))
      for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c] == k.column) t.refs[int(c)] = k.table;
    SQLite::Statement st(db_, "SELECT * FROM \"" + name + "\"");
    while (st.executeStep()) {
      std::vector<std::optional<std::string>> row;
      for (int c = 0; c < st.getColumnCount(); ++c)
        row.push_back(st.getColumn(c).isNull() ? std::nullopt : std::optional(st.getColumn(c).getString()));
      if (t.id_column >= 0) t.by_id[*row[t.id_column]] = t.rows.size();
      t.rows.push_back(std::move(row));
    }
  }

  std::string text(const std::string& name, std::size_t i) {
    const Table& t = tables_.at(name);
    std::string out;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (int(c) == t.id_column || t.columns[c] == "imported_at") continue;
      const auto& v = t.rows[i][c];
      out += t.columns[c] + "=";
      const auto ref = t.refs.find(int(c));
      if (!v) out += "NULL";
      else if (ref == t.refs.end()) out += *v;
      else out += ref_digest(ref->second, *v);
      out += '\x1f';
    }
    return out;
  }

  // Chains (sources.replaced_by, countries.successor_id) are followed to their
  // end; a loop, which the schema does not forbid, is marked where it closes.
  std::string ref_digest(const std::string& table, const std::string& id) {
    const auto t = tables_.find(table);
    if (t == tables_.end()) return "->" + table;
    const auto row = t->second.by_id.find(id);
    if (row == t->second.by_id.end()) return "->" + table + ":dangling";
    auto& memo = t->second.digest;
    if (const auto m = memo.find(row->second); m != memo.end()) return m->second;
    const auto key = std::make_pair(table, row->second);
    if (!open_.insert(key).second) return "->" + table + ":loop";
    std::ostringstream s;
    s << "->" << table << ":" << std::hex << std::hash<std::string>{}(text(table, row->second));
    open_.erase(key);
    return memo[row->second] = s.str();
  }

  SQLite::Database& db_;
  std::map<std::string, Table> tables_;
  std::map<std::string, std::vector<std::string>> dump_;
  std::set<std::pair<std::string, std::size_t>> open_;  // rows being digested
};

// Compares two dumps table by table, showing a few rows only one side has.
inline void check_same_contents(const CanonicalDump& got, const CanonicalDump& want) {
  for (const auto& entry : want.tables()) {
    const std::string& table = entry.first;
    const std::vector<std::string>& rows = entry.second;
    CAPTURE(table);
    const auto it = got.tables().find(table);
    REQUIRE(it != got.tables().end());
    if (it->second == rows) continue;
    std::vector<std::string> missing, extra;
    std::set_difference(rows.begin(), rows.end(), it->second.begin(), it->second.end(), std::back_inserter(missing));
    std::set_difference(it->second.begin(), it->second.end(), rows.begin(), rows.end(), std::back_inserter(extra));
    CAPTURE(rows.size());
    CAPTURE(it->second.size());
    CAPTURE(missing.empty() ? std::string() : missing.front().substr(0, 400));
    CAPTURE(extra.empty() ? std::string() : extra.front().substr(0, 400));
    CHECK(it->second == rows);
  }
  CHECK(got.tables().size() == want.tables().size());
}

}  // namespace annals::rely
