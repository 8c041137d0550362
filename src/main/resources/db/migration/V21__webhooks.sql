-- Webhooks: endpoints that admins register, and the deliveries of events to them
-- (dev.feder.webhook). A dispatcher reads the event outbox in commit order (V19) and writes one
-- delivery per event and matching endpoint; workers on every instance claim due deliveries with
-- FOR UPDATE SKIP LOCKED, so each is sent by one instance at a time.

CREATE TABLE webhook_endpoint (
    id                  uuid PRIMARY KEY,
    url                 varchar(2000) NOT NULL,
    description         varchar(500),
    enabled             boolean       NOT NULL,
    -- Event types to send: exact types (article.published), a resource's (article.*) or all (*).
    event_types         text[]        NOT NULL,
    -- The signing secret (whsec_ and base64), needed in clear to sign; never sent after creation.
    secret              varchar(100)  NOT NULL,
    -- The secret before the last rotation, still signing beside the new one until it expires.
    previous_secret     varchar(100),
    previous_secret_expires_at timestamptz,
    -- Since when every delivery attempt has failed; null after a success.
    failing_since       timestamptz,
    -- Why Feder disabled the endpoint by itself (failing for days, or 410 Gone), and when.
    disabled_reason     varchar(500),
    disabled_at         timestamptz,
    version             bigint        NOT NULL DEFAULT 0,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    CONSTRAINT webhook_endpoint_previous_secret
        CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL))
);

CREATE TABLE webhook_delivery (
    id               uuid PRIMARY KEY,
    -- Creation order: the dispatcher creates deliveries in the events' commit order.
    seq              bigint GENERATED ALWAYS AS IDENTITY,
    endpoint_id      uuid         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    -- The webhook-id header: the same for every attempt and redelivery of one event.
    message_id       varchar(64)  NOT NULL,
    event_id         uuid,
    event_type       varchar(40)  NOT NULL,
    -- Deliveries with the same key (one entity, "article:<id>") reach an endpoint in order: one is
    -- sent only when no earlier one of the same key is still pending. Null for pings.
    ordering_key     varchar(64),
    payload          text         NOT NULL,
    status           varchar(16)  NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    -- When the next attempt is due; while one is being sent, when its claim lapses (a crashed
    -- instance's deliveries are taken up again then).
    next_attempt_at  timestamptz,
    claim            uuid,
    last_attempt_at  timestamptz,
    response_status  integer,
    response_body    varchar(2000),
    latency_ms       integer,
    error            varchar(500),
    created_at       timestamptz  NOT NULL,
    completed_at     timestamptz,
    CONSTRAINT webhook_delivery_seq_key UNIQUE (seq),
    CONSTRAINT webhook_delivery_status_check
        CHECK (status IN ('pending', 'sending', 'succeeded', 'failed'))
);
-- Workers find due deliveries; only open ones are indexed.
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at, seq)
    WHERE status IN ('pending', 'sending');
-- The order rule: an earlier open delivery of the same key holds a later one back.
CREATE INDEX webhook_delivery_ordering_idx ON webhook_delivery (endpoint_id, ordering_key, seq)
    WHERE status IN ('pending', 'sending');
-- An endpoint's deliveries, newest first.
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, seq DESC);
-- The retention job removes old finished deliveries.
CREATE INDEX webhook_delivery_created_idx ON webhook_delivery (created_at);

-- How far the dispatcher has read the event outbox: the (xid, position) of the last event it
-- turned into deliveries. One row; the dispatcher of one instance at a time locks it.
CREATE TABLE webhook_dispatch (
    id            smallint PRIMARY KEY DEFAULT 1,
    last_xid      xid8   NOT NULL,
    last_position bigint NOT NULL,
    CONSTRAINT webhook_dispatch_one_row CHECK (id = 1)
);
INSERT INTO webhook_dispatch (id, last_xid, last_position) VALUES (1, '0', 0);

-- Webhook endpoints are audited like tokens; rotating a secret is an action of its own.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_entity_type_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_entity_type_check
    CHECK (entity_type IN ('article', 'category', 'author', 'token', 'webhook'));
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check
    CHECK (action IN ('create', 'update', 'patch', 'delete', 'trash', 'restore', 'purge',
                      'revoke', 'restore-revision', 'rotate-secret'));
