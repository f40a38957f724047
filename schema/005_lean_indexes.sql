-- annals schema, version 5: fewer index entries per imported article.
--
-- A participant row names exactly one of a country, a person or an organisation, yet
-- each of the three indexes below held every row, two thirds of them under NULL. As
-- partial indexes they hold only the rows naming their kind. Every statement that
-- reads them compares the column with = or IN (the query API's events of a person or
-- an organisation, the triggers of version 2, the foreign-key checks when a person or
-- an organisation is deleted), which tells SQLite the column is not NULL, so each
-- still uses its index. Names and columns are unchanged.
DROP INDEX IF EXISTS event_participants_country;
DROP INDEX IF EXISTS event_participants_person;
DROP INDEX IF EXISTS event_participants_organization;
CREATE INDEX event_participants_country ON event_participants (country_id, event_id)
  WHERE country_id IS NOT NULL;
CREATE INDEX event_participants_person ON event_participants (person_id, event_id)
  WHERE person_id IS NOT NULL;
CREATE INDEX event_participants_organization ON event_participants (organization_id, event_id)
  WHERE organization_id IS NOT NULL;

-- positions_country (country_id, start_date) is the first two columns of
-- positions_country_term (version 3), which serves every look-up and order it could:
-- a second copy of the same keys, written for every post.
DROP INDEX IF EXISTS positions_country;

-- Kept, each needed by some query: event_countries' key (country_id, event_id) makes
-- its rows unique and answers "is this country in that event" (events of a person in
-- a country, the triggers); event_countries_date gives a country's events of all types
-- in date order (timeline, events --country); event_countries_type those of one type.
-- Neither of the last two is a prefix of the other.
--
-- Evidence of a country is written once per source (at its first mention in the
-- article) by importers of this version; rows written before stay as they are.
