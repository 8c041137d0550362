-- The event outbox: every change of content (articles, categories, authors) inserts one row or two
-- here in the change's own transaction (dev.feder.event.EventLog), so nothing rolled back is ever
-- announced and nothing committed goes unannounced, also across a crash. The changes feed and the
-- webhooks read these rows; nothing else writes them.
--
-- Commit order: position comes from a sequence when the row is inserted, which is not the order in
-- which transactions commit (a transaction that began first may commit last). Each row therefore
-- also holds the id of the transaction that wrote it (xid, pg_current_xact_id()), and readers take
-- only rows whose transaction is older than the oldest one still running
-- (xid < pg_snapshot_xmin(pg_current_snapshot())): such rows are final, none can appear below them
-- later. Readers order by (xid, position) and remember the last pair they took as their cursor.

CREATE TABLE event (
    position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid            xid8        NOT NULL DEFAULT pg_current_xact_id(),
    id             uuid        NOT NULL,
    type           varchar(40) NOT NULL,
    occurred_at    timestamptz NOT NULL,
    entity_type    varchar(16) NOT NULL,
    entity_id      uuid        NOT NULL,
    -- What the change did to what anonymous readers see: upsert (the entity became or stayed
    -- public and changed), delete (it left the public view) or none. The changes feed's public view
    -- shows only the first two. When one write records two events (article.updated and the
    -- article.published it brought), the second carries the public change.
    public_change  varchar(8)  NOT NULL,
    -- The event as the changes feed and the webhooks send it (dev.feder.event.Event).
    payload        jsonb       NOT NULL,
    CONSTRAINT event_id_key UNIQUE (id),
    CONSTRAINT event_entity_type_check CHECK (entity_type IN ('article', 'category', 'author')),
    CONSTRAINT event_public_change_check CHECK (public_change IN ('upsert', 'delete', 'none'))
);
-- Readers page through the final rows in this order.
CREATE INDEX event_order_idx ON event (xid, position);
-- The retention job finds the oldest rows to keep.
CREATE INDEX event_occurred_idx ON event (occurred_at);

-- How far the retention job has removed events: a cursor at or below this pair lost events and
-- must resync (410). One row; (0, 0) while nothing has been removed.
CREATE TABLE event_retention (
    id            smallint PRIMARY KEY DEFAULT 1,
    removed_xid   xid8   NOT NULL,
    removed_position bigint NOT NULL,
    CONSTRAINT event_retention_one_row CHECK (id = 1)
);
INSERT INTO event_retention (id, removed_xid, removed_position) VALUES (1, '0', 0);

-- Scheduled articles waiting to go live: one row per published article whose publishedAt lies
-- ahead, kept by every article write. The go-live job (dev.feder.article.GoLiveJob) claims due rows
-- with FOR UPDATE SKIP LOCKED, records article.published and deletes the row in one transaction,
-- so each going-live is announced once, whichever instance gets there first, and a restart
-- catches up on whatever fell due while no instance ran.
CREATE TABLE article_go_live (
    article_id   uuid PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    published_at timestamptz NOT NULL
);
CREATE INDEX article_go_live_due_idx ON article_go_live (published_at);
-- The articles scheduled when this migration runs.
INSERT INTO article_go_live (article_id, published_at)
SELECT id, published_at FROM article
WHERE status = 'published' AND deleted_at IS NULL AND published_at > now();

-- An event is news for the instances' webhook workers, which wake at once: the tag 'events', which
-- no kept answer carries (dev.feder.persistence.ContentTags.EVENTS).
CREATE FUNCTION feder_event_recorded() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('feder_content_changed', 'events');
    RETURN NULL;
END;
$$;
CREATE TRIGGER event_recorded AFTER INSERT ON event
    FOR EACH STATEMENT EXECUTE FUNCTION feder_event_recorded();
