-- The search plan choice of V11, mended: with index scans off, a small table (10,000 articles) was
-- read sequentially, testing the search vector of every article (90 ms instead of 10 ms through
-- the search index), as PostgreSQL does not count the vector reads there either. When the bitmap
-- wins, sequential scans are now switched off too, so that the window comes from the search index.
CREATE OR REPLACE FUNCTION public.feder_plan_search(query tsquery) RETURNS boolean
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
    PERFORM set_config('enable_seqscan', CASE WHEN bitmap THEN 'off' ELSE 'on' END, true);
    RETURN bitmap;
END
$$;
