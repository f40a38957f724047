-- annals schema, version 4: the importer keeps event_countries and event_pairs itself.
-- The triggers that filled them on every inserted participant (and then updated the
-- row they had just written) cost more than half of an import's writing; the
-- importer now writes each event's rows in two statements after its participants.
-- Deletes and date or type changes are still followed by the triggers of versions 2
-- and 3. After adding events or participants by hand, fill the two tables with:
--   INSERT OR IGNORE INTO event_countries (country_id, event_id, start_date, type)
--     SELECT DISTINCT p.country_id, e.event_id, e.start_date, e.type
--     FROM event_participants p JOIN events e ON e.event_id = p.event_id
--     WHERE p.country_id IS NOT NULL;
--   INSERT OR IGNORE INTO event_pairs (event_id, country_a_id, country_b_id, start_date)
--     SELECT DISTINCT a.event_id, a.country_id, b.country_id, e.start_date
--     FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id
--       AND b.country_id > a.country_id JOIN events e ON e.event_id = a.event_id;
DROP TRIGGER IF EXISTS event_countries_insert;
DROP TRIGGER IF EXISTS event_countries_type_insert;
DROP TRIGGER IF EXISTS event_pairs_insert;
