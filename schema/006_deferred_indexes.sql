-- annals schema, version 6: indexes a large import sets aside.
--
-- Events are dated by what the articles tell, not by when they are imported, so
-- each new event lands at a random place in the date-ordered indexes below. Once
-- such an index outgrows the writer's page cache, nearly every new row dirties
-- a page of its own, which is written to the WAL and again to the database:
-- importing 5,000 articles into a base of 100,000 wrote about 50 pages per
-- article, and took 13.7 s with these indexes against 7.3 s without them
-- (building them again took 1.4 s). So an import that brings many articles
-- relative to the base (ImportOptions::query_indexes) drops the indexes that
-- only queries read, keeps their CREATE statements here, and builds them again
-- in one pass when it ends. Queries running meanwhile still get right answers,
-- more slowly. Should the import stop half way (a crash, a kill), the next
-- read-write open of the knowledge base builds whatever is listed here.
--   SELECT name FROM deferred_indexes;      -- empty except during such an import
CREATE TABLE IF NOT EXISTS deferred_indexes (
  name TEXT PRIMARY KEY,  -- the index's name in sqlite_schema
  sql  TEXT NOT NULL      -- its CREATE INDEX statement, as sqlite_schema had it
) WITHOUT ROWID;
