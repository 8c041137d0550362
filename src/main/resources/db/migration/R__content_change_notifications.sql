-- Every change to public content tells each Feder instance listening on the channel
-- feder_content_changed, so that their caches of public responses never serve an old state
-- (dev.feder.persistence.ContentChanges). Statement-level triggers: one notification per
-- statement (PostgreSQL folds identical notifications of one transaction into one), also for bulk
-- loads, manual SQL and TRUNCATE. They came with V8.
--
-- A repeatable migration: Flyway runs it after the versioned ones whenever it changes, so this file
-- is where the function and its triggers are defined today; change them here, with the same
-- signature (CREATE OR REPLACE cannot change a function's arguments or result).

CREATE OR REPLACE FUNCTION public.feder_content_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('feder_content_changed', '');
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS category_changed ON public.category;
CREATE TRIGGER category_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.category
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_content_changed();
DROP TRIGGER IF EXISTS author_changed ON public.author;
CREATE TRIGGER author_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.author
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_content_changed();
DROP TRIGGER IF EXISTS article_changed ON public.article;
CREATE TRIGGER article_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.article
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_content_changed();
DROP TRIGGER IF EXISTS article_author_changed ON public.article_author;
CREATE TRIGGER article_author_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.article_author
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_content_changed();
DROP TRIGGER IF EXISTS article_related_changed ON public.article_related;
CREATE TRIGGER article_related_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.article_related
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_content_changed();
-- Assets and their uses: which files anonymous readers may fetch depends on them (V18).
DROP TRIGGER IF EXISTS asset_changed ON public.asset;
CREATE TRIGGER asset_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.asset
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_content_changed();
DROP TRIGGER IF EXISTS asset_use_changed ON public.asset_use;
CREATE TRIGGER asset_use_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.asset_use
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_content_changed();
