-- An editor's search over every status collects its window of matches as the public one does.
--
-- A search considers the newest matches (the window, 200 by default) in publication order
-- (published_at DESC NULLS LAST, id): drafts, without a date, come last. The public search reads
-- that order off article_published_idx, which holds published articles only. A signed-in search
-- with no status filter had no index in that order: PostgreSQL fetched every match from the search
-- index and sorted them all to keep the newest 200 (a word in a quarter of a million articles:
-- 250,000 rows, 2.2-2.8 s). This index is the same order over every live article, so that the
-- signed-in search walks it for common words and starts its window at a publication date for words
-- in a few percent of the articles (feder_plan_public_search, R__search_plan.sql), as the public
-- search does with its own index.
CREATE INDEX article_live_published_idx ON article (published_at DESC NULLS LAST, id)
    WHERE deleted_at IS NULL;
