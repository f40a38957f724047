#include "store/writer.h"

#include "store/bulk_insert.h"

#include "annals/error.h"
#include "text/text.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace annals {
namespace {

std::optional<std::string> day_or_null(const std::optional<FuzzyDate>& d) {
  if (!d || d->precision == Precision::unknown) return std::nullopt;
  return to_iso_day(d->day);
}

void bind_optional(SQLite::Statement& st, int index, const std::optional<std::string>& v) {
  if (v) st.bind(index, *v);
  else st.bind(index);
}

void bind_id(SQLite::Statement& st, int index, std::int64_t id) {
  if (id) st.bind(index, id);
  else st.bind(index);
}

std::optional<std::string> stated(const std::optional<Stated>& s) {
  if (!s) return std::nullopt;
  return s->value;
}
std::optional<std::string> stated_from(const std::optional<Stated>& s) {
  if (!s) return std::nullopt;
  return s->from;
}

// A name form that may identify a person across articles: two tokens or more.
bool identifying(const std::string& folded) { return folded.find(' ') != std::string::npos; }

// [first, last] day of an event, as ISO text.
std::pair<std::string, std::string> period(const Event& e) {
  const FuzzyDate& end = e.end ? *e.end : *e.start;
  return {to_iso_day(e.start->day), to_iso_day(end.last_day())};
}

}  // namespace

Writer::Writer(SQLite::Database& db)
    : db_(db),
      sql_(db),
      evidence_(sql_,
                "INSERT INTO evidence (source_id, sentence_id, body_begin, body_end, event_id, relation_id, "
                "position_id, person_id, organization_id, country_id)",
                10),
      sentence_rows_(sql_,
                     "INSERT INTO sentences (sentence_id, source_id, seq, body_begin, body_end, raw_begin, raw_end, "
                     "text)",
                     8),
      participant_rows_(sql_,
                        "INSERT OR IGNORE INTO event_participants (event_id, role, country_id, person_id, "
                        "organization_id)",
                        5),
      event_country_rows_(sql_, "INSERT OR IGNORE INTO event_countries (country_id, event_id, start_date, type)", 4),
      event_pair_rows_(sql_, "INSERT OR IGNORE INTO event_pairs (event_id, country_a_id, country_b_id, start_date)",
                       4) {
  SQLite::Statement st(db_, "SELECT code, country_id FROM countries");
  while (st.executeStep()) country_ids_.emplace(st.getColumn(0).getString(), st.getColumn(1).getInt64());
}

std::int64_t Writer::country_id(const std::string& code) {
  auto it = country_ids_.find(code);
  if (it == country_ids_.end()) throw Error(code, "unknown country code");
  return it->second;
}

namespace {

constexpr const char* kCurrentVersion = "SELECT source_id, version FROM sources WHERE file = ? AND replaced_by IS NULL";

constexpr const char* kStoredAs =
    "SELECT file, version FROM sources WHERE sha256 = ? AND replaced_by IS NULL "
    "ORDER BY file = ? DESC LIMIT 1";

std::optional<std::string> read_stored_as(SQLite::Statement& st, const std::string& file,
                                          const std::string& sha256) {
  st.bind(1, sha256);
  st.bind(2, file);
  if (!st.executeStep()) return std::nullopt;
  const std::string stored = st.getColumn(0).getString();
  const int version = st.getColumn(1).getInt();
  return version > 1 ? fmt::format("{} (version {})", stored, version) : stored;
}

}  // namespace

StoredAs::StoredAs(SQLite::Database& db) : st_(db, kStoredAs) {}

std::optional<std::string> StoredAs::operator()(const std::string& file, const std::string& sha256) {
  // Reset whatever happens, so no read snapshot stays open between look-ups.
  struct Reset {
    SQLite::Statement& st;
    ~Reset() { st.tryReset(); }
  } reset{st_};
  return read_stored_as(st_, file, sha256);
}

std::optional<std::string> Writer::already_stored(const std::string& file, const std::string& sha256) {
  const ResetOnExit release(sql_);
  return read_stored_as(sql_(kStoredAs), file, sha256);
}

bool Writer::replaces(const std::string& file) {
  const ResetOnExit release(sql_);
  auto& st = sql_(kCurrentVersion);
  st.bind(1, file);
  return st.executeStep();
}

Writer::Written Writer::write(const Doc& doc, const std::string& sha256) {
  const ResetOnExit release(sql_);
  // Rows queued by a write that threw.
  for (BulkInsert* b : {&evidence_, &sentence_rows_, &participant_rows_, &event_country_rows_, &event_pair_rows_})
    b->clear();
  index_texts_.clear();
  article_events_.clear();
  Written out;
  std::int64_t old = 0;
  int version = 1;
  {
    auto& st = sql_(kCurrentVersion);
    st.bind(1, doc.article.file);
    if (st.executeStep()) {
      old = st.getColumn(0).getInt64();
      version = st.getColumn(1).getInt() + 1;
    }
  }
  source_ = insert_source(doc, sha256, version);
  out.source_id = source_;
  if (old) {
    retire(old, source_);
    out.replaced = true;
  }
  sentence_ids_ = insert_sentences(doc, source_);
  write_country_evidence(doc);
  const auto orgs = write_organizations(doc);
  const auto persons = write_persons(doc, orgs);
  const auto events = write_events(doc, persons, orgs);
  write_relations(doc, events);
  evidence_.flush();
  return out;
}

std::int64_t Writer::insert_source(const Doc& doc, const std::string& sha256, int version) {
  const Article& a = doc.article;
  auto& st = sql_(
      "INSERT INTO sources (file, version, sha256, title, title_from, publisher, publisher_from, "
      "author, author_from, url, language, published_date, published_precision, published_from) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  st.bind(1, a.file);
  st.bind(2, version);
  st.bind(3, sha256);
  bind_optional(st, 4, stated(a.title));
  bind_optional(st, 5, stated_from(a.title));
  bind_optional(st, 6, stated(a.publisher));
  bind_optional(st, 7, stated_from(a.publisher));
  bind_optional(st, 8, stated(a.author));
  bind_optional(st, 9, stated_from(a.author));
  bind_optional(st, 10, stated(a.url));
  bind_optional(st, 11, stated(a.language));
  bind_optional(st, 12, day_or_null(a.published));
  st.bind(13, std::string(to_string(a.published ? a.published->precision : Precision::unknown)));
  bind_optional(st, 14, a.published ? std::optional<std::string>(a.published_from) : std::nullopt);
  st.exec();
  const std::int64_t id = db_.getLastInsertRowid();
  for (const auto& seg : joined_segments(a)) {
    auto& s = sql_("INSERT INTO source_segments (source_id, body_begin, raw_begin, length) VALUES (?,?,?,?)");
    s.bind(1, id);
    s.bind(2, static_cast<std::int64_t>(seg.body_begin));
    s.bind(3, static_cast<std::int64_t>(seg.raw_begin));
    s.bind(4, static_cast<std::int64_t>(seg.length));
    s.exec();
  }
  for (const auto& r : a.removed) {
    auto& s = sql_("INSERT INTO boilerplate (source_id, raw_begin, raw_end, reason, text) VALUES (?,?,?,?,?)");
    s.bind(1, id);
    s.bind(2, static_cast<std::int64_t>(r.raw.begin));
    s.bind(3, static_cast<std::int64_t>(r.raw.end));
    s.bind(4, r.reason);
    const std::string_view removed = std::string_view(a.raw).substr(r.raw.begin, r.raw.end - r.raw.begin);
    bind_text(s, 5, removed);
    s.exec();
  }
  return id;
}

std::vector<std::int64_t> Writer::insert_sentences(const Doc& doc, std::int64_t source) {
  // Ids are given here, not taken from each insert, so the rows go in bulk.
  auto& max_id = sql_("SELECT ifnull(max(sentence_id), 0) + 1 FROM sentences");
  max_id.executeStep();
  std::int64_t next = max_id.getColumn(0).getInt64();
  max_id.reset();
  std::vector<std::int64_t> ids;
  ids.reserve(doc.sentences.size());
  BulkInsert& rows = sentence_rows_;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Span s = doc.sentences[i];
    ids.push_back(next++);
    rows.add({ids.back(), source, static_cast<std::int64_t>(i), static_cast<std::int64_t>(s.begin),
              static_cast<std::int64_t>(s.end), static_cast<std::int64_t>(doc.article.raw_offset(s.begin)),
              static_cast<std::int64_t>(doc.article.raw_offset(s.end)), doc.text(s)});
  }
  rows.flush();
  if (!ids.empty()) {
    if (!unindexed_first_) unindexed_first_ = ids.front();
    unindexed_last_ = ids.back();
  }
  return ids;
}

void Writer::index_pending_sentences() {
  if (!unindexed_first_) return;
  const ResetOnExit release(sql_);
  auto& st = sql_(
      "INSERT INTO sentences_fts (rowid, text) SELECT sentence_id, text FROM sentences "
      "WHERE sentence_id BETWEEN ? AND ?");
  st.bind(1, unindexed_first_);
  st.bind(2, unindexed_last_);
  st.exec();
  unindexed_first_ = unindexed_last_ = 0;
}

void Writer::forget_pending_sentences() { unindexed_first_ = unindexed_last_ = 0; }

// Each batch leaves FTS5 a segment, and its automerge keeps up to three per
// level: a search walks every one of them for every word. One segment made
// the median two-word search on a million sentences 25% faster (0.82 ->
// 0.61 ms). Merging all of it costs in proportion to the whole index, so an
// import pays for it only when it brought an eighth of the index or more;
// smaller ones do a bounded merge, and their sum keeps the index merged.
void Writer::tidy_index(std::size_t added) {
  if (added == 0) return;
  // Sentence ids only grow: the largest is about how many there are.
  const auto total = db_.execAndGet("SELECT ifnull(max(sentence_id), 0) FROM sentences").getInt64();
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  if (static_cast<std::int64_t>(added) * 8 >= total)
    db_.exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('optimize')");
  else
    db_.exec("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('merge', 500)");
  tx.commit();
}

// The old version keeps its row; its sentences and evidence go, and so does
// every fact no other source states.
void Writer::retire(std::int64_t old_source, std::int64_t new_source) {
  // The old version's facts go through ON DELETE CASCADE (participants,
  // aliases, positions ...), which SQLite only follows with the checks on.
  if (db_.execAndGet("PRAGMA foreign_keys").getInt() == 0)
    throw std::logic_error("replacing a stored version needs PRAGMA foreign_keys = ON");
  // The delete trigger takes rows out of the index, so they must be in it.
  index_pending_sentences();
  const char* const fact_columns[] = {"event_id", "relation_id", "position_id", "person_id",
                                      "organization_id"};
  std::vector<std::pair<std::string, std::vector<std::int64_t>>> touched;
  for (const char* col : fact_columns) {
    SQLite::Statement st(db_, fmt::format("SELECT DISTINCT {0} FROM evidence WHERE sentence_id IN "
                                          "(SELECT sentence_id FROM sentences WHERE source_id = ?) AND "
                                          "{0} IS NOT NULL", col));
    st.bind(1, old_source);
    std::vector<std::int64_t> ids;
    while (st.executeStep()) ids.push_back(st.getColumn(0).getInt64());
    touched.emplace_back(col, std::move(ids));
  }
  // Evidence is found through its sentences (the index evidence has).
  for (const char* sql :
       {"DELETE FROM evidence WHERE sentence_id IN (SELECT sentence_id FROM sentences WHERE source_id = ?)",
        "DELETE FROM sentences WHERE source_id = ?", "DELETE FROM source_segments WHERE source_id = ?",
        "DELETE FROM boilerplate WHERE source_id = ?"}) {
    SQLite::Statement st(db_, sql);
    st.bind(1, old_source);
    st.exec();
  }
  const std::map<std::string, std::string> orphan_delete = {
      {"event_id", "DELETE FROM events WHERE event_id = ?1 AND NOT EXISTS "
                   "(SELECT 1 FROM evidence WHERE event_id = ?1)"},
      {"relation_id", "DELETE FROM relations WHERE relation_id = ?1 AND NOT EXISTS "
                      "(SELECT 1 FROM evidence WHERE relation_id = ?1)"},
      {"position_id", "DELETE FROM positions WHERE position_id = ?1 AND NOT EXISTS "
                      "(SELECT 1 FROM evidence WHERE position_id = ?1)"},
      {"person_id", "DELETE FROM persons WHERE person_id = ?1 AND NOT EXISTS "
                    "(SELECT 1 FROM evidence WHERE person_id = ?1) AND NOT EXISTS "
                    "(SELECT 1 FROM event_participants WHERE person_id = ?1) AND NOT EXISTS "
                    "(SELECT 1 FROM positions WHERE predecessor_id = ?1 OR successor_id = ?1)"},
      {"organization_id", "DELETE FROM organizations WHERE organization_id = ?1 AND NOT EXISTS "
                          "(SELECT 1 FROM evidence WHERE organization_id = ?1) AND NOT EXISTS "
                          "(SELECT 1 FROM event_participants WHERE organization_id = ?1) AND NOT "
                          "EXISTS (SELECT 1 FROM positions WHERE organization_id = ?1)"},
  };
  for (const auto& [col, ids] : touched) {
    SQLite::Statement st(db_, orphan_delete.at(col));
    for (auto id : ids) {
      st.reset();
      st.bind(1, id);
      st.exec();
    }
  }
  SQLite::Statement mark(db_, "UPDATE sources SET replaced_by = ? WHERE source_id = ?");
  mark.bind(1, new_source);
  mark.bind(2, old_source);
  mark.exec();
}

std::int64_t Writer::sentence_for(const Doc& doc, Span span) const {
  const std::size_t i = doc.sentence_at(span.begin);
  if (i >= sentence_ids_.size()) return 0;
  return sentence_ids_[i];
}

bool Writer::add_evidence(const Doc& doc, Span span, Fact fact, std::int64_t id) {
  const std::int64_t sentence = sentence_for(doc, span);
  if (!sentence) return false;  // outside every sentence: nothing to point at
  // One column per kind of fact, each a foreign key; the others stay NULL.
  BulkInsert::Value facts[6] = {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
  facts[static_cast<int>(fact)] = id;
  evidence_.add({source_, sentence, static_cast<std::int64_t>(span.begin), static_cast<std::int64_t>(span.end),
                 facts[0], facts[1], facts[2], facts[3], facts[4], facts[5]});
  return true;
}

// A country's evidence is its first mention in each source only. Articles name
// their countries over and over: a row per mention was more than half of all
// evidence, while what is asked of a country's evidence (evidence country:N,
// export's countries) is which sources name it and where. Events, relations,
// posts, persons and organisations keep a row per statement or mention. Every
// mention is still looked up, so an unknown code fails the write as before.
void Writer::write_country_evidence(const Doc& doc) {
  std::set<std::int64_t> stated;
  for (const auto& m : doc.mentions) {  // ordered by span.begin
    if (m.kind != EntityKind::country) continue;
    const std::int64_t id = country_id(m.country);
    if (!stated.count(id) && add_evidence(doc, m.span, Fact::country, id)) stated.insert(id);
  }
}

std::vector<std::int64_t> Writer::write_organizations(const Doc& doc) {
  std::vector<std::int64_t> ids;
  for (const auto& o : doc.organizations) {
    std::int64_t id = 0;
    std::vector<std::string> forms = {fold(o.name)};
    for (const auto& a : o.aliases) forms.push_back(fold(a));
    for (const auto& f : forms) {
      auto& st = sql_(
          "SELECT organization_id FROM organizations WHERE folded = ?1 UNION ALL "
          "SELECT organization_id FROM organization_aliases WHERE folded = ?1 LIMIT 1");
      st.bind(1, f);
      if (st.executeStep()) {
        id = st.getColumn(0).getInt64();
        break;
      }
    }
    if (!id) {
      auto& st = sql_("INSERT INTO organizations (name, folded, kind, country_id) VALUES (?,?,?,?)");
      st.bind(1, o.name);
      st.bind(2, forms.front());
      st.bind(3, o.kind.empty() ? std::string("other") : o.kind);
      bind_id(st, 4, o.country ? country_id(*o.country) : 0);
      st.exec();
      id = db_.getLastInsertRowid();
    }
    for (const auto& a : o.aliases) {
      auto& st = sql_("INSERT OR IGNORE INTO organization_aliases (organization_id, alias, folded) VALUES (?,?,?)");
      st.bind(1, id);
      st.bind(2, a);
      st.bind(3, fold(a));
      st.exec();
    }
    ids.push_back(id);
  }
  for (const auto& m : doc.mentions)
    if (m.kind == EntityKind::organization && m.entity < ids.size())
      add_evidence(doc, m.span, Fact::organization, ids[m.entity]);
  return ids;
}

std::int64_t Writer::find_or_add_person(const Person& p) {
  std::vector<std::string> forms = {fold(p.name)};
  for (const auto& a : p.aliases) forms.push_back(fold(a));
  for (const auto& f : forms) {
    if (!identifying(f)) continue;
    auto& st = sql_(
        "SELECT person_id FROM persons WHERE folded = ?1 UNION ALL "
        "SELECT person_id FROM person_aliases WHERE folded = ?1 LIMIT 1");
    st.bind(1, f);
    if (st.executeStep()) {
      const std::int64_t id = st.getColumn(0).getInt64();
      if (p.country) {
        auto& up = sql_("UPDATE persons SET country_id = ? WHERE person_id = ? AND country_id IS NULL");
        up.bind(1, country_id(*p.country));
        up.bind(2, id);
        up.exec();
      }
      return id;
    }
  }
  auto& st = sql_("INSERT INTO persons (name, folded, country_id) VALUES (?,?,?)");
  st.bind(1, p.name);
  st.bind(2, forms.front());
  bind_id(st, 3, p.country ? country_id(*p.country) : 0);
  st.exec();
  return db_.getLastInsertRowid();
}

std::vector<std::int64_t> Writer::write_persons(const Doc& doc, const std::vector<std::int64_t>& orgs) {
  std::vector<std::int64_t> ids;
  for (const auto& p : doc.persons) {
    const std::int64_t id = find_or_add_person(p);
    std::vector<std::string> forms = {p.name};
    forms.insert(forms.end(), p.aliases.begin(), p.aliases.end());
    for (const auto& a : forms) {
      auto& st = sql_("INSERT OR IGNORE INTO person_aliases (person_id, alias, folded) VALUES (?,?,?)");
      st.bind(1, id);
      st.bind(2, a);
      st.bind(3, fold(a));
      st.exec();
    }
    for (const auto& pos : p.positions) {
      std::int64_t org = 0;
      if (pos.organization) {
        for (std::size_t i = 0; i < doc.organizations.size(); ++i)
          if (doc.organizations[i].name == *pos.organization) org = orgs[i];
      }
      const std::int64_t country = pos.country ? country_id(*pos.country) : 0;
      auto& ins = sql_(
          "INSERT OR IGNORE INTO positions (person_id, title, organization_id, country_id, "
          "start_date, start_precision, end_date, end_precision) VALUES (?,?,?,?,?,?,?,?)");
      ins.bind(1, id);
      ins.bind(2, pos.title);
      bind_id(ins, 3, org);
      bind_id(ins, 4, country);
      bind_optional(ins, 5, day_or_null(pos.start));
      ins.bind(6, std::string(to_string(pos.start ? pos.start->precision : Precision::unknown)));
      bind_optional(ins, 7, day_or_null(pos.end));
      ins.bind(8, std::string(to_string(pos.end ? pos.end->precision : Precision::unknown)));
      ins.exec();
      auto& get = sql_(
          "SELECT position_id FROM positions WHERE person_id = ? AND title = ? AND "
          "ifnull(organization_id, 0) = ? AND ifnull(country_id, 0) = ?");
      get.bind(1, id);
      get.bind(2, pos.title);
      get.bind(3, org);
      get.bind(4, country);
      if (get.executeStep()) add_evidence(doc, pos.evidence, Fact::position, get.getColumn(0).getInt64());
    }
    ids.push_back(id);
  }
  for (const auto& m : doc.mentions)
    if (m.kind == EntityKind::person && m.entity < ids.size())
      add_evidence(doc, m.span, Fact::person, ids[m.entity]);
  return ids;
}

std::string Writer::merge_key(const Doc& doc, const Event& e) {
  std::set<std::string> parts;
  for (const auto& p : e.participants)
    if (p.kind == EntityKind::country) parts.insert(p.country);
  if (parts.empty())
    for (const auto& p : e.participants)
      if (p.kind == EntityKind::person && p.entity < doc.persons.size())
        parts.insert(fold(doc.persons[p.entity].name));
  std::string key = e.type + "|";
  for (const auto& p : parts) key += (key.back() == '|' ? "" : ",") + p;
  return key;
}

// An event with the same key, stated by another source (not one this article
// wrote or merged into already), whose period overlaps (undated events only
// merge with undated ones).
std::optional<std::int64_t> Writer::find_same_event(const std::string& key, const Event& e) {
  // Only events that start at most ten years before this one's first day can
  // overlap it (no event runs longer): the look-up reads a slice of the
  // (merge_key, start_date) index, not every event the key ever had, so it
  // stays as fast in a large knowledge base as in a small one.
  auto& st = e.start ? sql_("SELECT event_id, start_date, ifnull(end_date, start_date), date_precision "
                            "FROM events WHERE merge_key = ? AND start_date >= date(?, '-3660 days') "
                            "AND start_date <= ? ORDER BY start_date, event_id")
                     : sql_("SELECT event_id, start_date, ifnull(end_date, start_date), date_precision "
                            "FROM events WHERE merge_key = ? AND start_date IS NULL ORDER BY event_id");
  st.bind(1, key);
  if (e.start) {
    const auto [first, last] = period(e);
    st.bind(2, first);
    st.bind(3, last);
  }
  while (st.executeStep()) {
    if (article_events_.count(st.getColumn(0).getInt64())) continue;
    const bool dated = !st.getColumn(1).isNull();
    if (!e.start) {
      if (!dated) return st.getColumn(0).getInt64();
      continue;
    }
    if (!dated) continue;
    const auto stored_precision = parse_precision(st.getColumn(3).getString());
    auto stored_end = parse_iso(st.getColumn(2).getString());
    if (!stored_end || !stored_precision) continue;
    stored_end->precision = *stored_precision;
    const auto [first, last] = period(e);
    const std::string stored_first = st.getColumn(1).getString();
    const std::string stored_last = to_iso_day(stored_end->last_day());
    if (first <= stored_last && stored_first <= last) return st.getColumn(0).getInt64();
  }
  return std::nullopt;
}

// The rows of event `id` in event_countries and event_pairs, the index tables
// the query API reads a country's or a pair's events through (schema 4: the
// importer writes them itself, two statements per event, instead of triggers
// firing per participant).
void Writer::index_event(std::int64_t id) {
  // Plain look-ups and multi-row inserts: an INSERT ... SELECT DISTINCT builds
  // a temporary b-tree each time, which cost more than the rows themselves.
  // The rows are queued here and inserted for the whole article at once.
  auto& st = sql_(
      "SELECT e.start_date, e.type, p.country_id FROM events e JOIN event_participants p "
      "ON p.event_id = e.event_id WHERE e.event_id = ? AND p.country_id IS NOT NULL");
  st.bind(1, id);
  std::vector<std::int64_t> countries;
  std::optional<std::string> start;
  std::string type;
  while (st.executeStep()) {
    if (countries.empty()) {
      if (!st.getColumn(0).isNull()) start = st.getColumn(0).getString();
      type = st.getColumn(1).getString();
    }
    countries.push_back(st.getColumn(2).getInt64());
  }
  std::sort(countries.begin(), countries.end());
  countries.erase(std::unique(countries.begin(), countries.end()), countries.end());
  if (countries.empty()) return;
  // The queued values must outlive the flush: the strings are kept in a list.
  const std::string_view type_text = index_texts_.emplace_back(std::move(type));
  const BulkInsert::Value day =
      start ? BulkInsert::Value(std::string_view(index_texts_.emplace_back(std::move(*start)))) : nullptr;
  for (auto c : countries) event_country_rows_.add({c, id, day, type_text});
  for (std::size_t a = 0; a < countries.size(); ++a)
    for (std::size_t b = a + 1; b < countries.size(); ++b) event_pair_rows_.add({id, countries[a], countries[b], day});
}

std::vector<std::int64_t> Writer::write_events(const Doc& doc, const std::vector<std::int64_t>& persons,
                                               const std::vector<std::int64_t>& orgs) {
  std::vector<std::int64_t> ids;
  for (const auto& e : doc.events) {
    const std::string key = merge_key(doc, e);
    std::int64_t id = 0;
    if (auto same = find_same_event(key, e)) {
      id = *same;
      // Keep the most precise date any source gives.
      if (e.start) {
        auto& up = sql_(
            "UPDATE events SET start_date = ?, end_date = ?, date_precision = ?, "
            "date_inferred_from = ? WHERE event_id = ? AND (CASE date_precision WHEN 'day' THEN 3 "
            "WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END) < ?");
        up.bind(1, to_iso_day(e.start->day));
        bind_optional(up, 2, day_or_null(e.end));
        up.bind(3, std::string(to_string(e.start->precision)));
        bind_optional(up, 4, e.date_inferred_from.empty() ? std::nullopt : std::optional(e.date_inferred_from));
        up.bind(5, id);
        up.bind(6, static_cast<int>(e.start->precision));
        up.exec();
      }
      if (!e.location.empty()) {
        auto& up = sql_("UPDATE events SET location = ? WHERE event_id = ? AND location IS NULL");
        up.bind(1, e.location);
        up.bind(2, id);
        up.exec();
      }
    } else {
      auto& st = sql_(
          "INSERT INTO events (type, cameo, plover_category, plover_mode, start_date, end_date, "
          "date_precision, date_inferred_from, location, summary, merge_key) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
      st.bind(1, e.type);
      bind_optional(st, 2, e.cameo.empty() ? std::nullopt : std::optional(e.cameo));
      bind_optional(st, 3, e.plover_category.empty() ? std::nullopt : std::optional(e.plover_category));
      bind_optional(st, 4, e.plover_mode.empty() ? std::nullopt : std::optional(e.plover_mode));
      bind_optional(st, 5, day_or_null(e.start));
      bind_optional(st, 6, e.start ? day_or_null(e.end) : std::nullopt);
      st.bind(7, std::string(to_string(e.start ? e.start->precision : Precision::unknown)));
      bind_optional(st, 8, e.date_inferred_from.empty() ? std::nullopt : std::optional(e.date_inferred_from));
      bind_optional(st, 9, e.location.empty() ? std::nullopt : std::optional(e.location));
      bind_optional(st, 10, e.summary.empty() ? std::nullopt : std::optional(e.summary));
      st.bind(11, key);
      st.exec();
      id = db_.getLastInsertRowid();
    }
    BulkInsert& participants = participant_rows_;
    const auto id_or_null = [](std::int64_t v) -> BulkInsert::Value {
      if (v) return v;
      return nullptr;
    };
    for (const auto& p : e.participants)
      participants.add(
          {id, to_string(p.role), id_or_null(p.kind == EntityKind::country ? country_id(p.country) : 0),
           id_or_null(p.kind == EntityKind::person && p.entity < persons.size() ? persons[p.entity] : 0),
           id_or_null(p.kind == EntityKind::organization && p.entity < orgs.size() ? orgs[p.entity] : 0)});
    for (const auto& span : e.evidence) add_evidence(doc, span, Fact::event, id);
    article_events_.insert(id);
    ids.push_back(id);
  }
  // An article's participants, event_countries and event_pairs rows go in one
  // statement each: statements per event were a third of the events' writing.
  // Nothing above reads them back (find_same_event reads events only).
  participant_rows_.flush();
  for (const auto id : ids) index_event(id);
  event_country_rows_.flush();
  event_pair_rows_.flush();
  index_texts_.clear();
  return ids;
}

void Writer::write_relations(const Doc& doc, const std::vector<std::int64_t>& events) {
  for (const auto& r : doc.relations) {
    const std::int64_t a = country_id(r.a), b = country_id(r.b);
    if (a == b) continue;
    const std::optional<std::string> day = day_or_null(r.date);
    auto& ins = sql_(
        "INSERT OR IGNORE INTO relations (kind, country_a_id, country_b_id, date, date_precision, "
        "event_id) VALUES (?,?,?,?,?,?)");
    ins.bind(1, r.kind);
    ins.bind(2, a);
    ins.bind(3, b);
    bind_optional(ins, 4, day);
    ins.bind(5, std::string(to_string(r.date ? r.date->precision : Precision::unknown)));
    bind_id(ins, 6, r.event < events.size() ? events[r.event] : 0);
    ins.exec();
    auto& get = sql_(
        "SELECT relation_id FROM relations WHERE kind = ? AND min(country_a_id, country_b_id) = ? "
        "AND max(country_a_id, country_b_id) = ? AND ifnull(substr(date, 1, 4), '') = ?");
    get.bind(1, r.kind);
    get.bind(2, std::min(a, b));
    get.bind(3, std::max(a, b));
    get.bind(4, day ? day->substr(0, 4) : std::string());
    if (get.executeStep()) add_evidence(doc, r.evidence, Fact::relation, get.getColumn(0).getInt64());
  }
}

}  // namespace annals
