-- Typo-tolerant search looks a mistyped word up in the vocabulary of titles instead of comparing
-- the search text with every title: the vocabulary holds each distinct title word once (tens of
-- thousands of words where there are millions of titles), with a trigram index of its own. The
-- words one typo away from the mistyped one then make an ordinary full-text query, which the
-- search vector's index answers like any other search.

CREATE TABLE search_word (
    word text PRIMARY KEY
);
CREATE INDEX search_word_trgm_idx ON search_word USING gin (word public.gin_trgm_ops);

-- Words of four letters or more: a word of five, the shortest that typo matching reads, is one
-- typo away from words of four. Words are only ever added: a word no title uses any more costs a
-- few bytes, and the full-text query it leads to finds nothing.
INSERT INTO search_word
SELECT DISTINCT w FROM article, unnest(public.feder_words(title)) AS w WHERE length(w) >= 4;

CREATE FUNCTION public.feder_remember_title_words() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO public.search_word
    SELECT DISTINCT w FROM unnest(public.feder_words(NEW.title)) AS w WHERE length(w) >= 4
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER article_title_words AFTER INSERT OR UPDATE OF title ON article
    FOR EACH ROW EXECUTE FUNCTION public.feder_remember_title_words();

-- The search text read with typos forgiven, as a full-text query: each word of five letters or more
-- stands for the title words at most one typo away from it (feder_title_typo_match), any of which
-- may match; shorter words are left out, being too ambiguous to correct. NULL when the text has no
-- such word or one of them is near no title word: then nothing matches.
--
-- The trigram similarity threshold is set per word (transaction-local) to the lowest similarity one
-- typo can leave: two swapped letters in the middle of a word of n letters change four of its n + 1
-- trigrams, leaving (n - 3) / (n + 5) (a fifth for five letters, a half for thirteen); the exact
-- check then drops the words that merely share some letters.
CREATE FUNCTION public.feder_typo_query(q text) RETURNS tsquery
    LANGUAGE plpgsql VOLATILE
    AS $$
DECLARE
    typed text;
    correction text;
    alternatives tsquery;
    result tsquery;
BEGIN
    FOREACH typed IN ARRAY public.feder_words(q) LOOP
        CONTINUE WHEN length(typed) < 5;
        PERFORM set_config('pg_trgm.similarity_threshold',
            greatest(0.15, (length(typed) - 3)::numeric / (length(typed) + 5) - 0.05)::text, true);
        alternatives := NULL;
        FOR correction IN
            SELECT w.word FROM public.search_word w
            WHERE w.word OPERATOR(public.%) typed
              AND public.feder_title_typo_match(ARRAY[typed], w.word)
            ORDER BY w.word
            LIMIT 50
        LOOP
            alternatives := CASE WHEN alternatives IS NULL THEN public.feder_search_query(correction)
                                 ELSE alternatives || public.feder_search_query(correction) END;
        END LOOP;
        IF alternatives IS NULL THEN
            RETURN NULL;
        END IF;
        result := CASE WHEN result IS NULL THEN alternatives ELSE result && alternatives END;
    END LOOP;
    RETURN result;
END
$$;

-- Titles were matched against the search text directly before; the vocabulary replaces that.
DROP INDEX article_title_trgm_idx;
