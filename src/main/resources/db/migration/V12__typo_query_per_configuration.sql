-- Typo search, mended (V10):
--
-- * The search text with typos forgiven is built like feder_search_query: one query per text search
--   configuration (German, English, unstemmed), joined with OR. V10 joined the three readings of
--   each word, so that a word the German configuration drops as a stop word ("gegen", "zwischen")
--   left a term that no German article's search vector holds, and nothing matched.
-- * Stop words are not looked up: they are no typos of title words, and they match nothing anyway.
-- * The trigger adds a title's new words in a fixed order, so that two transactions adding some of
--   the same new words wait for each other instead of deadlocking.

CREATE OR REPLACE FUNCTION public.feder_remember_title_words() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO public.search_word
    SELECT DISTINCT w FROM unnest(public.feder_words(NEW.title)) AS w WHERE length(w) >= 4 ORDER BY w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION public.feder_typo_query(q text) RETURNS tsquery
    LANGUAGE plpgsql VOLATILE
    -- A stop word makes an empty query and a notice per reading; the client needs none of them.
    SET client_min_messages = warning
    AS $$
DECLARE
    configurations regconfig[] := ARRAY['public.feder_german', 'public.feder_english',
                                        'public.feder_simple']::regconfig[];
    configuration regconfig;
    typed text;
    found text[];
    corrections jsonb := '[]';
    word_corrections jsonb;
    correction text;
    piece tsquery;
    alternatives tsquery;
    reading tsquery;
    result tsquery;
BEGIN
    FOREACH typed IN ARRAY public.feder_words(q) LOOP
        CONTINUE WHEN length(typed) < 5
            OR numnode(websearch_to_tsquery('public.feder_german', typed)) = 0
            OR numnode(websearch_to_tsquery('public.feder_english', typed)) = 0;
        PERFORM set_config('pg_trgm.similarity_threshold',
            greatest(0.15, (length(typed) - 3)::numeric / (length(typed) + 5) - 0.05)::text, true);
        found := ARRAY(
            SELECT w.word FROM public.search_word w
            WHERE w.word OPERATOR(public.%) typed
              AND public.feder_title_typo_match(ARRAY[typed], w.word)
            ORDER BY w.word
            LIMIT 50);
        IF cardinality(found) = 0 THEN
            RETURN NULL;
        END IF;
        corrections := corrections || jsonb_build_array(to_jsonb(found));
    END LOOP;
    IF jsonb_array_length(corrections) = 0 THEN
        RETURN NULL;
    END IF;
    FOREACH configuration IN ARRAY configurations LOOP
        reading := NULL;
        FOR word_corrections IN SELECT value FROM jsonb_array_elements(corrections) LOOP
            alternatives := NULL;
            FOR correction IN SELECT value FROM jsonb_array_elements_text(word_corrections) LOOP
                piece := websearch_to_tsquery(configuration, correction);
                CONTINUE WHEN numnode(piece) = 0;
                alternatives := CASE WHEN alternatives IS NULL THEN piece ELSE alternatives || piece END;
            END LOOP;
            CONTINUE WHEN alternatives IS NULL;
            reading := CASE WHEN reading IS NULL THEN alternatives ELSE reading && alternatives END;
        END LOOP;
        CONTINUE WHEN reading IS NULL;
        result := CASE WHEN result IS NULL THEN reading ELSE result || reading END;
    END LOOP;
    RETURN result;
END
$$;
