-- annals schema, version 2: views for reading the knowledge base in the sqlite3 shell,
-- and the indexes the query API (include/annals/query.h) needs beyond version 1 (one of
-- them, event_countries, a table kept by triggers).
-- Dates in the views are rendered at their precision: '2025', '2025-07' or '2025-07-30',
-- NULL when unknown; the *_date columns beside them keep the stored first day for sorting
-- and for date().  Try:
--   SELECT date, type, countries, persons, summary FROM v_timeline WHERE country = 'LAO';
--   SELECT person, title, start, end FROM v_leaders WHERE country = 'RUS';
--   SELECT marked FROM v_evidence WHERE fact_kind = 'event' AND fact_id = 1;

-- Posts of a country's organisations ("General Secretary" of a party): leaders() finds
-- them by organisation.
CREATE INDEX IF NOT EXISTS positions_organization ON positions (organization_id);

-- Surnames: the name without its first word ("putin" of "vladimir putin"), so that a
-- person can be found by it through an index (find_person, events --person).
CREATE INDEX IF NOT EXISTS persons_rest ON persons (substr(folded, instr(folded, ' ') + 1));
-- The same for the other forms of a person's name ("i petrov" -> "petrov").
CREATE INDEX IF NOT EXISTS person_aliases_rest
  ON person_aliases (substr(folded, instr(folded, ' ') + 1));

-- One country taking part in one event, with the event's start_date copied beside it: an
-- index across event_participants and events, kept by the triggers below, so that "the
-- events of LAO in 2024" or "LAO's latest 50 events" read only those rows in date order
-- (timeline, events --country) instead of every event the country ever took part in.
CREATE TABLE event_countries (
  country_id INTEGER NOT NULL REFERENCES countries (country_id),
  event_id   INTEGER NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
  start_date TEXT,
  PRIMARY KEY (country_id, event_id)
) WITHOUT ROWID;
-- A country's events by date (the key's event_id completes it, so no row is read twice).
CREATE INDEX event_countries_date ON event_countries (country_id, start_date);
INSERT OR IGNORE INTO event_countries (country_id, event_id, start_date)
  SELECT ep.country_id, ep.event_id, e.start_date
  FROM event_participants ep JOIN events e ON e.event_id = ep.event_id
  WHERE ep.country_id IS NOT NULL;
-- A country joins an event: its row, with the event's date.
CREATE TRIGGER event_countries_insert AFTER INSERT ON event_participants
WHEN new.country_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO event_countries (country_id, event_id, start_date)
    SELECT new.country_id, new.event_id, start_date FROM events WHERE event_id = new.event_id;
END;
-- A country leaves an event: its row goes once no role of it is left.
CREATE TRIGGER event_countries_delete AFTER DELETE ON event_participants
WHEN old.country_id IS NOT NULL BEGIN
  DELETE FROM event_countries WHERE country_id = old.country_id AND event_id = old.event_id
    AND NOT EXISTS (SELECT 1 FROM event_participants
                    WHERE event_id = old.event_id AND country_id = old.country_id);
END;
-- A participant row changed in place: as a delete followed by an insert.
CREATE TRIGGER event_countries_update AFTER UPDATE OF event_id, country_id ON event_participants
BEGIN
  DELETE FROM event_countries WHERE country_id = old.country_id AND event_id = old.event_id
    AND NOT EXISTS (SELECT 1 FROM event_participants
                    WHERE event_id = old.event_id AND country_id = old.country_id);
  INSERT OR IGNORE INTO event_countries (country_id, event_id, start_date)
    SELECT new.country_id, new.event_id, start_date FROM events
    WHERE event_id = new.event_id AND new.country_id IS NOT NULL;
END;
-- An event's date changed (a more precise source): its rows follow.
CREATE TRIGGER event_countries_date_update AFTER UPDATE OF start_date ON events
WHEN new.start_date IS NOT old.start_date BEGIN
  UPDATE event_countries SET start_date = new.start_date
    WHERE event_id = new.event_id AND country_id IN
      (SELECT country_id FROM event_participants WHERE event_id = new.event_id AND country_id IS NOT NULL);
END;

-- One event: its type, dates at their precision, where, the participating countries as
-- sorted codes ('LAO,RUS'), persons and organisations ('; '-separated), and a summary.
CREATE VIEW v_events AS
SELECT e.event_id,
       e.type,
       e.cameo,
       e.plover_category,
       e.plover_mode,
       CASE e.date_precision WHEN 'year' THEN substr(e.start_date, 1, 4)
            WHEN 'month' THEN substr(e.start_date, 1, 7) ELSE e.start_date END AS start,
       CASE e.date_precision WHEN 'year' THEN substr(e.end_date, 1, 4)
            WHEN 'month' THEN substr(e.end_date, 1, 7) ELSE e.end_date END AS end,
       e.date_precision AS precision,
       e.start_date,
       e.location,
       (SELECT group_concat(code, ',') FROM
          (SELECT DISTINCT c.code FROM event_participants ep
           JOIN countries c ON c.country_id = ep.country_id
           WHERE ep.event_id = e.event_id ORDER BY c.code)) AS countries,
       (SELECT group_concat(name, '; ') FROM
          (SELECT DISTINCT p.name FROM event_participants ep
           JOIN persons p ON p.person_id = ep.person_id
           WHERE ep.event_id = e.event_id ORDER BY p.name)) AS persons,
       (SELECT group_concat(name, '; ') FROM
          (SELECT DISTINCT o.name FROM event_participants ep
           JOIN organizations o ON o.organization_id = ep.organization_id
           WHERE ep.event_id = e.event_id ORDER BY o.name)) AS organizations,
       e.summary
FROM events e;

-- One event seen from one participating country: filter by `country` (a code) to get
-- that country's timeline, ORDER BY start_date. `countries` lists every country of
-- the event, so "AND countries LIKE '%RUS%'" narrows it to a pair.
CREATE VIEW v_timeline AS
SELECT c.code AS country,
       c.name AS country_name,
       v.start AS date,
       v.event_id,
       v.type,
       v.countries,
       v.persons,
       v.organizations,
       v.location,
       v.summary,
       v.start_date
FROM event_countries ec
JOIN countries c ON c.country_id = ec.country_id
JOIN v_events v ON v.event_id = ec.event_id;

-- One post held by one person: the country is the post's own, else its organisation's,
-- else (when the post names neither) the holder's; start and end at their precision,
-- NULL when the texts do not say. (Three arms, so "WHERE country = 'LAO'" reaches
-- each through an index.)
CREATE VIEW v_leaders AS
SELECT p.name AS person, c.code AS country, c.name AS country_name, q.title,
       o.name AS organization,
       CASE q.start_precision WHEN 'year' THEN substr(q.start_date, 1, 4)
            WHEN 'month' THEN substr(q.start_date, 1, 7) ELSE q.start_date END AS start,
       CASE q.end_precision WHEN 'year' THEN substr(q.end_date, 1, 4)
            WHEN 'month' THEN substr(q.end_date, 1, 7) ELSE q.end_date END AS end,
       q.start_date, q.end_date, q.person_id, q.position_id
FROM positions q
JOIN persons p ON p.person_id = q.person_id
JOIN countries c ON c.country_id = q.country_id
LEFT JOIN organizations o ON o.organization_id = q.organization_id
UNION ALL
SELECT p.name, c.code, c.name, q.title, o.name,
       CASE q.start_precision WHEN 'year' THEN substr(q.start_date, 1, 4)
            WHEN 'month' THEN substr(q.start_date, 1, 7) ELSE q.start_date END,
       CASE q.end_precision WHEN 'year' THEN substr(q.end_date, 1, 4)
            WHEN 'month' THEN substr(q.end_date, 1, 7) ELSE q.end_date END,
       q.start_date, q.end_date, q.person_id, q.position_id
FROM positions q
JOIN persons p ON p.person_id = q.person_id
JOIN organizations o ON o.organization_id = q.organization_id
LEFT JOIN countries c ON c.country_id = o.country_id
WHERE q.country_id IS NULL
UNION ALL
SELECT p.name, c.code, c.name, q.title, NULL,
       CASE q.start_precision WHEN 'year' THEN substr(q.start_date, 1, 4)
            WHEN 'month' THEN substr(q.start_date, 1, 7) ELSE q.start_date END,
       CASE q.end_precision WHEN 'year' THEN substr(q.end_date, 1, 4)
            WHEN 'month' THEN substr(q.end_date, 1, 7) ELSE q.end_date END,
       q.start_date, q.end_date, q.person_id, q.position_id
FROM positions q
JOIN persons p ON p.person_id = q.person_id
LEFT JOIN countries c ON c.country_id = p.country_id
WHERE q.country_id IS NULL AND q.organization_id IS NULL;

-- One milestone between two countries: kind, both codes and names (a is the acting
-- side where there is one), the date at its precision.
CREATE VIEW v_relations AS
SELECT r.relation_id,
       r.kind,
       a.code AS country_a,
       a.name AS country_a_name,
       b.code AS country_b,
       b.name AS country_b_name,
       CASE r.date_precision WHEN 'year' THEN substr(r.date, 1, 4)
            WHEN 'month' THEN substr(r.date, 1, 7) ELSE r.date END AS date,
       r.date_precision AS precision,
       r.date AS start_date,
       r.event_id
FROM relations r
JOIN countries a ON a.country_id = r.country_a_id
JOIN countries b ON b.country_id = r.country_b_id;

-- One statement of a fact: the fact's kind ('event', 'relation', 'position', 'person',
-- 'organization', 'country') and id, the source file, the exact words stated, and the
-- sentence with those words marked: 'Laos and Russia [[established relations]] in 1960.'
-- Offsets are bytes of the source's body, [body_begin, body_end). Filtering on the
-- fact's own column ("WHERE event_id = 12") uses an index; on fact_kind/fact_id it reads all.
CREATE VIEW v_evidence AS
SELECT CASE WHEN v.event_id IS NOT NULL THEN 'event'
            WHEN v.relation_id IS NOT NULL THEN 'relation'
            WHEN v.position_id IS NOT NULL THEN 'position'
            WHEN v.person_id IS NOT NULL THEN 'person'
            WHEN v.organization_id IS NOT NULL THEN 'organization'
            ELSE 'country' END AS fact_kind,
       coalesce(v.event_id, v.relation_id, v.position_id, v.person_id, v.organization_id,
                v.country_id) AS fact_id,
       s.file,
       t.seq AS sentence_seq,
       CAST(substr(CAST(t.text AS BLOB), v.body_begin - t.body_begin + 1, v.body_end - v.body_begin) AS TEXT)
         AS stated,
       CAST(substr(CAST(t.text AS BLOB), 1, max(v.body_begin - t.body_begin, 0)) AS TEXT) || '[[' ||
       CAST(substr(CAST(t.text AS BLOB), v.body_begin - t.body_begin + 1, v.body_end - v.body_begin) AS TEXT) ||
       ']]' || CAST(substr(CAST(t.text AS BLOB), v.body_end - t.body_begin + 1) AS TEXT) AS marked,
       v.body_begin,
       v.body_end,
       v.evidence_id,
       v.source_id,
       v.sentence_id,
       v.event_id,
       v.relation_id,
       v.position_id,
       v.person_id,
       v.organization_id,
       v.country_id
FROM evidence v
JOIN sources s ON s.source_id = v.source_id
JOIN sentences t ON t.sentence_id = v.sentence_id;
