// Writing hand-built Docs: what a write stores, what a failed write leaves
// (nothing), and what a new version of a source replaces.

#include "annals/database.h"
#include "annals/error.h"
#include "store/connection.h"
#include "store/writer.h"
#include "util/sha256.h"

#include <SQLiteCpp/Transaction.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using namespace annals;

namespace {

// A Doc whose body is `sentences` joined by spaces, each one sentence; raw == body.
class DocBuilder {
 public:
  DocBuilder(std::string file, const std::vector<std::string>& sentences) {
    doc_.article.file = std::move(file);
    for (const auto& s : sentences) {
      if (!doc_.article.body.empty()) doc_.article.body += ' ';
      const std::size_t begin = doc_.article.body.size();
      doc_.article.body += s;
      doc_.sentences.push_back({begin, doc_.article.body.size()});
    }
    doc_.article.raw = doc_.article.body;
    doc_.article.segments.push_back({0, 0, doc_.article.body.size()});
  }

  DocBuilder& country(std::string_view word, std::string code) {
    Mention m;
    m.span = span(word);
    m.country = std::move(code);
    doc_.mentions.push_back(m);
    return *this;
  }

  // A mention of `code` at every occurrence of `word`.
  DocBuilder& country_everywhere(std::string_view word, const std::string& code) {
    for (Span at : spans(word)) {
      Mention m;
      m.span = at;
      m.country = code;
      doc_.mentions.push_back(m);
    }
    sort_mentions();
    return *this;
  }

  // A person mentioned at every occurrence of `name`.
  DocBuilder& person_everywhere(const std::string& name) {
    for (Span at : spans(name)) {
      Mention m;
      m.span = at;
      m.kind = EntityKind::person;
      m.entity = doc_.persons.size();
      doc_.mentions.push_back(m);
    }
    Person p;
    p.name = name;
    doc_.persons.push_back(p);
    sort_mentions();
    return *this;
  }

  // The body before `phrase` lies outside every sentence.
  DocBuilder& drop_sentences_before(std::string_view phrase) {
    const std::size_t at = span(phrase).begin;
    std::erase_if(doc_.sentences, [&](Span s) { return s.begin < at; });
    return *this;
  }

  DocBuilder& person(const std::string& name, std::optional<std::string> country = std::nullopt) {
    Mention m;
    m.span = span(name);
    m.kind = EntityKind::person;
    m.entity = doc_.persons.size();
    doc_.mentions.push_back(m);
    Person p;
    p.name = name;
    p.country = std::move(country);
    doc_.persons.push_back(p);
    return *this;
  }

  DocBuilder& event(std::string type, const std::vector<std::string>& countries, std::string_view phrase,
                    FuzzyDate day) {
    Event e;
    e.type = std::move(type);
    e.start = day;
    for (const auto& c : countries) e.participants.push_back({Role::participant, EntityKind::country, c, 0});
    e.evidence.push_back(span(phrase));
    doc_.events.push_back(e);
    return *this;
  }

  DocBuilder& relation(std::string a, std::string b, std::string_view phrase) {
    Relation r;
    r.kind = "treaty_signed";
    r.a = std::move(a);
    r.b = std::move(b);
    r.evidence = span(phrase);
    doc_.relations.push_back(r);
    return *this;
  }

  const Doc& doc() const { return doc_; }

 private:
  Span span(std::string_view phrase) const {
    const auto at = doc_.article.body.find(phrase);
    REQUIRE(at != std::string::npos);
    return {at, at + phrase.size()};
  }
  std::vector<Span> spans(std::string_view phrase) const {
    std::vector<Span> out;
    for (auto at = doc_.article.body.find(phrase); at != std::string::npos; at = doc_.article.body.find(phrase, at + 1))
      out.push_back({at, at + phrase.size()});
    REQUIRE_FALSE(out.empty());
    return out;
  }
  void sort_mentions() {
    std::stable_sort(doc_.mentions.begin(), doc_.mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  }
  Doc doc_;
};

std::string sha_of(const Doc& d) { return sha256_hex(d.article.raw); }

struct WriterFixture {
  Database db = Database::open(":memory:", OpenMode::read_write);
  SQLite::Database& sql = connection(db);
  Writer writer{sql};

  Writer::Written write(const Doc& d) {
    SQLite::Transaction tx(sql);
    const auto written = writer.write(d, sha_of(d));
    writer.index_pending_sentences();
    tx.commit();
    return written;
  }

  // "file|CODE|body_begin|seq" per row of country evidence.
  std::vector<std::string> country_evidence() {
    SQLite::Statement st(sql,
        "SELECT s.file || '|' || c.code || '|' || v.body_begin || '|' || t.seq FROM evidence v "
        "JOIN sources s ON s.source_id = v.source_id JOIN countries c ON c.country_id = v.country_id "
        "JOIN sentences t ON t.sentence_id = v.sentence_id ORDER BY s.file, v.body_begin");
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  }

  int count(const std::string& table) { return sql.execAndGet("SELECT count(*) FROM " + table).getInt(); }
  int matches(const std::string& query) {
    SQLite::Statement st(sql, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?");
    st.bind(1, query);
    st.executeStep();
    return st.getColumn(0).getInt();
  }
  int person_count(const std::string& folded) {
    SQLite::Statement st(sql, "SELECT count(*) FROM persons WHERE folded = ?");
    st.bind(1, folded);
    st.executeStep();
    return st.getColumn(0).getInt();
  }
  std::map<std::string, int> counts() {
    std::map<std::string, int> out;
    for (const char* t : {"sources", "sentences", "evidence", "persons", "person_aliases", "events",
                          "event_participants", "relations", "source_segments"})
      out[t] = count(t);
    return out;
  }
  // Throws SQLite::Exception when the index and the sentences drift apart. The
  // plain integrity-check only checks the index itself; with rank 1 it also
  // compares it with the sentences (the external content).
  void check_integrity() {
    sql.exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')");
    sql.exec("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)");
    CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
    SQLite::Statement fk(sql, "PRAGMA foreign_key_check");
    CHECK_FALSE(fk.executeStep());
  }
};

}  // namespace

TEST_CASE_FIXTURE(WriterFixture, "writer: a write that throws mid-article leaves no rows once rolled back") {
  const std::vector<std::string> text = {"Quokkas from Sweden reached Norway.", "Envoy Ylva Strand praised them."};
  const struct {
    const char* what;
    Doc doc;
  } cases[] = {
      {"unknown country mention", DocBuilder("a.txt", text).country("Sweden", "QQQ").doc()},
      {"person of an unknown country",
       DocBuilder("a.txt", text).country("Sweden", "SWE").person("Ylva Strand", "QQQ").doc()},
      {"relation with an unknown country", DocBuilder("a.txt", text)
                                               .country("Sweden", "SWE")
                                               .person("Ylva Strand", "SWE")
                                               .event("visit", {"SWE", "NOR"}, "reached Norway", full_date(2024, 5, 2))
                                               .relation("SWE", "QQQ", "reached Norway")
                                               .doc()},
  };
  write(DocBuilder("kept.txt", {"Walruses rested in Bergen."}).doc());
  const auto before = counts();
  for (const auto& c : cases) {
    CAPTURE(c.what);
    {
      SQLite::Transaction tx(sql);
      CHECK_THROWS_AS(writer.write(c.doc, sha_of(c.doc)), Error);
      CHECK(count("sources") == before.at("sources") + 1);  // it failed after the source row
    }  // no commit: rolled back
    writer.forget_pending_sentences();
    CHECK(counts() == before);
    CHECK(matches("quokkas") == 0);
    CHECK(matches("walruses") == 1);
    check_integrity();
  }
  write(DocBuilder("a.txt", text).country("Sweden", "SWE").doc());  // the writer is still usable
  CHECK(matches("quokkas") == 1);
}

TEST_CASE_FIXTURE(WriterFixture, "writer: sentences are stored with their full-text index in step") {
  const Doc d = DocBuilder("fjords.md", {"Ferries cross the fjords daily.", "Trade with Malmö grew.",
                                         "Fjords freeze rarely."})
                    .doc();
  const auto written = write(d);
  CHECK(written.source_id > 0);
  CHECK_FALSE(written.replaced);
  CHECK(count("sentences") == 3);
  check_integrity();
  const struct {
    const char* query;
    int want;
  } cases[] = {{"fjords", 2}, {"malmo", 1}, {"Malmö", 1}, {"ferries cross", 1}, {"fjord", 0}, {"absent", 0}};
  for (const auto& c : cases) {
    CAPTURE(c.query);
    CHECK(matches(c.query) == c.want);
  }
  SQLite::Statement st(sql, "SELECT text, body_begin, body_end FROM sentences ORDER BY seq");
  for (const auto& s : d.sentences) {
    REQUIRE(st.executeStep());
    CHECK(st.getColumn(0).getString() == d.text(s));
    CHECK(st.getColumn(1).getInt64() == static_cast<std::int64_t>(s.begin));
    CHECK(st.getColumn(2).getInt64() == static_cast<std::int64_t>(s.end));
  }
}

TEST_CASE_FIXTURE(WriterFixture, "writer: already_stored names the current version holding the bytes") {
  const Doc v1 = DocBuilder("notes.txt", {"Herons nest near Turku."}).doc();
  const Doc v2 = DocBuilder("notes.txt", {"Herons nest near Oulu."}).doc();
  CHECK_FALSE(writer.already_stored("notes.txt", sha_of(v1)));
  write(v1);
  CHECK(writer.already_stored("notes.txt", sha_of(v1)) == "notes.txt");
  CHECK(writer.already_stored("copy.txt", sha_of(v1)) == "notes.txt");  // same bytes, other name
  CHECK_FALSE(writer.already_stored("notes.txt", sha_of(v2)));
  CHECK(write(v2).replaced);
  CHECK(writer.already_stored("notes.txt", sha_of(v2)) == "notes.txt (version 2)");
  CHECK_FALSE(writer.already_stored("notes.txt", sha_of(v1)));  // v1 is no longer current
}

TEST_CASE_FIXTURE(WriterFixture, "writer: a new version drops the old one's sentences, evidence and unshared facts") {
  const auto day = full_date(2024, 3, 5);
  const Doc old_a = DocBuilder("a.txt", {"Premier Ingrid Holm met Norway's envoy.", "Astrid Lunde signed a pact with Finland."})
                        .person("Ingrid Holm", "SWE")
                        .person("Astrid Lunde", "SWE")
                        .event("meeting", {"SWE", "NOR"}, "met Norway's envoy", day)
                        .event("agreement", {"SWE", "FIN"}, "signed a pact", day)
                        .doc();
  const Doc b = DocBuilder("b.txt", {"Ingrid Holm held talks with Norway."})
                    .person("Ingrid Holm", "SWE")
                    .event("meeting", {"SWE", "NOR"}, "held talks", day)
                    .doc();
  const Doc new_a = DocBuilder("a.txt", {"Premier Ingrid Holm toured a shipyard."}).person("Ingrid Holm", "SWE").doc();
  const auto first = write(old_a);
  write(b);
  REQUIRE(count("events") == 2);  // the meeting was merged across a and b
  const auto second = write(new_a);
  CHECK(second.replaced);
  SQLite::Statement src(sql, "SELECT version, replaced_by FROM sources WHERE source_id = ?");
  src.bind(1, first.source_id);
  REQUIRE(src.executeStep());
  CHECK(src.getColumn(0).getInt() == 1);
  CHECK(src.getColumn(1).getInt64() == second.source_id);
  CHECK(sql.execAndGet("SELECT version FROM sources WHERE source_id = " + std::to_string(second.source_id)).getInt() == 2);
  for (const char* table : {"sentences", "evidence", "source_segments"})
    CHECK(sql.execAndGet(std::string("SELECT count(*) FROM ") + table + " WHERE source_id = " +
                         std::to_string(first.source_id)).getInt() == 0);
  CHECK(person_count("ingrid holm") == 1);   // stated by b and the new a
  CHECK(person_count("astrid lunde") == 0);  // only the old a stated her
  CHECK(sql.execAndGet("SELECT count(*) FROM events WHERE type = 'meeting'").getInt() == 1);    // b states it
  CHECK(sql.execAndGet("SELECT count(*) FROM events WHERE type = 'agreement'").getInt() == 0);  // old a only
  CHECK(matches("pact") == 0);
  CHECK(matches("shipyard") == 1);
  check_integrity();
}

TEST_CASE_FIXTURE(WriterFixture, "writer: replaces() tells a new version from a new file, and replacing needs foreign keys on") {
  const Doc v1 = DocBuilder("notes.txt", {"Herons nest near Turku."}).doc();
  const Doc v2 = DocBuilder("notes.txt", {"Herons nest near Oulu."}).doc();
  CHECK_FALSE(writer.replaces("notes.txt"));
  write(v1);
  CHECK(writer.replaces("notes.txt"));
  CHECK_FALSE(writer.replaces("other.txt"));
  // Without the checks the old version's cascades would not run: refused.
  sql.exec("PRAGMA foreign_keys = OFF");
  CHECK_THROWS_AS(write(v2), std::logic_error);
  sql.exec("PRAGMA foreign_keys = ON");
  CHECK(count("sources") == 1);
  CHECK(write(v2).replaced);
  check_integrity();
}

TEST_CASE_FIXTURE(WriterFixture, "writer: the integrity check catches an index that drifted from its sentences") {
  write(DocBuilder("drift.txt", {"Puffins return in April.", "Gannets stay all year."}).doc());
  check_integrity();
  sql.exec("DROP TRIGGER sentences_fts_delete");  // what a writer bypassing the triggers would leave
  sql.exec("DELETE FROM sentences WHERE text LIKE 'Puffins%'");
  CHECK(matches("puffins") == 1);  // the index still holds the deleted sentence
  CHECK_THROWS(sql.exec("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)"));
}

TEST_CASE("writer: a country's evidence is its first mention in each source, once") {
  using Rows = std::vector<std::string>;
  const std::vector<std::string> fjords = {"Norway hosted talks.", "Envoys praised Norway.", "Norway and Sweden signed."};
  const struct {
    const char* what;
    std::vector<Doc> docs;
    Rows want;
  } cases[] = {
      {"three mentions, one row at the first", {DocBuilder("a.txt", fjords).country_everywhere("Norway", "NOR").doc()},
       {"a.txt|NOR|0|0"}},
      {"two countries, one row each",
       {DocBuilder("a.txt", fjords).country_everywhere("Norway", "NOR").country_everywhere("Sweden", "SWE").doc()},
       {"a.txt|NOR|0|0", "a.txt|SWE|55|2"}},
      {"a first mention outside every sentence gives way to the next",
       {DocBuilder("a.txt", fjords).country_everywhere("Norway", "NOR").drop_sentences_before("Envoys").doc()},
       {"a.txt|NOR|36|0"}},
      {"each source has its own row",
       {DocBuilder("a.txt", fjords).country_everywhere("Norway", "NOR").doc(),
        DocBuilder("b.txt", {"Trade with Norway grew.", "Norway exports fish."}).country_everywhere("Norway", "NOR").doc()},
       {"a.txt|NOR|0|0", "b.txt|NOR|11|0"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    WriterFixture f;
    for (const auto& d : c.docs) f.write(d);
    CHECK(f.country_evidence() == c.want);
  }
}

TEST_CASE_FIXTURE(WriterFixture, "writer: a person's evidence keeps a row per mention") {
  write(DocBuilder("a.txt", {"Ylva Strand arrived.", "Later Ylva Strand spoke."}).person_everywhere("Ylva Strand").doc());
  CHECK(sql.execAndGet("SELECT count(*) FROM evidence WHERE person_id IS NOT NULL").getInt() == 2);
}
