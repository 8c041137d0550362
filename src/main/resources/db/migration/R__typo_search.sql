-- Typo-tolerant search: a mistyped word is looked up in the vocabulary of title words (the table
-- search_word with its trigram index, V10) instead of being compared with every title, and the
-- title words one typo away from it make an ordinary full-text query, which the search vector's
-- index answers like any other search.
--
-- A repeatable migration: Flyway runs it after the versioned ones whenever it changes, so this file
-- is where these functions and the trigger are defined today; change them here, with the same
-- signatures (CREATE OR REPLACE cannot change a function's arguments or result).

-- Whether a title matches a query despite a typo: every query word of five or more letters is at
-- most one typo away from a word of the title (one letter replaced, added or left out, or two
-- neighbouring letters swapped: optimal string alignment distance <= 1). False when the query has
-- no such word: shorter words are too ambiguous to correct.
--
-- The trigram index finds the candidates (words similar to the typed one); this check then drops
-- those that merely share a few letters. A swap of two letters in a short word leaves it as few
-- trigrams in common with the intended word as an unrelated word has ("ubnug" and "ubung" share
-- two of six, as do "ubnug" and "uber"), so similarity alone cannot tell them apart.
CREATE OR REPLACE FUNCTION public.feder_title_typo_match(query_words text[], title text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
DECLARE
    title_words text[] := public.feder_words(title);
    q text;
    t text;
    lq int;
    lt int;
    i int;
    found boolean;
    checked boolean := false;
BEGIN
    FOREACH q IN ARRAY query_words LOOP
        lq := length(q);
        CONTINUE WHEN lq < 5;
        checked := true;
        found := false;
        FOREACH t IN ARRAY title_words LOOP
            lt := length(t);
            CONTINUE WHEN abs(lq - lt) > 1;
            IF q = t THEN
                found := true;
                EXIT;
            END IF;
            -- i: the first position where the words differ
            i := 1;
            WHILE i <= lq AND i <= lt AND substr(q, i, 1) = substr(t, i, 1) LOOP
                i := i + 1;
            END LOOP;
            IF (lq = lt AND substr(q, i + 1) = substr(t, i + 1))   -- replaced
               OR substr(q, i + 1) = substr(t, i)                  -- added
               OR substr(q, i) = substr(t, i + 1)                  -- left out
               OR (lq = lt AND substr(q, i, 1) = substr(t, i + 1, 1)
                   AND substr(q, i + 1, 1) = substr(t, i, 1)
                   AND substr(q, i + 2) = substr(t, i + 2)) THEN   -- swapped
                found := true;
                EXIT;
            END IF;
        END LOOP;
        IF NOT found THEN
            RETURN false;
        END IF;
    END LOOP;
    RETURN checked;
END
$$;

-- The vocabulary holds the words of four letters or more of every title: a word of five, the
-- shortest that typo matching reads, is one typo away from words of four. Words are only ever
-- added: a word no title uses any more costs a few bytes, and the full-text query it leads to
-- finds nothing. A title's new words go in in a fixed order, so that two transactions adding some
-- of the same new words wait for each other instead of deadlocking.
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

-- Not in a bulk load that sets feder.bulk_load to on (see R__article_search_vector.sql): such a
-- loader adds the words of all its titles in one statement once its rows are in, instead of one row
-- at a time here (Feder's benchmark seeder runs the INSERT of feder_remember_title_words over all
-- titles).
DROP TRIGGER IF EXISTS article_title_words ON public.article;
CREATE TRIGGER article_title_words AFTER INSERT OR UPDATE OF title ON public.article
    FOR EACH ROW
    WHEN (current_setting('feder.bulk_load', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION public.feder_remember_title_words();

-- The search text read with typos forgiven, as a full-text query: each word of five letters or more
-- stands for the title words at most one typo away from it (feder_title_typo_match), any of which
-- may match; shorter words are left out, being too ambiguous to correct, and so are stop words:
-- they are no typos of title words, and they match nothing anyway. NULL when the text has no such
-- word or one of them is near no title word: then nothing matches.
--
-- Built like feder_search_query: one query per text search configuration (German, English,
-- unstemmed), joined with OR, each with the corrections of every word joined with AND. (Joining
-- the three readings of each word instead, as V10 did, left a term that no German article's vector
-- holds wherever the German configuration drops a word as a stop word, and nothing matched.)
--
-- The trigram similarity threshold is set per word (transaction-local) to the lowest similarity one
-- typo can leave: two swapped letters in the middle of a word of n letters change four of its n + 1
-- trigrams, leaving (n - 3) / (n + 5) (a fifth for five letters, a half for thirteen); the exact
-- check then drops the words that merely share some letters.
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
