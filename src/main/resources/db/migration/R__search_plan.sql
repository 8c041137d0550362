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
-- These functions estimate the matches with the planner's own statistics (EXPLAIN, no execution)
-- and set the plan settings for the rest of the transaction. They came with V11 and were mended
-- in V13 and V15.
--
-- A repeatable migration: Flyway runs it after the versioned ones whenever it changes, so this file
-- is where these functions are defined today; change them here, with the same signatures (CREATE
-- OR REPLACE cannot change a function's arguments or result).

-- The planner's estimate of the articles a search matches. A word that the configurations read
-- alike stands in the search once per reading ('hochwasserschutz' | 'hochwasserschutz' | …), which
-- the planner counts once per reading, three times its matches: a plain disjunction of words is
-- estimated with each word once.
CREATE OR REPLACE FUNCTION public.feder_search_matches(query tsquery) RETURNS float8
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

-- Through the search index (true) or along the list index, for this many matches; sets the
-- transaction's plan settings accordingly. When the bitmap wins, index scans are switched off,
-- and sequential scans too: a small table (10,000 articles) was otherwise read sequentially,
-- testing the search vector of every article (90 ms instead of 10 ms through the search index), as
-- PostgreSQL does not count the vector reads there either. Bitmap scans stay allowed.
CREATE OR REPLACE FUNCTION public.feder_choose_search_plan(matches float8) RETURNS boolean
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

-- The plan of a search: estimates its matches and chooses (feder_choose_search_plan); returns
-- whether it chose the bitmap.
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
--
-- For a word in 1 % to 4 % of a million articles the window is collected through the search index:
-- all 10,000 to 40,000 matches are fetched from the table to find the newest 200 (~55 ms for
-- 13,000). The start is the publication date above which the newest articles hold three times the
-- window's matches if the word is spread evenly over time, read from the planner's histogram of
-- publication dates. The search then adds "published_at >= that date", which PostgreSQL answers by
-- ANDing the search index with the list index, fetching a few hundred rows (~20 ms). When fewer
-- matches than the window come back (a word of past years), Feder searches again without the
-- start: a window that holds as many matches as it may is exactly the newest ones.
CREATE OR REPLACE FUNCTION public.feder_plan_public_search(query tsquery, window_size integer)
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
