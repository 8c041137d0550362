-- The search vector becomes a column that a trigger keeps current, instead of a generated column.
--
-- * The vector is computed when an article is inserted and when its title, subtitle, excerpt, body
--   text or language change, not on every update: publishing, scheduling, moving to the trash and
--   restoring leave the text alone, and computing the vector of a long body is the most expensive
--   part of saving an article (2-3 ms of CPU for 1,000 words).
-- * A bulk loader may give the vector itself: with the session setting feder.bulk_load set to on,
--   a vector given on INSERT is kept. Feder's benchmark seeder builds the vectors of millions of
--   synthetic articles from the vectors of their words and checks samples against
--   feder_article_search_vector. Without the setting, as for Feder itself, the vector is always
--   computed here; an UPDATE that sets the vector directly is recomputed too.
-- * With the same setting, inserted titles do not add their words to the typo vocabulary one row
--   at a time (V10): the loader adds the words of all titles in one statement afterwards.
--
-- The stored vectors of existing rows stay as they are (DROP EXPRESSION keeps the values), and so do
-- the column's index and statistics target.

-- One search vector per article: title (weight A) above subtitle and excerpt (B) above the body
-- (C), the expression of V2's generated column. Only the first 250,000 characters of the body are
-- indexed, which keeps any body within the size limit of a tsvector (1 MB).
CREATE FUNCTION public.feder_article_search_vector(language text, title text, subtitle text,
                                                   excerpt text, body_text text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT setweight(to_tsvector(public.feder_search_config(language), title), 'A')
            || setweight(to_tsvector(public.feder_search_config(language),
                                     coalesce(subtitle, '') || ' ' || coalesce(excerpt, '')), 'B')
            || setweight(to_tsvector(public.feder_search_config(language), left(body_text, 250000)), 'C')
    $$;

ALTER TABLE article ALTER COLUMN search_vector DROP EXPRESSION;

CREATE FUNCTION public.feder_article_search_vector_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.search_vector := public.feder_article_search_vector(
        NEW.language, NEW.title, NEW.subtitle, NEW.excerpt, NEW.body_text);
    RETURN NEW;
END
$$;

CREATE TRIGGER article_search_vector_insert BEFORE INSERT ON article
    FOR EACH ROW
    WHEN (NEW.search_vector IS NULL
          OR current_setting('feder.bulk_load', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION public.feder_article_search_vector_update();
CREATE TRIGGER article_search_vector_update BEFORE UPDATE ON article
    FOR EACH ROW
    WHEN (NEW.title IS DISTINCT FROM OLD.title
          OR NEW.subtitle IS DISTINCT FROM OLD.subtitle
          OR NEW.excerpt IS DISTINCT FROM OLD.excerpt
          OR NEW.body_text IS DISTINCT FROM OLD.body_text
          OR NEW.language IS DISTINCT FROM OLD.language
          OR NEW.search_vector IS DISTINCT FROM OLD.search_vector)
    EXECUTE FUNCTION public.feder_article_search_vector_update();

DROP TRIGGER article_title_words ON article;
CREATE TRIGGER article_title_words AFTER INSERT OR UPDATE OF title ON article
    FOR EACH ROW
    WHEN (current_setting('feder.bulk_load', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION public.feder_remember_title_words();
