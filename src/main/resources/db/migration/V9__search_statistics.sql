-- A search orders its matches by date and keeps the newest ones. For a common word PostgreSQL
-- walks the date index and stops early; for a rare word it must use the search index instead, or
-- the walk reads every article's search vector (30 s at 1,000,000 articles for a word no article
-- contains). It can only tell the two apart if its statistics list enough of the lexemes: the
-- default (100) keeps about a thousand; 2,000 keeps tens of thousands. Takes effect at the next
-- ANALYZE of the table (autovacuum or by hand); an ANALYZE then samples more rows (about a minute
-- at 1,000,000 articles on two cores).
ALTER TABLE article ALTER COLUMN search_vector SET STATISTICS 2000;
