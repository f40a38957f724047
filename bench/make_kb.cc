// make_kb: a synthetic knowledge base for bench/query_bench.cc, written with
// plain SQL. The same arguments always give the same rows (own PRNG, fixed seed).
//
//   make_kb OUT.db [EVENTS]      EVENTS defaults to 1000000; OUT.db must not exist
//
// Shape: countries take part with Zipf-like frequencies (a few in many events,
// most in few), one sentence per event in sources of ten sentences, persons
// and organisations per country, posts with dates at mixed precision, relation
// milestones between pairs, and evidence for every event and milestone.

#include "annals/database.h"
#include "annals/types.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace {

// splitmix64: small, fast and the same everywhere.
struct Rng {
  std::uint64_t s = 0x5eed;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  bool chance(double p) { return unit() < p; }
};

// Draws index i with weight 1 / (i + 1)^s.
struct Zipf {
  std::vector<double> cdf;
  Zipf(std::size_t n, double s) {
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) cdf.push_back(total += 1.0 / std::pow(double(i + 1), s));
    for (auto& c : cdf) c /= total;
  }
  std::size_t draw(Rng& rng) const {
    return std::min(cdf.size() - 1, std::size_t(std::lower_bound(cdf.begin(), cdf.end(), rng.unit()) - cdf.begin()));
  }
};

const char* const kSyllables[] = {"ka", "lo", "vi", "sen", "ta", "mar", "do", "ri", "an", "bel", "chu", "ng",
                                  "pha", "to", "mi", "ra", "si", "ou", "len", "ko", "da", "ve", "nu", "sa",
                                  "tor", "il", "ya", "bo", "gan", "he", "lu", "zo", "qui", "fen", "pa", "vo"};

std::string word(Rng& rng, int syllables) {
  std::string w;
  for (int i = 0; i < syllables; ++i) w += kSyllables[rng.below(std::size(kSyllables))];
  return w;
}

std::string capital(std::string w) {
  if (!w.empty()) w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct Country {
  std::int64_t id;
  std::string code, name;
};

// Every write of a source's text: the source row, its sentences and their
// full-text entries, in this one place, so that a change in how the schema
// stores text is one edit here. Follows the schema it finds: sources with or
// without raw_text/body, sentences as a table or as spans under a view, the
// FTS index filled by a trigger or, in one statement at the end, by finish().
struct TextWriter {
  SQLite::Database& db;
  bool raw_text = false, body = false, spans = false, fts_trigger = false;
  std::unique_ptr<SQLite::Statement> source, sentence;

  explicit TextWriter(SQLite::Database& d) : db(d) {
    raw_text = column_exists("sources", "raw_text");
    body = column_exists("sources", "body");
    spans = db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sentence_spans'").getInt();
    fts_trigger = db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                                "name = 'sentences_fts_insert'").getInt();
    source = std::make_unique<SQLite::Statement>(db, std::string("INSERT INTO sources (source_id, file, sha256") +
        (raw_text ? ", raw_text" : "") + (body ? ", body" : "") + ") VALUES (?,?,?" + (raw_text ? ",?" : "") +
        (body ? ",?" : "") + ")");
    sentence = std::make_unique<SQLite::Statement>(db, std::string("INSERT INTO ") +
        (spans ? "sentence_spans" : "sentences") +
        " (sentence_id, source_id, seq, body_begin, body_end, raw_begin, raw_end" + (spans ? "" : ", text") +
        ") VALUES (?,?,?,?,?,?,?" + (spans ? "" : ",?") + ")");
  }
  bool column_exists(const char* table, const char* column) {
    SQLite::Statement st(db, std::string("SELECT count(*) FROM pragma_table_info('") + table + "') WHERE name = ?");
    st.bind(1, column);
    return st.executeStep() && st.getColumn(0).getInt() > 0;
  }

  // Source `id` whose body is `texts` joined by spaces, one sentence each, with
  // ids first_sentence, first_sentence + 1, ...; returns each sentence's body offset.
  std::vector<std::int64_t> write(std::int64_t id, const std::vector<std::string>& texts, std::int64_t first_sentence) {
    std::string all;
    std::vector<std::int64_t> begins;
    for (const auto& t : texts) {
      if (!all.empty()) all += ' ';
      begins.push_back(static_cast<std::int64_t>(all.size()));
      all += t;
    }
    char sha[65];
    std::snprintf(sha, sizeof sha, "%064llx", static_cast<unsigned long long>(id));
    source->reset();
    source->bind(1, id), source->bind(2, "synthetic/" + std::to_string(id) + ".txt"), source->bind(3, sha);
    int next = 4;
    if (raw_text) source->bind(next++, all);
    if (body) source->bind(next++, all);
    source->exec();
    for (std::size_t k = 0; k < texts.size(); ++k) {
      const std::int64_t begin = begins[k], end = begin + static_cast<std::int64_t>(texts[k].size());
      sentence->reset();
      sentence->bind(1, first_sentence + static_cast<std::int64_t>(k)), sentence->bind(2, id);
      sentence->bind(3, static_cast<std::int64_t>(k));
      sentence->bind(4, begin), sentence->bind(5, end), sentence->bind(6, begin), sentence->bind(7, end);
      if (!spans) sentence->bind(8, texts[k]);
      sentence->exec();
    }
    return begins;
  }

  // Indexes every sentence at once when no trigger did it row by row, then
  // merges the index into one segment, as an import of this size does
  // (Writer::tidy_index).
  void finish() {
    if (!fts_trigger) db.exec("INSERT INTO sentences_fts (rowid, text) SELECT sentence_id, text FROM sentences");
    db.exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('optimize')");
  }
};

struct Kb {
  SQLite::Database& db;
  Rng rng;
  std::vector<Country> countries;
  Zipf zipf;
  std::vector<std::string> vocabulary;
  Zipf word_zipf;
  std::map<std::size_t, std::vector<std::int64_t>> persons_of;  // country index -> person ids
  std::vector<std::string> person_names;
  std::vector<std::int64_t> organizations;

  Kb(SQLite::Database& d, std::vector<Country> c)
      : db(d), countries(std::move(c)), zipf(countries.size(), 1.0), word_zipf(4000, 1.0) {
    std::set<std::string> seen;
    while (vocabulary.size() < 4000) {
      auto w = word(rng, 2 + static_cast<int>(rng.below(2)));
      if (seen.insert(w).second) vocabulary.push_back(w);
    }
  }

  std::string date_of(int year_from, int year_to, std::string& precision) {
    const int year = year_from + static_cast<int>(rng.below(static_cast<std::size_t>(year_to - year_from + 1)));
    const unsigned month = 1 + static_cast<unsigned>(rng.below(12)), day = 1 + static_cast<unsigned>(rng.below(28));
    const double p = rng.unit();
    annals::FuzzyDate d = p < 0.7 ? annals::full_date(year, month, day)
                          : p < 0.85 ? annals::year_month(year, month) : annals::year_only(year);
    precision = std::string(annals::to_string(d.precision));
    return annals::to_iso_day(d.day);
  }

  void persons(std::size_t n) {
    SQLite::Statement person(db, "INSERT INTO persons (person_id, name, folded, country_id) VALUES (?,?,?,?)");
    SQLite::Statement alias(db, "INSERT OR IGNORE INTO person_aliases (person_id, alias, folded) VALUES (?,?,?)");
    SQLite::Statement post(db,
        "INSERT OR IGNORE INTO positions (person_id, title, organization_id, country_id, start_date, "
        "start_precision, end_date, end_precision) VALUES (?,?,?,?,?,?,?,?)");
    const char* titles[] = {"President", "Prime Minister", "Foreign Minister", "Defence Minister",
                            "Ambassador", "General Secretary", "Minister of Trade", "Chairman"};
    for (std::size_t i = 1; i <= n; ++i) {
      const std::size_t c = zipf.draw(rng);
      const std::string given = capital(word(rng, 2)), family = capital(word(rng, 2 + int(rng.below(2))));
      const std::string name = given + " " + family;
      const auto id = static_cast<std::int64_t>(i);
      person.reset();
      person.bind(1, id), person.bind(2, name), person.bind(3, lower(name)), person.bind(4, countries[c].id);
      person.exec();
      for (const std::string& a : {name, given.substr(0, 1) + ". " + family}) {
        alias.reset();
        alias.bind(1, id), alias.bind(2, a), alias.bind(3, lower(a[1] == '.' ? a.substr(0, 1) + a.substr(2) : a));
        alias.exec();
      }
      persons_of[c].push_back(id);
      person_names.push_back(name);
      for (std::size_t k = 0, posts = 1 + rng.below(2); k < posts; ++k) {
        std::string sp, ep;
        const std::string start = date_of(1950, 2024, sp);
        post.reset();
        post.bind(1, id), post.bind(2, titles[rng.below(std::size(titles))]);
        const bool party = !organizations.empty() && rng.chance(0.2);
        if (party) post.bind(3, organizations[rng.below(organizations.size())]), post.bind(4);
        else post.bind(3), post.bind(4, countries[c].id);
        post.bind(5, start), post.bind(6, sp);
        if (rng.chance(0.6)) {
          const int end_year = std::stoi(start.substr(0, 4)) + 1 + int(rng.below(8));
          post.bind(7, std::to_string(end_year) + "-01-01"), post.bind(8, "year");
        } else {
          post.bind(7), post.bind(8, "unknown");
        }
        post.exec();
      }
    }
  }

  void organizations_(std::size_t n) {
    SQLite::Statement org(db, "INSERT INTO organizations (organization_id, name, folded, kind, country_id) VALUES (?,?,?,?,?)");
    SQLite::Statement alias(db, "INSERT OR IGNORE INTO organization_aliases (organization_id, alias, folded) VALUES (?,?,?)");
    const char* kinds[] = {"Party", "Council", "Agency", "Institute", "Union"};
    for (std::size_t i = 1; i <= n; ++i) {
      const std::size_t kind = rng.below(std::size(kinds));
      const std::string name = capital(word(rng, 3)) + " " + kinds[kind] + " " + std::to_string(i);
      const auto id = static_cast<std::int64_t>(i);
      org.reset();
      org.bind(1, id), org.bind(2, name), org.bind(3, lower(name));
      org.bind(4, kind == 0 ? "party" : kind == 4 ? "international" : "state_body");
      if (kind == 4) org.bind(5);
      else org.bind(5, countries[zipf.draw(rng)].id);
      org.exec();
      const std::string acronym = std::string(1, name[0]) + kinds[kind][0] + std::to_string(i);
      alias.reset();
      alias.bind(1, id), alias.bind(2, acronym), alias.bind(3, lower(acronym));
      alias.exec();
      organizations.push_back(id);
    }
  }

  void events(std::size_t n, TextWriter& text);
  void relations(std::size_t n);
};

struct EventShape {
  const char* type;
  const char* verb;
  const char* cameo;
  double weight;
};
const EventShape kShapes[] = {
    {"visit", "visited", "042", 0.25},          {"meeting", "met officials of", "040", 0.25},
    {"summit", "attended a summit with", "043", 0.08},  {"agreement", "signed an agreement with", "057", 0.12},
    {"aid", "sent aid to", "070", 0.1},         {"military_exercise", "held joint exercises with", "062", 0.05},
    {"relations_upgraded", "upgraded relations with", "064", 0.03}, {"election", "congratulated", "051", 0.04},
    {"other", "spoke about", "010", 0.08},
};

void Kb::events(std::size_t n, TextWriter& text) {
  SQLite::Statement event(db,
      "INSERT INTO events (event_id, type, cameo, start_date, date_precision, location, summary, merge_key) "
      "VALUES (?,?,?,?,?,?,?,?)");
  SQLite::Statement who(db,
      "INSERT OR IGNORE INTO event_participants (event_id, role, country_id, person_id, organization_id) VALUES (?,?,?,?,?)");
  SQLite::Statement evidence(db,
      "INSERT INTO evidence (source_id, sentence_id, body_begin, body_end, event_id) VALUES (?,?,?,?,?)");
  const std::size_t per_source = 10;
  for (std::size_t first = 1; first <= n; first += per_source) {
    const auto source_id = static_cast<std::int64_t>(first / per_source + 1);
    struct Row { std::string text; std::size_t verb_at, verb_len; };
    std::vector<Row> rows;
    const std::size_t last = std::min(n, first + per_source - 1);
    for (std::size_t e = first; e <= last; ++e) {
      const auto id = static_cast<std::int64_t>(e);
      double pick = rng.unit();
      const EventShape* shape = &kShapes[0];
      for (const auto& s : kShapes) {
        shape = &s;
        if ((pick -= s.weight) < 0) break;
      }
      const std::size_t a = zipf.draw(rng);
      std::size_t b = zipf.draw(rng);
      while (b == a) b = zipf.draw(rng);
      std::string precision = "unknown", start;
      if (!rng.chance(0.05)) start = date_of(1945, 2025, precision);
      const auto& pa = persons_of[a];
      const std::int64_t actor = !pa.empty() && rng.chance(0.35) ? pa[rng.below(pa.size())] : 0;
      const auto& pb = persons_of[b];
      const std::int64_t counterpart = !pb.empty() && rng.chance(0.15) ? pb[rng.below(pb.size())] : 0;
      const std::string subject = actor ? person_names[std::size_t(actor - 1)] : countries[a].name;
      const std::string text = subject + " " + shape->verb + " " + countries[b].name + " " +
                               (start.empty() ? "recently" : "in " + start.substr(0, 4)) + " to discuss " +
                               vocabulary[word_zipf.draw(rng)] + " and " + vocabulary[word_zipf.draw(rng)] + ".";
      rows.push_back({text, subject.size() + 1, std::string(shape->verb).size()});
      event.reset();
      event.bind(1, id), event.bind(2, shape->type), event.bind(3, shape->cameo);
      if (start.empty()) event.bind(4);
      else event.bind(4, start);
      event.bind(5, precision), event.bind(6, capital(word(rng, 2))), event.bind(7, text);
      event.bind(8, std::string(shape->type) + "|" + std::min(countries[a].code, countries[b].code) + "," +
                        std::max(countries[a].code, countries[b].code));
      event.exec();
      auto add = [&](const char* role, std::int64_t country, std::int64_t person, std::int64_t org) {
        who.reset();
        who.bind(1, id), who.bind(2, role);
        country ? who.bind(3, country) : who.bind(3);
        person ? who.bind(4, person) : who.bind(4);
        org ? who.bind(5, org) : who.bind(5);
        who.exec();
      };
      add("actor", countries[a].id, 0, 0);
      add("counterpart", countries[b].id, 0, 0);
      if (actor) add("actor", 0, actor, 0);
      if (counterpart) add("counterpart", 0, counterpart, 0);
      if (rng.chance(0.05)) add("participant", 0, 0, organizations[rng.below(organizations.size())]);
    }
    std::vector<std::string> texts;
    for (const auto& r : rows) texts.push_back(r.text);
    const auto begins = text.write(source_id, texts, static_cast<std::int64_t>(first));
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const auto sid = static_cast<std::int64_t>(first + k);
      evidence.reset();
      evidence.bind(1, source_id), evidence.bind(2, sid);
      evidence.bind(3, begins[k] + static_cast<std::int64_t>(rows[k].verb_at));
      evidence.bind(4, begins[k] + static_cast<std::int64_t>(rows[k].verb_at + rows[k].verb_len));
      evidence.bind(5, sid);  // event k of this source is event sid
      evidence.exec();
    }
  }
  // The index tables the importer keeps itself (schema 4), filled here in two
  // statements, as schema/004_import_indexing.sql tells a hand-made base to.
  db.exec("INSERT OR IGNORE INTO event_countries (country_id, event_id, start_date, type) "
          "SELECT DISTINCT p.country_id, e.event_id, e.start_date, e.type "
          "FROM event_participants p JOIN events e ON e.event_id = p.event_id WHERE p.country_id IS NOT NULL");
  db.exec("INSERT OR IGNORE INTO event_pairs (event_id, country_a_id, country_b_id, start_date) "
          "SELECT DISTINCT a.event_id, a.country_id, b.country_id, e.start_date "
          "FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id "
          "AND b.country_id > a.country_id JOIN events e ON e.event_id = a.event_id");
}

void Kb::relations(std::size_t n) {
  SQLite::Statement rel(db,
      "INSERT OR IGNORE INTO relations (kind, country_a_id, country_b_id, date, date_precision) VALUES (?,?,?,?,?)");
  SQLite::Statement evidence(db,
      "INSERT INTO evidence (source_id, sentence_id, body_begin, body_end, relation_id) "
      "SELECT source_id, sentence_id, body_begin, body_begin + 5, ? FROM sentences WHERE sentence_id = ?");
  const char* kinds[] = {"diplomatic_relations_established", "recognition", "treaty_signed", "relations_upgraded"};
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t a = zipf.draw(rng);
    std::size_t b = zipf.draw(rng);
    while (b == a) b = zipf.draw(rng);
    std::string precision;
    const std::string date = date_of(1945, 2025, precision);
    rel.reset();
    rel.bind(1, kinds[rng.below(std::size(kinds))]), rel.bind(2, countries[a].id), rel.bind(3, countries[b].id);
    rel.bind(4, date), rel.bind(5, precision);
    if (rel.exec() == 0) continue;
    evidence.reset();
    evidence.bind(1, db.getLastInsertRowid());
    evidence.bind(2, static_cast<std::int64_t>(1 + i));
    evidence.exec();
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fputs("usage: make_kb OUT.db [EVENTS]\n", stderr);
    return 2;
  }
  const std::filesystem::path out = argv[1];
  const std::size_t n = argc == 3 ? std::stoul(argv[2]) : 1000000;
  if (std::filesystem::exists(out)) {
    std::fprintf(stderr, "make_kb: %s exists; not overwriting\n", argv[1]);
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  { annals::Database::open(out, annals::OpenMode::read_write); }  // the schema and the countries
  SQLite::Database db(out.string(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA journal_mode = DELETE");
  db.exec("PRAGMA synchronous = OFF");
  db.exec("PRAGMA cache_size = -1000000");
  std::vector<Country> countries;
  SQLite::Statement st(db, "SELECT country_id, code, name FROM countries WHERE former = 0 ORDER BY code");
  while (st.executeStep()) countries.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString()});
  // A fixed shuffle decides which countries are busy.
  Rng order{42};
  for (std::size_t i = countries.size(); i > 1; --i) std::swap(countries[i - 1], countries[order.below(i)]);
  Kb kb(db, std::move(countries));
  SQLite::Transaction tx(db);
  kb.organizations_(std::max<std::size_t>(n / 500, 10));
  kb.persons(std::max<std::size_t>(n / 20, 10));
  TextWriter text(db);
  kb.events(n, text);
  text.finish();
  kb.relations(std::max<std::size_t>(n / 50, 10));
  tx.commit();
  db.exec("PRAGMA journal_mode = WAL");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s: %zu events in %.1f s\n", argv[1], n, seconds);
  return 0;
}
