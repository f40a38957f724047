// annals import: article files into a knowledge base.

#include "annals/database.h"
#include "annals/import.h"
#include "cli.h"
#include "query_commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace annals::cli {
namespace {

const char* outcome_word(ImportOutcome o) {
  switch (o) {
    case ImportOutcome::imported: return "imported";
    case ImportOutcome::replaced: return "replaced";
    case ImportOutcome::unchanged: return "unchanged";
    case ImportOutcome::failed: break;
  }
  return "FAILED";
}

// Rows of the per-file table: beyond them the summary would not fit a screen.
constexpr std::size_t kListed = 20;

void print_table(const ImportReport& r) {
  std::size_t listed = 0;
  for (const auto& f : r.files) {
    if (f.outcome == ImportOutcome::failed || listed == kListed) continue;
    if (listed++ == 0)
      fmt::print(stderr, "\n{:<40} {:>9} {:>9} {:>7} {:>7}\n", "file", "outcome", "sentences", "events", "persons");
    fmt::print(stderr, "{:<40} {:>9} {:>9} {:>7} {:>7}{}\n", f.file, outcome_word(f.outcome), f.sentences,
               f.events, f.persons, f.outcome == ImportOutcome::unchanged ? "  (" + f.message + ")" : "");
  }
  const std::size_t rest = r.total() - r.count(ImportOutcome::failed) - listed;
  if (rest) fmt::print(stderr, "... and {} more\n", rest);
}

void print_summary(const ImportReport& r) {
  print_table(r);
  const double mb = double(r.bytes) / 1e6;
  fmt::print(stderr, "\n{} files: {} imported, {} replaced, {} unchanged, {} failed; {:.2f} MB in {:.2f} s ({:.1f} MB/s)\n",
             r.total(), r.count(ImportOutcome::imported), r.count(ImportOutcome::replaced),
             r.count(ImportOutcome::unchanged), r.count(ImportOutcome::failed), mb, r.seconds,
             r.seconds > 0 ? mb / r.seconds : 0.0);
}

// One line per failed file; after a database-wide error the files not even
// tried get one line between them, not thousands.
void print_failures(const ImportReport& r) {
  std::size_t skipped = 0;
  std::string why;  // the database-wide error that stopped the import
  for (const auto& f : r.files) {
    if (f.outcome != ImportOutcome::failed) continue;
    if (f.message.starts_with("not imported: ")) {
      ++skipped;
      if (why.empty()) why = f.message.substr(14);
    } else {
      fmt::print(stderr, "annals import: {}: {}\n", f.path, f.message);
    }
  }
  // A batch rolled back by a full disk has no file to blame: say why once.
  if (skipped) fmt::print(stderr, "annals import: stopped: {}\nannals import: {} file(s) not imported\n", why, skipped);
}

}  // namespace

int run_import(const Args& args) {
  if (args.positional.empty()) throw UsageError{"name at least one file or folder to import"};
  std::vector<std::filesystem::path> paths(args.positional.begin(), args.positional.end());
  const bool quiet = args.flag("quiet");
  auto db = Database::open(args.db(), OpenMode::read_write);
  ImportOptions options;
  // More threads than cores only queue; more megabytes than this would overflow.
  options.threads = static_cast<unsigned>(std::min<std::size_t>(count_option(args, "threads", 0), 256));
  options.batch_articles = count_option(args, "batch", options.batch_articles);
  if (args.flag("keep-indexes")) options.query_indexes = ImportOptions::QueryIndexes::kept;
  options.listed = kListed;  // the summary shows no more; the counts cover the rest
  options.max_file_bytes = std::uintmax_t(std::min<std::size_t>(count_option(args, "max-file-mb", options.max_file_bytes >> 20), 1u << 20)) << 20;
  if (!quiet && ::isatty(STDERR_FILENO)) {
    // A few updates a second: printing one per file would slow a big import.
    options.on_progress = [shown = -1.0](const ImportProgress& p) mutable {
      if (p.files_done < p.files_total && p.seconds - shown < 0.1) return;
      shown = p.seconds;
      const double mbps = p.seconds > 0 ? double(p.bytes_done) / 1e6 / p.seconds : 0.0;
      fmt::print(stderr, "\r{}/{} files, {:.1f} MB/s, {} errors", p.files_done, p.files_total, mbps, p.errors);
      std::fflush(stderr);
    };
  }
  const ImportReport report = import_paths(db, paths, options);
  if (options.on_progress) fmt::print(stderr, "\n");
  print_failures(report);
  for (const auto& w : report.warnings) fmt::print(stderr, "annals import: warning: {}\n", w);
  if (!quiet) print_summary(report);
  return report.ok() ? kFound : kFailure;
}

}  // namespace annals::cli
