#include "query/rank.h"

#include "annals/error.h"


#include <cmath>
#include <memory>
#include <vector>

namespace annals::query {
namespace {

// FTS5's bm25() constants.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// What one run of a MATCH statement shares between its rows (FTS5 aux data).
struct QueryData {
  double average_tokens = 0;
  std::vector<double> idf;
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* rows) {
  ++*static_cast<std::int64_t*>(rows);
  return SQLITE_OK;
}

std::string text_of(sqlite3_value* v) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_value_bytes(v))) : std::string();
}

// The IDF of each phrase, as bm25() computes it, from the kept row counts.
int query_data(const Fts5ExtensionApi* api, Fts5Context* fts, DocCounts& counts, int nargs, sqlite3_value** args,
               QueryData*& out) {
  out = static_cast<QueryData*>(api->xGetAuxdata(fts, 0));
  if (out) return SQLITE_OK;
  auto data = std::make_unique<QueryData>();
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  data->average_tokens = rows > 0 ? double(tokens) / double(rows) : 0.0;
  const int phrases = api->xPhraseCount(fts);
  for (int i = 0; i < phrases; ++i) {
    const std::string key = i < nargs ? text_of(args[i]) : std::string();
    auto found = key.empty() ? counts.rows.end() : counts.rows.find(key);
    std::int64_t hits = 0;
    if (found != counts.rows.end()) {
      hits = found->second;
    } else {
      rc = api->xQueryPhrase(fts, i, &hits, count_row);
      if (rc != SQLITE_OK) return rc;
      if (!key.empty()) counts.rows.emplace(key, hits);
    }
    double idf = std::log((double(rows) - double(hits) + 0.5) / (double(hits) + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    data->idf.push_back(idf);
  }
  // On failure xSetAuxdata frees the data itself: `out` is set only on success.
  QueryData* kept = data.get();
  rc = api->xSetAuxdata(fts, data.release(), [](void* p) { delete static_cast<QueryData*>(p); });
  if (rc == SQLITE_OK) out = kept;
  return rc;
}

void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int nargs, sqlite3_value** args) {
  auto& counts = *static_cast<DocCounts*>(api->xUserData(fts));
  QueryData* data = nullptr;
  int rc = query_data(api, fts, counts, nargs, args, data);
  std::vector<double> frequency(rc == SQLITE_OK ? data->idf.size() : 0, 0.0);
  int instances = 0;
  if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK && phrase >= 0 && std::size_t(phrase) < frequency.size()) frequency[std::size_t(phrase)] += 1.0;
  }
  int tokens = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double score = 0;
  const double length = data->average_tokens > 0 ? double(tokens) / data->average_tokens : 1.0;
  for (std::size_t i = 0; i < frequency.size(); ++i)
    score += data->idf[i] * (frequency[i] * (kK1 + 1.0)) / (frequency[i] + kK1 * (1.0 - kB + kB * length));
  sqlite3_result_double(ctx, -score);
}

}  // namespace

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

void register_rank(SQLite::Database& db, DocCounts& counts) {
  fts5_api* api = fts5_of(db.getHandle());
  if (!api || api->xCreateFunction(api, "annals_bm25", &counts, rank, nullptr) != SQLITE_OK)
    throw Error(db.getFilename(), "cannot register the search ranking with FTS5");
}

void refresh(SQLite::Database& db, DocCounts& counts) {
  const auto version = db.execAndGet("PRAGMA data_version").getInt64();
  const auto changes = static_cast<std::int64_t>(sqlite3_total_changes64(db.getHandle()));
  if (version != counts.data_version || changes != counts.changes) counts.rows.clear();
  counts.data_version = version;
  counts.changes = changes;
}

}  // namespace annals::query
