-- annals schema, version 1. Applied by the library on open (lib/store/schema.cc);
-- PRAGMA user_version says which numbered files have been applied.
-- Dates are ISO-8601 text: *_date columns hold the FIRST day of the period the text
-- names ('2025-01-01' for "2025"), the matching *_precision column says how much of it
-- the text states (unknown/year/month/day), so date() and strftime() work on them.
-- Offsets (*_begin, *_end) are byte offsets, [begin, end).

-- A country or former state (ISO 3166-1 alpha-3, or ISO 3166-3 alpha-4 for former states).
-- Enumerations are checked with OR chains, not IN lists: SQLite 3.40 builds a
-- temporary b-tree for an IN list on every insert, a large share of an import's time.
CREATE TABLE countries (
  country_id     INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE
                 CHECK (code GLOB '[A-Z][A-Z][A-Z]' OR code GLOB '[A-Z][A-Z][A-Z][A-Z]'),
  alpha2         TEXT CHECK (alpha2 IS NULL OR alpha2 GLOB '[A-Z][A-Z]'),
  name           TEXT NOT NULL,
  official_name  TEXT,
  former         INTEGER NOT NULL DEFAULT 0 CHECK (former = 0 OR former = 1),
  withdrawn_date TEXT CHECK (withdrawn_date IS NULL OR date(withdrawn_date) = withdrawn_date),
  successor_id   INTEGER REFERENCES countries (country_id)
);

-- Another way the texts name a country: short and official names, former names,
-- demonyms and adjectives. `folded` is the alias lowercased without diacritics.
CREATE TABLE country_aliases (
  country_alias_id INTEGER PRIMARY KEY,
  country_id       INTEGER NOT NULL REFERENCES countries (country_id) ON DELETE CASCADE,
  alias            TEXT NOT NULL,
  folded           TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind = 'name' OR kind = 'short_name' OR kind = 'official_name'
                    OR kind = 'former_name' OR kind = 'demonym' OR kind = 'adjective'
                    OR kind = 'code'),
  UNIQUE (country_id, alias, kind)
);
CREATE INDEX country_aliases_folded ON country_aliases (folded);

-- One version of one imported article. A changed file with the same name becomes a
-- new version; the old row stays (replaced_by set) but its sentences and facts are removed.
-- The text itself is stored once, in `sentences`; `sha256` identifies the raw file and
-- the offsets below point into it and into the cleaned body.
CREATE TABLE sources (
  source_id           INTEGER PRIMARY KEY,
  file                TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  sha256              TEXT NOT NULL CHECK (length(sha256) = 64),
  title               TEXT,
  title_from          TEXT,
  publisher           TEXT,
  publisher_from      TEXT,
  author              TEXT,
  author_from         TEXT,
  url                 TEXT,
  language            TEXT,
  published_date      TEXT CHECK (published_date IS NULL OR date(published_date) = published_date),
  published_precision TEXT NOT NULL DEFAULT 'unknown'
                      CHECK (published_precision = 'unknown' OR published_precision = 'year'
                    OR published_precision = 'month' OR published_precision = 'day'),
  published_from      TEXT,
  imported_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  replaced_by         INTEGER REFERENCES sources (source_id),
  UNIQUE (file, version)
);
CREATE INDEX sources_sha256 ON sources (sha256);
CREATE INDEX sources_current ON sources (file) WHERE replaced_by IS NULL;

-- The body -> raw file map of a source: body[body_begin, +length) = raw[raw_begin, +length).
CREATE TABLE source_segments (
  source_id  INTEGER NOT NULL REFERENCES sources (source_id) ON DELETE CASCADE,
  body_begin INTEGER NOT NULL CHECK (body_begin >= 0),
  raw_begin  INTEGER NOT NULL CHECK (raw_begin >= 0),
  length     INTEGER NOT NULL CHECK (length >= 0),
  PRIMARY KEY (source_id, body_begin)
) WITHOUT ROWID;

-- A part of the raw file the cleaner left out of the body, its text, and why.
CREATE TABLE boilerplate (
  boilerplate_id INTEGER PRIMARY KEY,
  source_id      INTEGER NOT NULL REFERENCES sources (source_id) ON DELETE CASCADE,
  raw_begin      INTEGER NOT NULL,
  raw_end        INTEGER NOT NULL CHECK (raw_end >= raw_begin),
  reason         TEXT NOT NULL,
  text           TEXT NOT NULL
);
CREATE INDEX boilerplate_source ON boilerplate (source_id);

-- A sentence of a source's body; `seq` counts from 0. body_begin/body_end are byte
-- offsets in the cleaned body, raw_begin/raw_end in the raw file.
CREATE TABLE sentences (
  sentence_id INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources (source_id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL CHECK (seq >= 0),
  body_begin  INTEGER NOT NULL,
  body_end    INTEGER NOT NULL CHECK (body_end > body_begin),
  raw_begin   INTEGER NOT NULL,
  raw_end     INTEGER NOT NULL CHECK (raw_end >= raw_begin),
  text        TEXT NOT NULL,
  UNIQUE (source_id, seq)
);

-- Full-text index over sentences.text (external content). The importer indexes the
-- sentences of a batch of articles in one statement when the batch commits (one row at a
-- time would flush the index once per row); deletes and updates are kept in step by the
-- triggers below. After inserting sentences by hand, index them with
--   INSERT INTO sentences_fts (rowid, text) SELECT sentence_id, text FROM sentences WHERE ...;
-- or rebuild the whole index: INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
-- Query:  SELECT rowid, highlight(sentences_fts, 0, '[', ']') FROM sentences_fts
--         WHERE sentences_fts MATCH 'viet nam' ORDER BY rank;
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
  text, content = 'sentences', content_rowid = 'sentence_id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.sentence_id, old.text);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.sentence_id, old.text);
  INSERT INTO sentences_fts (rowid, text) VALUES (new.sentence_id, new.text);
END;

-- A named human. One row per person across all sources; `folded` is the name
-- lowercased without diacritics ("luong cuong" for Lương Cường).
CREATE TABLE persons (
  person_id  INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  folded     TEXT NOT NULL,
  country_id INTEGER REFERENCES countries (country_id)
);
CREATE INDEX persons_folded ON persons (folded);
CREATE INDEX persons_country ON persons (country_id);

-- Another form of a person's name used by some source ("Thongloun", "T. Sisoulith").
CREATE TABLE person_aliases (
  person_alias_id INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES persons (person_id) ON DELETE CASCADE,
  alias           TEXT NOT NULL,
  folded          TEXT NOT NULL,
  UNIQUE (person_id, folded)
);
CREATE INDEX person_aliases_folded ON person_aliases (folded);

-- A party, state body, international organisation or other body.
CREATE TABLE organizations (
  organization_id INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  folded          TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL DEFAULT 'other' CHECK (kind = 'international' OR kind = 'party' OR kind = 'state_body'
                    OR kind = 'media' OR kind = 'education' OR kind = 'other'),
  country_id      INTEGER REFERENCES countries (country_id)
);
CREATE INDEX organizations_country ON organizations (country_id);

-- Another name of an organisation (acronyms: "LPRP", "CPV").
CREATE TABLE organization_aliases (
  organization_alias_id INTEGER PRIMARY KEY,
  organization_id       INTEGER NOT NULL REFERENCES organizations (organization_id) ON DELETE CASCADE,
  alias                 TEXT NOT NULL,
  folded                TEXT NOT NULL,
  UNIQUE (organization_id, folded)
);
CREATE INDEX organization_aliases_folded ON organization_aliases (folded);

-- A post a person held ("position held"): the title, the country or organisation it
-- belongs to, start and end where stated, and who held it before or after.
CREATE TABLE positions (
  position_id     INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES persons (person_id) ON DELETE CASCADE,
  title           TEXT NOT NULL,
  organization_id INTEGER REFERENCES organizations (organization_id),
  country_id      INTEGER REFERENCES countries (country_id),
  start_date      TEXT CHECK (start_date IS NULL OR date(start_date) = start_date),
  start_precision TEXT NOT NULL DEFAULT 'unknown'
                  CHECK (start_precision = 'unknown' OR start_precision = 'year' OR start_precision = 'month'
                    OR start_precision = 'day'),
  end_date        TEXT CHECK (end_date IS NULL OR date(end_date) = end_date),
  end_precision   TEXT NOT NULL DEFAULT 'unknown'
                  CHECK (end_precision = 'unknown' OR end_precision = 'year' OR end_precision = 'month'
                    OR end_precision = 'day'),
  predecessor_id  INTEGER REFERENCES persons (person_id),
  successor_id    INTEGER REFERENCES persons (person_id),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX positions_identity
  ON positions (person_id, title, ifnull(organization_id, 0), ifnull(country_id, 0));
CREATE INDEX positions_country ON positions (country_id, start_date);

-- A dated (or undated) diplomatic event, typed with CAMEO and PLOVER. `merge_key`
-- (type family | sorted country codes) is how the importer decides that two
-- statements tell the same event: same key and overlapping dates.
CREATE TABLE events (
  event_id           INTEGER PRIMARY KEY,
  type               TEXT NOT NULL CHECK (type = 'visit' OR type = 'meeting' OR type = 'summit' OR type = 'agreement'
                    OR type = 'relations_established' OR type = 'relations_upgraded'
                    OR type = 'military_exercise' OR type = 'aid' OR type = 'election'
                    OR type = 'other'),
  cameo              TEXT CHECK (cameo IS NULL OR cameo GLOB '[0-9][0-9][0-9]' OR cameo GLOB '[0-9][0-9][0-9][0-9]'),
  plover_category    TEXT,
  plover_mode        TEXT,
  start_date         TEXT CHECK (start_date IS NULL OR date(start_date) = start_date),
  end_date           TEXT CHECK (end_date IS NULL OR date(end_date) = end_date),
  date_precision     TEXT NOT NULL DEFAULT 'unknown'
                     CHECK (date_precision = 'unknown' OR date_precision = 'year' OR date_precision = 'month'
                    OR date_precision = 'day'),
  date_inferred_from TEXT,
  location           TEXT,
  summary            TEXT,
  merge_key          TEXT NOT NULL,
  CHECK ((start_date IS NULL) = (date_precision = 'unknown')),
  CHECK (end_date IS NULL OR (start_date IS NOT NULL AND end_date >= start_date))
);
CREATE INDEX events_merge ON events (merge_key, start_date);
CREATE INDEX events_type_date ON events (type, start_date);
CREATE INDEX events_date ON events (start_date);

-- Who takes part in an event and in what role; exactly one of country, person or
-- organisation is set.
CREATE TABLE event_participants (
  event_participant_id INTEGER PRIMARY KEY,
  event_id             INTEGER NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
  role                 TEXT NOT NULL CHECK (role = 'actor' OR role = 'counterpart' OR role = 'participant'),
  country_id           INTEGER REFERENCES countries (country_id),
  person_id            INTEGER REFERENCES persons (person_id),
  organization_id      INTEGER REFERENCES organizations (organization_id),
  CHECK ((country_id IS NOT NULL) + (person_id IS NOT NULL) + (organization_id IS NOT NULL) = 1)
);
CREATE UNIQUE INDEX event_participants_identity ON event_participants
  (event_id, role, ifnull(country_id, 0), ifnull(person_id, 0), ifnull(organization_id, 0));
CREATE INDEX event_participants_country ON event_participants (country_id, event_id);
CREATE INDEX event_participants_person ON event_participants (person_id, event_id);
CREATE INDEX event_participants_organization ON event_participants (organization_id, event_id);

-- A milestone between two countries (also present as an event). country_a is the
-- acting side where there is one (the recogniser); pairs are unordered for search.
CREATE TABLE relations (
  relation_id    INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind = 'diplomatic_relations_established' OR kind = 'recognition'
                    OR kind = 'treaty_signed' OR kind = 'relations_upgraded'),
  country_a_id   INTEGER NOT NULL REFERENCES countries (country_id),
  country_b_id   INTEGER NOT NULL REFERENCES countries (country_id),
  date           TEXT CHECK (date IS NULL OR date(date) = date),
  date_precision TEXT NOT NULL DEFAULT 'unknown'
                 CHECK (date_precision = 'unknown' OR date_precision = 'year' OR date_precision = 'month'
                    OR date_precision = 'day'),
  event_id       INTEGER REFERENCES events (event_id) ON DELETE SET NULL,
  CHECK (country_a_id <> country_b_id)
);
CREATE UNIQUE INDEX relations_identity ON relations
  (kind, min(country_a_id, country_b_id), max(country_a_id, country_b_id), ifnull(substr(date, 1, 4), ''));
CREATE INDEX relations_pair ON relations
  (min(country_a_id, country_b_id), max(country_a_id, country_b_id), date);

-- Where a source states a fact: the sentence and the byte span in the body. Exactly
-- one of the fact columns is set. Mentions of persons and organisations are evidence
-- for those entities; a country's evidence is its first mention in each source (each
-- mention, in knowledge bases written before schema version 5).
CREATE TABLE evidence (
  evidence_id     INTEGER PRIMARY KEY,
  source_id       INTEGER NOT NULL REFERENCES sources (source_id) ON DELETE CASCADE,
  sentence_id     INTEGER NOT NULL REFERENCES sentences (sentence_id) ON DELETE CASCADE,
  body_begin      INTEGER NOT NULL,
  body_end        INTEGER NOT NULL CHECK (body_end >= body_begin),
  event_id        INTEGER REFERENCES events (event_id) ON DELETE CASCADE,
  relation_id     INTEGER REFERENCES relations (relation_id) ON DELETE CASCADE,
  position_id     INTEGER REFERENCES positions (position_id) ON DELETE CASCADE,
  person_id       INTEGER REFERENCES persons (person_id) ON DELETE CASCADE,
  organization_id INTEGER REFERENCES organizations (organization_id) ON DELETE CASCADE,
  country_id      INTEGER REFERENCES countries (country_id) ON DELETE CASCADE,
  CHECK ((event_id IS NOT NULL) + (relation_id IS NOT NULL) + (position_id IS NOT NULL) +
         (person_id IS NOT NULL) + (organization_id IS NOT NULL) + (country_id IS NOT NULL) = 1)
);
-- No index on source_id: a source's evidence is reached through its sentences.
CREATE INDEX evidence_sentence ON evidence (sentence_id);
CREATE INDEX evidence_event ON evidence (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX evidence_relation ON evidence (relation_id) WHERE relation_id IS NOT NULL;
CREATE INDEX evidence_position ON evidence (position_id) WHERE position_id IS NOT NULL;
CREATE INDEX evidence_person ON evidence (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX evidence_organization ON evidence (organization_id) WHERE organization_id IS NOT NULL;
CREATE INDEX evidence_country ON evidence (country_id) WHERE country_id IS NOT NULL;
