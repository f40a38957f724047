// evidence(): where the sources state a fact, with the text around it.

#include "annals/error.h"
#include "annals/query.h"
#include "query/cache.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace annals {
namespace {

constexpr std::array<std::string_view, 6> kKinds = {"event", "relation", "position",
                                                     "person", "organization", "country"};

// The evidence statement per kind; each WHERE names the column of its partial
// index. The stated words are cut from the sentence, which holds them, rather
// than from the whole body.
std::string evidence_sql(FactKind kind) {
  return "SELECT v.evidence_id, v.source_id, s.file, v.sentence_id, t.seq, t.text, t.body_begin, "
         "t.raw_begin, v.body_begin, v.body_end, "
         "CAST(substr(CAST(t.text AS BLOB), v.body_begin - t.body_begin + 1, v.body_end - v.body_begin) AS TEXT), "
         "(SELECT b.text FROM sentences b WHERE b.source_id = t.source_id AND b.seq = t.seq - 1), "
         "(SELECT a.text FROM sentences a WHERE a.source_id = t.source_id AND a.seq = t.seq + 1) "
         "FROM evidence v JOIN sources s ON s.source_id = v.source_id "
         "JOIN sentences t ON t.sentence_id = v.sentence_id WHERE v." +
         std::string(kKinds[static_cast<std::size_t>(kind)]) +
         "_id = ? AND s.replaced_by IS NULL ORDER BY s.file, v.body_begin, v.evidence_id";
}

// Body offset `pos` of `source` in the raw file, through source_segments; a
// source stored without segments falls back to the sentence's own offset.
std::size_t raw_offset(SQLite::Statement& st, std::int64_t source, std::size_t pos, std::size_t fallback) {
  st.reset();
  st.bind(1, source);
  st.bind(2, static_cast<std::int64_t>(pos));
  if (!st.executeStep()) return fallback;
  const auto body_begin = static_cast<std::size_t>(st.getColumn(0).getInt64());
  const auto raw_begin = static_cast<std::size_t>(st.getColumn(1).getInt64());
  const auto length = static_cast<std::size_t>(st.getColumn(2).getInt64());
  return raw_begin + std::min(pos - body_begin, length);
}

std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

}  // namespace

std::string_view to_string(FactKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

FactRef parse_fact_ref(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos)
    throw Error(std::string(text), "expected KIND:ID, e.g. event:12");
  const std::string_view kind = text.substr(0, colon), id = text.substr(colon + 1);
  FactRef ref;
  std::size_t k = 0;
  while (k < kKinds.size() && kKinds[k] != kind) ++k;
  if (k == kKinds.size())
    throw Error(std::string(text), "unknown fact kind (event, relation, position, person, organization, country)");
  ref.kind = static_cast<FactKind>(k);
  const auto [p, ec] = std::from_chars(id.data(), id.data() + id.size(), ref.id);
  if (ec != std::errc() || p != id.data() + id.size() || ref.id <= 0)
    throw Error(std::string(text), "the id must be a positive integer");
  return ref;
}

std::vector<EvidenceRecord> evidence(const Database& database, const FactRef& fact) {
  auto& cache = query::read_cache(database);
  auto lease = cache.statement(evidence_sql(fact.kind));
  auto& st = *lease;
  st.bind(1, fact.id);
  auto segment = cache.statement(
      "SELECT body_begin, raw_begin, length FROM source_segments WHERE source_id = ? AND body_begin <= ? "
      "ORDER BY body_begin DESC LIMIT 1");
  std::vector<EvidenceRecord> out;
  while (st.executeStep()) {
    EvidenceRecord r;
    r.evidence_id = st.getColumn(0).getInt64();
    r.source_id = st.getColumn(1).getInt64();
    r.file = st.getColumn(2).getString();
    r.sentence_id = st.getColumn(3).getInt64();
    r.seq = st.getColumn(4).getInt64();
    r.sentence = st.getColumn(5).getString();
    const auto sentence_body = static_cast<std::size_t>(st.getColumn(6).getInt64());
    const auto sentence_raw = static_cast<std::size_t>(st.getColumn(7).getInt64());
    r.body_begin = static_cast<std::size_t>(st.getColumn(8).getInt64());
    r.body_end = static_cast<std::size_t>(st.getColumn(9).getInt64());
    r.stated = text_or_empty(st.getColumn(10));
    r.before = text_or_empty(st.getColumn(11));
    r.after = text_or_empty(st.getColumn(12));
    // The span as offsets into the sentence, clamped to it in case a span
    // strays past the sentence's end.
    r.sentence_begin = std::min(r.body_begin - std::min(r.body_begin, sentence_body), r.sentence.size());
    r.sentence_end = std::min(std::max(r.body_end, sentence_body) - sentence_body, r.sentence.size());
    r.raw_begin = raw_offset(*segment, r.source_id, r.body_begin, sentence_raw + r.sentence_begin);
    // The end maps through its last byte, so a span ending where a segment
    // ends does not jump over the removed text that follows.
    r.raw_end = r.body_end > r.body_begin ? raw_offset(*segment, r.source_id, r.body_end - 1,
                                                       sentence_raw + std::max<std::size_t>(r.sentence_end, 1) - 1) + 1
                                          : r.raw_begin;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace annals
