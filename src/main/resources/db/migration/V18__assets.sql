-- The media library: uploaded files (JPEG, PNG, WebP and GIF images, PDF documents). The stored
-- object (dev.feder.storage) is the upload without its private metadata; sha256 and bytes describe
-- the upload itself, so the same bytes uploaded again find the asset they made. file_version
-- numbers the states of the file and focal point: rendition URLs carry it and renditions are kept
-- per version.

CREATE TABLE asset (
    id              uuid PRIMARY KEY,
    filename        varchar(255)     NOT NULL,
    media_type      varchar(32)      NOT NULL,
    bytes           bigint           NOT NULL,
    sha256          varchar(64)      NOT NULL,
    width           integer,
    height          integer,
    orientation     smallint         NOT NULL DEFAULT 1,
    title           varchar(300),
    alt             varchar(500),
    caption         varchar(2000),
    credit          varchar(300),
    copyright       varchar(300),
    source          varchar(300),
    focal_x         double precision NOT NULL DEFAULT 0.5,
    focal_y         double precision NOT NULL DEFAULT 0.5,
    lqip            varchar(4096),
    file_version    integer          NOT NULL DEFAULT 1,
    owner_author_id uuid,
    created_by      varchar(200)     NOT NULL,
    search_text     text GENERATED ALWAYS AS (
        lower(filename || ' ' || coalesce(title, '') || ' ' || coalesce(caption, '') || ' '
              || coalesce(credit, ''))) STORED,
    version         bigint           NOT NULL DEFAULT 0,
    created_at      timestamptz      NOT NULL,
    updated_at      timestamptz      NOT NULL,
    CONSTRAINT asset_sha256_key UNIQUE (sha256),
    CONSTRAINT asset_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT asset_media_type_check
        CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf')),
    CONSTRAINT asset_image_size
        CHECK ((media_type = 'application/pdf') = (width IS NULL AND height IS NULL)),
    CONSTRAINT asset_focal_point CHECK (focal_x BETWEEN 0 AND 1 AND focal_y BETWEEN 0 AND 1),
    CONSTRAINT asset_orientation CHECK (orientation BETWEEN 1 AND 8),
    CONSTRAINT asset_file_version_positive CHECK (file_version > 0)
);
-- The list: newest first, id as the tie-breaker, alone or by media type.
CREATE INDEX asset_created_idx ON asset (created_at DESC NULLS LAST, id);
CREATE INDEX asset_media_type_idx ON asset (media_type, created_at DESC NULLS LAST, id);
-- q: a substring of the filename, title, caption or credit, in any case.
CREATE INDEX asset_search_idx ON asset USING gin (search_text public.gin_trgm_ops);

-- Who uses an asset: one row per article or author and field (featuredImage, body, avatar),
-- written by those features in the transactions that change them. An asset in use cannot be
-- deleted (the foreign key backs the service's 409); purging an article or deleting an author
-- removes its rows.
CREATE TABLE asset_use (
    id         uuid PRIMARY KEY,
    asset_id   uuid        NOT NULL REFERENCES asset (id),
    article_id uuid        REFERENCES article (id) ON DELETE CASCADE,
    author_id  uuid        REFERENCES author (id) ON DELETE CASCADE,
    field      varchar(32) NOT NULL,
    CONSTRAINT asset_use_one_user CHECK ((article_id IS NULL) <> (author_id IS NULL))
);
-- Usage lists, the delete guard, unused=true and the public-visibility check start at the asset.
CREATE INDEX asset_use_asset_idx ON asset_use (asset_id);
-- A feature replaces the rows of one article or author when it changes.
CREATE UNIQUE INDEX asset_use_article_key ON asset_use (article_id, field, asset_id)
    WHERE article_id IS NOT NULL;
CREATE UNIQUE INDEX asset_use_author_key ON asset_use (author_id, field, asset_id)
    WHERE author_id IS NOT NULL;

-- Assets and their uses are public content too: which files anonymous readers may fetch, and the
-- images articles and authors embed, depend on them. A change names 'asset:<id>' and, for a change
-- of an asset's row, the articles and authors that show it (dev.feder.persistence.ContentTags).
CREATE FUNCTION feder_asset_changed() RETURNS trigger
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
CREATE TRIGGER asset_notify_insert AFTER INSERT ON asset
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feder_asset_changed();
CREATE TRIGGER asset_notify_update AFTER UPDATE ON asset
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feder_asset_changed();
CREATE TRIGGER asset_notify_delete AFTER DELETE ON asset
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feder_asset_changed();
CREATE TRIGGER asset_notify_truncate AFTER TRUNCATE ON asset
    FOR EACH STATEMENT EXECUTE FUNCTION feder_asset_changed();
CREATE TRIGGER asset_use_notify_insert AFTER INSERT ON asset_use
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feder_asset_changed();
CREATE TRIGGER asset_use_notify_update AFTER UPDATE ON asset_use
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feder_asset_changed();
CREATE TRIGGER asset_use_notify_delete AFTER DELETE ON asset_use
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feder_asset_changed();
CREATE TRIGGER asset_use_notify_truncate AFTER TRUNCATE ON asset_use
    FOR EACH STATEMENT EXECUTE FUNCTION feder_asset_changed();

-- Changes of assets are audited like those of other content.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_entity_type_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_entity_type_check
    CHECK (entity_type IN ('article', 'category', 'author', 'token', 'asset'));

-- An article's lead image and an author's avatar may be assets of the library; their other image
-- columns then hold only the texts that override the asset's. The indexes serve the foreign keys'
-- checks when an asset is deleted.
ALTER TABLE article ADD COLUMN image_asset_id uuid REFERENCES asset (id);
CREATE INDEX article_image_asset_idx ON article (image_asset_id) WHERE image_asset_id IS NOT NULL;
ALTER TABLE author ADD COLUMN avatar_asset_id uuid REFERENCES asset (id);
CREATE INDEX author_avatar_asset_idx ON author (avatar_asset_id) WHERE avatar_asset_id IS NOT NULL;
