-- The search vector of an article: one tsvector per article in the column search_vector, which the
-- triggers below keep current (V14; before it was a generated column, V2).
--
-- A repeatable migration: Flyway runs it after the versioned ones whenever it changes, so this file
-- is where these functions and triggers are defined today; change them here, with the same
-- signatures (CREATE OR REPLACE cannot change a function's arguments or result).

-- One search vector per article: title (weight A) above subtitle and excerpt (B) above the body
-- (C). Only the first 250,000 characters of the body are indexed, which keeps any body within the
-- size limit of a tsvector (1 MB); news articles are far shorter.
CREATE OR REPLACE FUNCTION public.feder_article_search_vector(language text, title text, subtitle text,
                                                              excerpt text, body_text text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT setweight(to_tsvector(public.feder_search_config(language), title), 'A')
            || setweight(to_tsvector(public.feder_search_config(language),
                                     coalesce(subtitle, '') || ' ' || coalesce(excerpt, '')), 'B')
            || setweight(to_tsvector(public.feder_search_config(language), left(body_text, 250000)), 'C')
    $$;

CREATE OR REPLACE FUNCTION public.feder_article_search_vector_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.search_vector := public.feder_article_search_vector(
        NEW.language, NEW.title, NEW.subtitle, NEW.excerpt, NEW.body_text);
    RETURN NEW;
END
$$;

-- The vector is computed when an article is inserted and when its title, subtitle, excerpt, body
-- text or language change, not on every update: publishing, scheduling, moving to the trash and
-- restoring leave the text alone, and computing the vector of a long body is the most expensive
-- part of saving an article (2-3 ms of CPU for 1,000 words). An UPDATE that sets the vector
-- directly is recomputed too.
--
-- Bulk loads: a session that sets feder.bulk_load to on (SET feder.bulk_load = on) may give the
-- vector itself; a vector it gives on INSERT is kept, and where it gives none (NULL) the trigger
-- computes it as always. Feder's benchmark seeder (src/bench) sets it on its own load connections:
-- it builds the vectors of millions of synthetic articles from the vectors of their words, checks
-- samples against feder_article_search_vector, and would otherwise spend most of its time here.
-- It is a setting for a loader's own sessions, never for Feder's: set for Feder's database role
-- (ALTER ROLE ... SET), it would keep whatever vector a client inserts and stop new titles from
-- feeding the typo vocabulary (R__typo_search.sql). Without it, as for Feder itself, the vector
-- is always computed here.
--
-- Kept as a session setting because the alternatives are worse: session_replication_role =
-- replica needs a superuser and also silences the foreign keys and the content change
-- notifications; ALTER TABLE ... DISABLE TRIGGER changes the table for every session (and stays so
-- if the load is interrupted).
DROP TRIGGER IF EXISTS article_search_vector_insert ON public.article;
CREATE TRIGGER article_search_vector_insert BEFORE INSERT ON public.article
    FOR EACH ROW
    WHEN (NEW.search_vector IS NULL
          OR current_setting('feder.bulk_load', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION public.feder_article_search_vector_update();
DROP TRIGGER IF EXISTS article_search_vector_update ON public.article;
CREATE TRIGGER article_search_vector_update BEFORE UPDATE ON public.article
    FOR EACH ROW
    WHEN (NEW.title IS DISTINCT FROM OLD.title
          OR NEW.subtitle IS DISTINCT FROM OLD.subtitle
          OR NEW.excerpt IS DISTINCT FROM OLD.excerpt
          OR NEW.body_text IS DISTINCT FROM OLD.body_text
          OR NEW.language IS DISTINCT FROM OLD.language
          OR NEW.search_vector IS DISTINCT FROM OLD.search_vector)
    EXECUTE FUNCTION public.feder_article_search_vector_update();
