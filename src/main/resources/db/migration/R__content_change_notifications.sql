-- Every change to public content tells each Feder instance listening on the channel
-- feder_content_changed what changed, so that their caches of public responses drop exactly the
-- answers that showed it and never serve an old state (dev.feder.persistence.ContentChanges). The
-- payload is a space-separated list of tags (dev.feder.persistence.ContentTags): 'article:<id>',
-- 'category:<id>', 'author:<id>', 'articles', 'categories', 'authors', 'search', or '*' for
-- everything. Statement-level triggers with transition tables: one notification per statement,
-- derived from the rows it touched, also for bulk loads, manual SQL and TRUNCATE. Since V17 (V8
-- notified an empty payload, which instances read as everything).
--
-- A repeatable migration: Flyway runs it after the versioned ones whenever it changes, so this file
-- is where the functions and their triggers are defined today; change them here, with the same
-- signatures (CREATE OR REPLACE cannot change a function's arguments or result).

-- Sends the tags of one statement's changes to every instance (one notification per statement;
-- PostgreSQL folds identical notifications of one transaction into one) and adds them to the
-- transaction-local setting feder.changed_tags, where a feature service reads what its transaction
-- changed so far (dev.feder.persistence.ContentTags.changedInTransaction). NOTIFY takes at most
-- 8000 bytes: a change that would name more names everything ('*').
CREATE OR REPLACE FUNCTION public.feder_notify_content_changed(tags text[]) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    payload text;
    collected text;
BEGIN
    IF tags IS NULL OR cardinality(tags) = 0 THEN
        RETURN;
    END IF;
    payload := array_to_string(ARRAY(SELECT DISTINCT t FROM unnest(tags) AS t WHERE t IS NOT NULL ORDER BY 1), ' ');
    IF '*' = ANY (tags) OR octet_length(payload) > 7900 THEN
        payload := '*';
    END IF;
    PERFORM pg_notify('feder_content_changed', payload);
    collected := nullif(current_setting('feder.changed_tags', true), '');
    collected := CASE WHEN collected IS NULL THEN payload ELSE collected || ' ' || payload END;
    IF octet_length(collected) > 7900 THEN
        collected := '*';
    END IF;
    PERFORM set_config('feder.changed_tags', collected, true);
END;
$$;

-- Articles. Every row changed names its article ('article:<id>'). Which articles there are and
-- their place in the newest-first order ('articles') change with an insert or delete and with an
-- update of the status, publication time, trash, category, tags or language; then the articles that
-- pin one of them (they show or hide it) are named too. Search results ('search') change with the
-- text of a public article, and with any title (the words of titles are the typo vocabulary).
-- More than 100 rows in one statement (a bulk load or bulk update) change everything ('*').
CREATE OR REPLACE FUNCTION public.feder_article_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    touched bigint;
    tags text[];
    listed boolean := true;
    searched boolean := true;
    moved uuid[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM public.feder_notify_content_changed(ARRAY['*']);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*), array_agg('article:' || id) INTO touched, tags FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT count(*), array_agg('article:' || id) INTO touched, tags FROM old_rows;
    ELSE
        SELECT count(*),
               array_agg('article:' || coalesce(n.id, o.id)),
               coalesce(bool_or(c.listed), false),
               coalesce(bool_or(c.searched), false),
               array_agg(coalesce(n.id, o.id)) FILTER (WHERE c.listed)
          INTO touched, tags, listed, searched, moved
          FROM new_rows n
               FULL JOIN old_rows o ON o.id = n.id
               CROSS JOIN LATERAL (
                   SELECT n.id IS NULL OR o.id IS NULL
                              OR n.status IS DISTINCT FROM o.status
                              OR n.published_at IS DISTINCT FROM o.published_at
                              OR n.deleted_at IS DISTINCT FROM o.deleted_at
                              OR n.category_id IS DISTINCT FROM o.category_id
                              OR n.language IS DISTINCT FROM o.language
                              OR n.tags IS DISTINCT FROM o.tags AS listed,
                          n.id IS NULL OR o.id IS NULL
                              OR n.title IS DISTINCT FROM o.title
                              OR ((n.subtitle IS DISTINCT FROM o.subtitle
                                   OR n.excerpt IS DISTINCT FROM o.excerpt
                                   OR n.body_text IS DISTINCT FROM o.body_text
                                   OR n.search_vector IS DISTINCT FROM o.search_vector)
                                  AND ((n.status = 'published' AND n.deleted_at IS NULL)
                                       OR (o.status = 'published' AND o.deleted_at IS NULL)))
                              AS searched) AS c;
    END IF;
    IF touched = 0 THEN
        RETURN NULL;
    END IF;
    IF touched > 100 THEN
        PERFORM public.feder_notify_content_changed(ARRAY['*']);
        RETURN NULL;
    END IF;
    IF listed THEN
        tags := tags || 'articles'::text;
    END IF;
    IF searched THEN
        tags := tags || 'search'::text;
    END IF;
    IF moved IS NOT NULL THEN
        tags := tags || ARRAY(SELECT 'article:' || r.article_id FROM public.article_related r
                              WHERE r.related_id = ANY (moved));
    END IF;
    PERFORM public.feder_notify_content_changed(tags);
    RETURN NULL;
END;
$$;

-- Bylines and pins name the articles whose rows changed; a byline also changes which articles an
-- author has ('articles': the author filter and the authors' article counts).
CREATE OR REPLACE FUNCTION public.feder_article_link_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    touched bigint;
    tags text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM public.feder_notify_content_changed(ARRAY['*']);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(DISTINCT article_id), array_agg(DISTINCT 'article:' || article_id)
          INTO touched, tags FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT count(DISTINCT article_id), array_agg(DISTINCT 'article:' || article_id)
          INTO touched, tags FROM old_rows;
    ELSE
        SELECT count(DISTINCT article_id), array_agg(DISTINCT 'article:' || article_id)
          INTO touched, tags
          FROM (SELECT article_id FROM new_rows UNION SELECT article_id FROM old_rows) AS changed;
    END IF;
    IF touched = 0 THEN
        RETURN NULL;
    END IF;
    IF touched > 100 THEN
        PERFORM public.feder_notify_content_changed(ARRAY['*']);
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'article_author' THEN
        tags := tags || 'articles'::text;
    END IF;
    PERFORM public.feder_notify_content_changed(tags);
    RETURN NULL;
END;
$$;

-- Categories and authors name themselves ('category:<id>', 'author:<id>') and their lists
-- ('categories', 'authors'). A delete or a new slug also changes the article lists filtered by it
-- ('articles'), and so does a category's new parent (a category filter takes in its subcategories;
-- the article counts of its ancestors). A category's children show its slug as their parent's:
-- a new slug names them too.
CREATE OR REPLACE FUNCTION public.feder_item_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    kind text := CASE TG_TABLE_NAME WHEN 'category' THEN 'category' ELSE 'author' END;
    touched bigint;
    tags text[];
    listed boolean := false;
    renamed uuid[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM public.feder_notify_content_changed(ARRAY['*']);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*), array_agg(kind || ':' || id) INTO touched, tags FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT count(*), array_agg(kind || ':' || id), array_agg(id)
          INTO touched, tags, renamed FROM old_rows;
        listed := true;
    ELSIF kind = 'category' THEN
        SELECT count(*),
               array_agg('category:' || coalesce(n.id, o.id)),
               coalesce(bool_or(n.id IS NULL OR o.id IS NULL OR n.slug IS DISTINCT FROM o.slug
                                OR n.parent_id IS DISTINCT FROM o.parent_id), false),
               array_agg(coalesce(n.id, o.id))
                   FILTER (WHERE n.id IS NULL OR o.id IS NULL OR n.slug IS DISTINCT FROM o.slug)
          INTO touched, tags, listed, renamed
          FROM new_rows n FULL JOIN old_rows o ON o.id = n.id;
    ELSE
        SELECT count(*),
               array_agg('author:' || coalesce(n.id, o.id)),
               coalesce(bool_or(n.id IS NULL OR o.id IS NULL OR n.slug IS DISTINCT FROM o.slug),
                        false)
          INTO touched, tags, listed
          FROM new_rows n FULL JOIN old_rows o ON o.id = n.id;
    END IF;
    IF touched = 0 THEN
        RETURN NULL;
    END IF;
    IF touched > 100 THEN
        PERFORM public.feder_notify_content_changed(ARRAY['*']);
        RETURN NULL;
    END IF;
    tags := tags || CASE kind WHEN 'category' THEN 'categories' ELSE 'authors' END;
    IF listed THEN
        tags := tags || 'articles'::text;
    END IF;
    IF kind = 'category' AND renamed IS NOT NULL THEN
        tags := tags || ARRAY(SELECT 'category:' || c.id FROM public.category c
                              WHERE c.parent_id = ANY (renamed));
    END IF;
    PERFORM public.feder_notify_content_changed(tags);
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS article_notify_insert ON public.article;
CREATE TRIGGER article_notify_insert AFTER INSERT ON public.article
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_changed();
DROP TRIGGER IF EXISTS article_notify_update ON public.article;
CREATE TRIGGER article_notify_update AFTER UPDATE ON public.article
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_changed();
DROP TRIGGER IF EXISTS article_notify_delete ON public.article;
CREATE TRIGGER article_notify_delete AFTER DELETE ON public.article
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_changed();
DROP TRIGGER IF EXISTS article_notify_truncate ON public.article;
CREATE TRIGGER article_notify_truncate AFTER TRUNCATE ON public.article
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_changed();

DROP TRIGGER IF EXISTS article_author_notify_insert ON public.article_author;
CREATE TRIGGER article_author_notify_insert AFTER INSERT ON public.article_author
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_link_changed();
DROP TRIGGER IF EXISTS article_author_notify_update ON public.article_author;
CREATE TRIGGER article_author_notify_update AFTER UPDATE ON public.article_author
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_link_changed();
DROP TRIGGER IF EXISTS article_author_notify_delete ON public.article_author;
CREATE TRIGGER article_author_notify_delete AFTER DELETE ON public.article_author
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_link_changed();
DROP TRIGGER IF EXISTS article_author_notify_truncate ON public.article_author;
CREATE TRIGGER article_author_notify_truncate AFTER TRUNCATE ON public.article_author
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_link_changed();

DROP TRIGGER IF EXISTS article_related_notify_insert ON public.article_related;
CREATE TRIGGER article_related_notify_insert AFTER INSERT ON public.article_related
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_link_changed();
DROP TRIGGER IF EXISTS article_related_notify_update ON public.article_related;
CREATE TRIGGER article_related_notify_update AFTER UPDATE ON public.article_related
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_link_changed();
DROP TRIGGER IF EXISTS article_related_notify_delete ON public.article_related;
CREATE TRIGGER article_related_notify_delete AFTER DELETE ON public.article_related
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_link_changed();
DROP TRIGGER IF EXISTS article_related_notify_truncate ON public.article_related;
CREATE TRIGGER article_related_notify_truncate AFTER TRUNCATE ON public.article_related
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_article_link_changed();

DROP TRIGGER IF EXISTS category_notify_insert ON public.category;
CREATE TRIGGER category_notify_insert AFTER INSERT ON public.category
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_item_changed();
DROP TRIGGER IF EXISTS category_notify_update ON public.category;
CREATE TRIGGER category_notify_update AFTER UPDATE ON public.category
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_item_changed();
DROP TRIGGER IF EXISTS category_notify_delete ON public.category;
CREATE TRIGGER category_notify_delete AFTER DELETE ON public.category
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_item_changed();
DROP TRIGGER IF EXISTS category_notify_truncate ON public.category;
CREATE TRIGGER category_notify_truncate AFTER TRUNCATE ON public.category
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_item_changed();

DROP TRIGGER IF EXISTS author_notify_insert ON public.author;
CREATE TRIGGER author_notify_insert AFTER INSERT ON public.author
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_item_changed();
DROP TRIGGER IF EXISTS author_notify_update ON public.author;
CREATE TRIGGER author_notify_update AFTER UPDATE ON public.author
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_item_changed();
DROP TRIGGER IF EXISTS author_notify_delete ON public.author;
CREATE TRIGGER author_notify_delete AFTER DELETE ON public.author
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_item_changed();
DROP TRIGGER IF EXISTS author_notify_truncate ON public.author;
CREATE TRIGGER author_notify_truncate AFTER TRUNCATE ON public.author
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_item_changed();

-- An event (V19) is news for the instances' webhook workers, which wake at once: the tag 'events',
-- which no kept answer carries, so that no cache drops anything for it (the content change the
-- event records names its own tags). A scheduled article going live changes no content table, only
-- this one; kept answers end at such a moment by themselves (ContentVersions.horizon).
CREATE OR REPLACE FUNCTION public.feder_event_recorded() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('feder_content_changed', 'events');
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS event_recorded ON public.event;
CREATE TRIGGER event_recorded AFTER INSERT ON public.event
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_event_recorded();

-- Assets and their uses (V18): which files anonymous readers may fetch, and the images articles
-- and authors embed. A change names 'asset:<id>' and, for an asset's row, the articles and authors
-- that show it.
CREATE OR REPLACE FUNCTION public.feder_asset_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    ids uuid[] := '{}';
    more uuid[];
    tags text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM feder_notify_content_changed(ARRAY['*']);
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF TG_TABLE_NAME = 'asset_use' THEN
            SELECT array_agg(asset_id) INTO more FROM new_rows;
        ELSE
            SELECT array_agg(id) INTO more FROM new_rows;
        END IF;
        ids := ids || coalesce(more, '{}');
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        IF TG_TABLE_NAME = 'asset_use' THEN
            SELECT array_agg(asset_id) INTO more FROM old_rows;
        ELSE
            SELECT array_agg(id) INTO more FROM old_rows;
        END IF;
        ids := ids || coalesce(more, '{}');
    END IF;
    IF cardinality(ids) = 0 THEN
        RETURN NULL;
    END IF;
    tags := ARRAY(SELECT DISTINCT 'asset:' || i FROM unnest(ids) AS i);
    IF TG_TABLE_NAME = 'asset' AND TG_OP <> 'INSERT' THEN
        tags := tags || ARRAY(
            SELECT DISTINCT CASE WHEN u.article_id IS NOT NULL THEN 'article:' || u.article_id
                                 ELSE 'author:' || u.author_id END
              FROM asset_use u
             WHERE u.asset_id = ANY (ids));
    END IF;
    IF cardinality(tags) > 200 THEN
        tags := ARRAY['*'];
    END IF;
    PERFORM feder_notify_content_changed(tags);
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS asset_notify_insert ON public.asset;
CREATE TRIGGER asset_notify_insert AFTER INSERT ON public.asset
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_asset_changed();
DROP TRIGGER IF EXISTS asset_notify_update ON public.asset;
CREATE TRIGGER asset_notify_update AFTER UPDATE ON public.asset
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_asset_changed();
DROP TRIGGER IF EXISTS asset_notify_delete ON public.asset;
CREATE TRIGGER asset_notify_delete AFTER DELETE ON public.asset
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_asset_changed();
DROP TRIGGER IF EXISTS asset_notify_truncate ON public.asset;
CREATE TRIGGER asset_notify_truncate AFTER TRUNCATE ON public.asset
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_asset_changed();
DROP TRIGGER IF EXISTS asset_use_notify_insert ON public.asset_use;
CREATE TRIGGER asset_use_notify_insert AFTER INSERT ON public.asset_use
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_asset_changed();
DROP TRIGGER IF EXISTS asset_use_notify_update ON public.asset_use;
CREATE TRIGGER asset_use_notify_update AFTER UPDATE ON public.asset_use
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_asset_changed();
DROP TRIGGER IF EXISTS asset_use_notify_delete ON public.asset_use;
CREATE TRIGGER asset_use_notify_delete AFTER DELETE ON public.asset_use
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.feder_asset_changed();
DROP TRIGGER IF EXISTS asset_use_notify_truncate ON public.asset_use;
CREATE TRIGGER asset_use_notify_truncate AFTER TRUNCATE ON public.asset_use
    FOR EACH STATEMENT EXECUTE FUNCTION public.feder_asset_changed();
