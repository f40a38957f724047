-- annals schema, version 3: indexes that let each question of the query API
-- (include/annals/query.h) read only the rows of its answer, on knowledge bases of
-- millions of events (bench/query_bench.cc measures them). Nothing here is new data:
-- event_pairs is an index across tables, kept by triggers like event_countries.

-- Two countries taking part in one event (country_a_id < country_b_id), with the
-- event's start_date copied beside them, so that "the events of LAO and RUS", a page
-- of them or a period, is one index range in date order (timeline A B), however busy
-- either country is on its own.
CREATE TABLE IF NOT EXISTS event_pairs (
  event_id     INTEGER NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
  country_a_id INTEGER NOT NULL REFERENCES countries (country_id),
  country_b_id INTEGER NOT NULL REFERENCES countries (country_id),
  start_date   TEXT,
  PRIMARY KEY (event_id, country_a_id, country_b_id),
  CHECK (country_a_id < country_b_id)
) WITHOUT ROWID;
-- A pair's events by date (the key's event_id completes it).
CREATE INDEX IF NOT EXISTS event_pairs_date ON event_pairs (country_a_id, country_b_id, start_date);
INSERT OR IGNORE INTO event_pairs (event_id, country_a_id, country_b_id, start_date)
  SELECT a.event_id, a.country_id, p.country_id, a.start_date
  FROM event_countries a JOIN event_participants p ON p.event_id = a.event_id
  WHERE p.country_id > a.country_id;
-- A country joins an event: a pair with each country already in it.
CREATE TRIGGER IF NOT EXISTS event_pairs_insert AFTER INSERT ON event_countries BEGIN
  INSERT OR IGNORE INTO event_pairs (event_id, country_a_id, country_b_id, start_date)
    SELECT new.event_id, min(new.country_id, p.country_id), max(new.country_id, p.country_id), new.start_date
    FROM event_participants p
    WHERE p.event_id = new.event_id AND p.country_id IS NOT NULL AND p.country_id <> new.country_id;
END;
-- A country leaves an event: its pairs go.
CREATE TRIGGER IF NOT EXISTS event_pairs_delete AFTER DELETE ON event_countries BEGIN
  DELETE FROM event_pairs WHERE event_id = old.event_id
    AND (country_a_id = old.country_id OR country_b_id = old.country_id);
END;
-- An event's date changed: its pairs follow.
CREATE TRIGGER IF NOT EXISTS event_pairs_date_update AFTER UPDATE OF start_date ON events
WHEN new.start_date IS NOT old.start_date BEGIN
  UPDATE event_pairs SET start_date = new.start_date WHERE event_id = new.event_id;
END;

-- The terms of a country's posts, so that leaders(country, at) tests each post's start
-- and end inside the index and reads posts only for the terms that were running.
CREATE INDEX IF NOT EXISTS positions_country_term ON positions (country_id, start_date, end_date, end_precision);
-- The same for posts of organisations that name no state (their country is the
-- organisation's). The partial indexes also hold the columns of their WHERE, which
-- SQLite must see in an index to call it covering.
CREATE INDEX IF NOT EXISTS positions_organization_term
  ON positions (organization_id, start_date, end_date, end_precision, country_id) WHERE country_id IS NULL;
-- Posts naming neither a state nor an organisation (their country is the holder's).
CREATE INDEX IF NOT EXISTS positions_stateless
  ON positions (person_id, start_date, end_date, end_precision, country_id, organization_id)
  WHERE country_id IS NULL AND organization_id IS NULL;

-- The event's type beside each of its countries, so that "LAO's visits", a page of
-- them or a period, is one index range in date order (timeline A --type T, events
-- --country --type) instead of reading every event of the country to test its type.
ALTER TABLE event_countries ADD COLUMN type TEXT;
UPDATE event_countries SET type = (SELECT e.type FROM events e WHERE e.event_id = event_countries.event_id);
CREATE INDEX IF NOT EXISTS event_countries_type ON event_countries (country_id, type, start_date);
-- A country joins an event (event_countries_insert writes no type): its type.
CREATE TRIGGER IF NOT EXISTS event_countries_type_insert AFTER INSERT ON event_countries BEGIN
  UPDATE event_countries SET type = (SELECT type FROM events WHERE event_id = new.event_id)
    WHERE country_id = new.country_id AND event_id = new.event_id;
END;
-- An event's type changed: its rows follow.
CREATE TRIGGER IF NOT EXISTS event_countries_type_update AFTER UPDATE OF type ON events
WHEN new.type IS NOT old.type BEGIN
  UPDATE event_countries SET type = new.type
    WHERE event_id = new.event_id AND country_id IN
      (SELECT country_id FROM event_participants WHERE event_id = new.event_id AND country_id IS NOT NULL);
END;
