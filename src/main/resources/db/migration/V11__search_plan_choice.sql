-- How a search collects the newest matches it considers (the search window), chosen per search:
--
-- * walking the list index newest first and testing each article's search vector, which stops
--   after the window is full but reads the out-of-line (TOAST) vector of every article it passes:
--   about 200 / share-of-matching-articles vectors;
-- * or taking all matches from the search index as a bitmap and sorting them by date, which reads
--   no vector but every matching article's row.
--
-- PostgreSQL's cost model does not count the vector reads, so it walks the list index even for a
-- word in 1 % of a million articles (15,000 vectors read, 0.5 s, against 45 ms for the bitmap).
-- Measured per article on two cores: a vector read while walking ~34 µs, a row of the bitmap ~3.5
-- µs (more when not cached). The bitmap wins while matches² × 3.5 < 200 × articles × 34, that is
-- while matches < √(2000 × articles): 4,500 of 10,000 articles, 45,000 of a million.
--
-- This function estimates the matches with the planner's own statistics (EXPLAIN, no execution)
-- and switches index scans off for the rest of the transaction when the bitmap wins (bitmap scans
-- stay allowed), on otherwise. It returns whether it chose the bitmap.
CREATE FUNCTION public.feder_plan_search(query tsquery) RETURNS boolean
    LANGUAGE plpgsql VOLATILE
    AS $$
DECLARE
    plan json;
    matches float8;
    articles float8;
    bitmap boolean;
BEGIN
    EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM public.article WHERE search_vector @@ %L::tsquery',
                   query::text)
        INTO plan;
    matches := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
    SELECT greatest(reltuples, 1) INTO articles FROM pg_class WHERE oid = 'public.article'::regclass;
    bitmap := matches * matches < 2000 * articles;
    PERFORM set_config('enable_indexscan', CASE WHEN bitmap THEN 'off' ELSE 'on' END, true);
    RETURN bitmap;
END
$$;
