-- Feder core schema: categories (a tree), authors and articles with an ordered author list.

CREATE TABLE category (
    id          uuid PRIMARY KEY,
    slug        varchar(120) NOT NULL,
    name        varchar(200) NOT NULL,
    description text,
    parent_id   uuid REFERENCES category (id),
    position    integer      NOT NULL DEFAULT 0,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    CONSTRAINT category_slug_key UNIQUE (slug),
    CONSTRAINT category_not_own_parent CHECK (parent_id <> id)
);
-- Children of a category, in their order (tree building, the delete guard).
CREATE INDEX category_parent_idx ON category (parent_id, position, name);

CREATE TABLE author (
    id         uuid PRIMARY KEY,
    slug       varchar(120)  NOT NULL,
    name       varchar(200)  NOT NULL,
    bio        text,
    email      varchar(320),
    avatar_url varchar(2048),
    website    varchar(2048),
    version    bigint        NOT NULL DEFAULT 0,
    created_at timestamptz   NOT NULL,
    updated_at timestamptz   NOT NULL,
    CONSTRAINT author_slug_key UNIQUE (slug)
);
CREATE INDEX author_name_idx ON author (name, id);

CREATE TABLE article (
    id                   uuid PRIMARY KEY,
    slug                 varchar(120)  NOT NULL,
    title                varchar(300)  NOT NULL,
    subtitle             varchar(300),
    excerpt              text,
    body                 text          NOT NULL DEFAULT '',
    language             varchar(35)   NOT NULL DEFAULT 'de',
    status               varchar(16)   NOT NULL,
    published_at         timestamptz,
    category_id          uuid          NOT NULL REFERENCES category (id),
    tags                 text[]        NOT NULL DEFAULT '{}',
    source_name          varchar(200),
    source_url           varchar(2048),
    image_url            varchar(2048),
    image_alt            varchar(500),
    image_caption        varchar(1000),
    image_credit         varchar(200),
    meta_title           varchar(200),
    meta_description     varchar(500),
    canonical_url        varchar(2048),
    word_count           integer       NOT NULL DEFAULT 0,
    reading_time_minutes integer       NOT NULL DEFAULT 0,
    version              bigint        NOT NULL DEFAULT 0,
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL,
    CONSTRAINT article_slug_key UNIQUE (slug),
    CONSTRAINT article_status_check CHECK (status IN ('draft', 'published', 'archived')),
    CONSTRAINT article_published_has_date CHECK (status <> 'published' OR published_at IS NOT NULL)
);
-- The public list: newest published first, id as the tie-breaker.
CREATE INDEX article_published_idx ON article (published_at DESC, id)
    WHERE status = 'published';
-- Category pages and the category delete guard.
CREATE INDEX article_category_idx ON article (category_id, published_at DESC);
-- Editors' lists across all states.
CREATE INDEX article_updated_idx ON article (updated_at DESC, id);
CREATE INDEX article_tags_idx ON article USING gin (tags);

CREATE TABLE article_author (
    article_id uuid    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    author_id  uuid    NOT NULL REFERENCES author (id),
    position   integer NOT NULL,
    PRIMARY KEY (article_id, position),
    CONSTRAINT article_author_once UNIQUE (article_id, author_id)
);
-- Author pages and the author delete guard.
CREATE INDEX article_author_author_idx ON article_author (author_id);
