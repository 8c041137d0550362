-- How search reads text: accents folded, the configuration of an article's language, a reader's
-- search text as a query, and the words of a text for typo matching.
--
-- A repeatable migration: Flyway runs it after the versioned ones whenever it changes, so this file
-- is where these functions are defined today; change them here, with the same signatures (CREATE OR
-- REPLACE cannot change a function's arguments or result). They first came with V2. The extensions
-- (unaccent, pg_trgm), the stop word dictionary and the text search configurations feder_german,
-- feder_english and feder_simple are created by V2__article_search.sql.
--
-- Objects are schema-qualified, so expressions stored in columns and indexes resolve the same
-- whatever the search_path (dumps and restores run with an empty one).

-- unaccent() is only STABLE (it looks its dictionary up by name); with the dictionary given
-- explicitly the result depends on the argument alone, so it may be used in indexes.
CREATE OR REPLACE FUNCTION public.feder_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The configuration for an article's language: German for de*, English for en*, no stemming
-- otherwise.
CREATE OR REPLACE FUNCTION public.feder_search_config(language text) RETURNS regconfig
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
CREATE OR REPLACE FUNCTION public.feder_search_query(text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT websearch_to_tsquery('public.feder_german'::regconfig, $1)
            || websearch_to_tsquery('public.feder_english'::regconfig, $1)
            || websearch_to_tsquery('public.feder_simple'::regconfig, $1)
    $$;

-- The words of a text for typo matching: accents folded, lower case, split at spaces and
-- punctuation (including typographic quotes and dashes).
CREATE OR REPLACE FUNCTION public.feder_words(text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT array_remove(
            regexp_split_to_array(public.feder_unaccent(lower($1)), '[[:space:][:punct:]„“”‚‘’«»‹›…–—·]+'),
            '')
    $$;
