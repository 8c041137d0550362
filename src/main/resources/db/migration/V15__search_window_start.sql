-- A public search for a word in a few percent of a large archive reads the newest articles only.
--
-- The search considers the newest matches (the window, 200 by default). For a word in 1 % to 4 %
-- of a million articles the window is collected through the search index (V11, V13): all 10,000
-- to 40,000 matches are fetched from the table to find the newest 200 (~55 ms for 13,000).
-- feder_plan_public_search also tells where the window should start: the publication date above
-- which the newest articles hold three times the window's matches if the word is spread evenly
-- over time, read from the planner's histogram of publication dates. The search then adds
-- "published_at >= that date", which PostgreSQL answers by ANDing the search index with the list
-- index, fetching a few hundred rows (~20 ms). When fewer matches than the window come back (a
-- word of past years), Feder searches again without the start: a window that holds as many
-- matches as it may is exactly the newest ones.

-- The planner's estimate of the articles a search matches. A word that the configurations read
-- alike stands in the search once per reading ('hochwasserschutz' | 'hochwasserschutz' | …), which
-- the planner counts once per reading, three times its matches: a plain disjunction of words is
-- estimated with each word once.
CREATE FUNCTION public.feder_search_matches(query tsquery) RETURNS float8
    LANGUAGE plpgsql VOLATILE
    AS $$
DECLARE
    plan json;
    distinct_words tsquery;
BEGIN
    IF query::text !~ '[&!<>()]' THEN
        SELECT string_agg(DISTINCT w[1], ' | ')::tsquery INTO distinct_words
        FROM regexp_matches(query::text, $re$('(?:[^']|'')*'(?::[*A-D]+)?)$re$, 'g') AS w;
        query := coalesce(distinct_words, query);
    END IF;
    EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM public.article WHERE search_vector @@ %L::tsquery',
                   query::text)
        INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
END
$$;

-- The choice of V13 for this many matches: through the search index (true) or along the list
-- index; sets the transaction's plan settings accordingly.
CREATE FUNCTION public.feder_choose_search_plan(matches float8) RETURNS boolean
    LANGUAGE plpgsql VOLATILE
    AS $$
DECLARE
    articles float8;
    bitmap boolean;
BEGIN
    SELECT greatest(reltuples, 1) INTO articles FROM pg_class WHERE oid = 'public.article'::regclass;
    bitmap := matches * matches < 2000 * articles;
    PERFORM set_config('enable_indexscan', CASE WHEN bitmap THEN 'off' ELSE 'on' END, true);
    PERFORM set_config('enable_seqscan', CASE WHEN bitmap THEN 'off' ELSE 'on' END, true);
    RETURN bitmap;
END
$$;

CREATE OR REPLACE FUNCTION public.feder_plan_search(query tsquery) RETURNS boolean
    LANGUAGE plpgsql VOLATILE
    AS $$
BEGIN
    RETURN public.feder_choose_search_plan(public.feder_search_matches(query));
END
$$;

-- The plan of a public search, as feder_plan_search, and the earliest publication date its window
-- needs to read: NULL where the whole archive is to be read (the list index is walked, which stops
-- at the window by itself; the window would reach too far back; no statistics yet).
CREATE FUNCTION public.feder_plan_public_search(query tsquery, window_size integer)
    RETURNS timestamptz
    LANGUAGE plpgsql VOLATILE
    AS $$
DECLARE
    matches float8 := public.feder_search_matches(query);
    articles float8;
    bounds timestamptz[];
    others float8;
    buckets integer;
    taken integer;
    reach float8;
BEGIN
    IF NOT public.feder_choose_search_plan(matches) THEN
        RETURN NULL;
    END IF;
    SELECT greatest(reltuples, 1) INTO articles FROM pg_class WHERE oid = 'public.article'::regclass;
    -- The histogram holds the articles with a publication date other than the most common ones,
    -- each of its buckets the same number of them.
    SELECT s.histogram_bounds::text::timestamptz[],
           s.null_frac + coalesce((SELECT sum(f) FROM unnest(s.most_common_freqs) AS f), 0)
        INTO bounds, others
    FROM pg_catalog.pg_stats s
    WHERE s.schemaname = 'public' AND s.tablename = 'article' AND s.attname = 'published_at';
    buckets := coalesce(cardinality(bounds), 0) - 1;
    IF buckets < 2 OR others >= 0.99 THEN
        RETURN NULL;
    END IF;
    -- The newest buckets that hold three windows of matches if the word is spread evenly over time.
    taken := ceil(3 * window_size / greatest(matches, 1) / (1 - others) * buckets);
    reach := taken::float8 / buckets * (1 - others);
    -- The gain shrinks as the window reaches further back (a word in 1.2 % of a million articles:
    -- 20 ms reading the newest 5 %, 30 ms the newest 8 %, 44 ms the newest 10 %, 55 ms all of
    -- them), and towards 100,000 articles the list index's side of the AND outgrows the exact
    -- bitmap that the default work_mem (4 MB) holds: a lossy one rechecks the search vectors of
    -- whole pages, which costs more than reading all matches (168 ms for the newest 13 %).
    IF taken >= buckets OR reach > 0.08 OR reach * articles > 80000 THEN
        RETURN NULL;
    END IF;
    RETURN bounds[buckets + 1 - taken];
END
$$;
