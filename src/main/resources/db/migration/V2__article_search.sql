-- Full-text search of articles: ranked, accent-insensitive, stemmed by the article's language, and
-- tolerant of a typo in a title word.
--
-- unaccent, pg_trgm and the built-in text search are all trusted or core features (PostgreSQL 13+),
-- so the database owner can install them without superuser rights. Objects are schema-qualified,
-- so expressions stored in columns and indexes resolve the same whatever the search_path (dumps
-- and restores run with an empty one).

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- unaccent() is only STABLE (it looks its dictionary up by name); with the dictionary given
-- explicitly the result depends on the argument alone, so it may be used in indexes.
CREATE FUNCTION public.feder_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Text search configurations that fold accents before stemming, so "Ubung" finds "Übung" and
-- "Pjongjang" finds "Pjöngjang", in documents, queries and highlighted snippets alike.
-- German stop words are removed before folding ("für" is a stop word, "fur" would not be).
CREATE TEXT SEARCH DICTIONARY public.feder_german_stop (TEMPLATE = simple, STOPWORDS = german, ACCEPT = false);

CREATE TEXT SEARCH CONFIGURATION public.feder_german (COPY = pg_catalog.german);
ALTER TEXT SEARCH CONFIGURATION public.feder_german
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH public.feder_german_stop, public.unaccent, pg_catalog.german_stem;

CREATE TEXT SEARCH CONFIGURATION public.feder_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION public.feder_english
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH public.unaccent, pg_catalog.english_stem;

CREATE TEXT SEARCH CONFIGURATION public.feder_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION public.feder_simple
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH public.unaccent, pg_catalog.simple;

-- The configuration for an article's language: German for de*, English for en*, no stemming
-- otherwise.
CREATE FUNCTION public.feder_search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT CASE
            WHEN lower(language) ~ '^de(-|$)' THEN 'public.feder_german'::regconfig
            WHEN lower(language) ~ '^en(-|$)' THEN 'public.feder_english'::regconfig
            ELSE 'public.feder_simple'::regconfig
        END
    $$;

-- What a reader typed, as one query that matches articles in every language: the German, English
-- and unstemmed readings joined with OR. websearch_to_tsquery accepts any input ("quotes", or, -not)
-- without syntax errors. The result does not depend on the row, so the GIN index answers it.
CREATE FUNCTION public.feder_search_query(text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT websearch_to_tsquery('public.feder_german'::regconfig, $1)
            || websearch_to_tsquery('public.feder_english'::regconfig, $1)
            || websearch_to_tsquery('public.feder_simple'::regconfig, $1)
    $$;

-- The words of a text for typo matching: accents folded, lower case, split at spaces and
-- punctuation (including typographic quotes and dashes).
CREATE FUNCTION public.feder_words(text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT array_remove(
            regexp_split_to_array(public.feder_unaccent(lower($1)), '[[:space:][:punct:]„“”‚‘’«»‹›…–—·]+'),
            '')
    $$;

-- Whether a title matches a query despite a typo: every query word of five or more letters is at
-- most one typo away from a word of the title (one letter replaced, added or left out, or two
-- neighbouring letters swapped: optimal string alignment distance <= 1). False when the query has
-- no such word: shorter words are too ambiguous to correct.
--
-- The trigram index finds the candidates (word similarity to the title); this check then drops those
-- that merely share a few letters. A swap of two letters in a short word leaves it as few trigrams
-- in common with the intended word as an unrelated word has ("ubnug" and "ubung" share two of six,
-- as do "ubnug" and "uber"), so similarity alone cannot tell them apart.
CREATE FUNCTION public.feder_title_typo_match(query_words text[], title text) RETURNS boolean
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

-- The body as plain text (no tags, entities decoded), maintained by the application from the
-- sanitized HTML; it feeds the search vector and the body snippets. Existing rows get an
-- approximation here (tags dropped, the sanitizer's entities decoded); the next save of an article
-- replaces it with the exact text.
ALTER TABLE article ADD COLUMN body_text text NOT NULL DEFAULT '';
UPDATE article SET body_text = btrim(regexp_replace(
    replace(replace(replace(replace(replace(
        regexp_replace(
            regexp_replace(body, '<(/?(p|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|figure|figcaption|pre|table|thead|tbody|tr|td|th|div|br|hr|img)\M)[^>]*>', ' ', 'gi'),
            '<[^>]*>', '', 'g'),
        '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&amp;', '&'),
    '\s+', ' ', 'g'));

-- One search vector per article, kept current by the database: title (weight A) above subtitle and
-- excerpt (B) above the body (C). Only the first 250,000 characters of the body are indexed, which
-- keeps any body within the size limit of a tsvector (1 MB); news articles are far shorter.
ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(public.feder_search_config(language), title), 'A')
    || setweight(to_tsvector(public.feder_search_config(language),
                             coalesce(subtitle, '') || ' ' || coalesce(excerpt, '')), 'B')
    || setweight(to_tsvector(public.feder_search_config(language), left(body_text, 250000)), 'C')
) STORED;
CREATE INDEX article_search_idx ON article USING gin (search_vector);

-- Typo-tolerant title matching: trigram word similarity of the query to the folded title.
CREATE INDEX article_title_trgm_idx ON article USING gin (public.feder_unaccent(lower(title)) public.gin_trgm_ops);
