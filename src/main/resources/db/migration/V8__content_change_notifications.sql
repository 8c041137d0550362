-- Every change to public content tells each Feder instance listening on the channel
-- feder_content_changed, so that their caches of public responses never serve an old state.
-- Statement-level triggers: one notification per statement (PostgreSQL folds identical
-- notifications of one transaction into one), also for bulk loads, manual SQL and TRUNCATE.

CREATE FUNCTION feder_content_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('feder_content_changed', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER category_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON category
    FOR EACH STATEMENT EXECUTE FUNCTION feder_content_changed();
CREATE TRIGGER author_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON author
    FOR EACH STATEMENT EXECUTE FUNCTION feder_content_changed();
CREATE TRIGGER article_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article
    FOR EACH STATEMENT EXECUTE FUNCTION feder_content_changed();
CREATE TRIGGER article_author_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_author
    FOR EACH STATEMENT EXECUTE FUNCTION feder_content_changed();
CREATE TRIGGER article_related_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_related
    FOR EACH STATEMENT EXECUTE FUNCTION feder_content_changed();
