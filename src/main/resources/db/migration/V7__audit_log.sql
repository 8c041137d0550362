-- The audit log: who changed what and when, for articles, categories, authors and tokens. One row
-- per successful write, inserted in the write's own transaction, so a refused or failed write leaves
-- none. Rows are never updated and outlive what they describe (no foreign keys). details holds small
-- facts such as the names of the changed fields; never a token secret or hash.

CREATE TABLE audit_event (
    id          uuid PRIMARY KEY,
    at          timestamptz  NOT NULL,
    actor       varchar(200) NOT NULL,
    actor_role  varchar(16)  NOT NULL,
    action      varchar(32)  NOT NULL,
    entity_type varchar(16)  NOT NULL,
    entity_id   uuid         NOT NULL,
    label       varchar(300) NOT NULL,
    details     jsonb        NOT NULL DEFAULT '{}',
    CONSTRAINT audit_event_actor_role_check
        CHECK (actor_role IN ('admin', 'editor', 'author', 'viewer', 'system')),
    CONSTRAINT audit_event_action_check
        CHECK (action IN ('create', 'update', 'patch', 'delete', 'trash', 'restore', 'purge',
                          'revoke', 'restore-revision')),
    CONSTRAINT audit_event_entity_type_check
        CHECK (entity_type IN ('article', 'category', 'author', 'token'))
);

-- Every read is newest first (at descending, nulls last as the paging queries say, then the id),
-- optionally narrowed by one of the filters; since/until are ranges on at in each of them.
CREATE INDEX audit_event_at_idx ON audit_event (at DESC NULLS LAST, id);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_id, at DESC NULLS LAST, id);
CREATE INDEX audit_event_entity_type_idx ON audit_event (entity_type, at DESC NULLS LAST, id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, at DESC NULLS LAST, id);
CREATE INDEX audit_event_action_idx ON audit_event (action, at DESC NULLS LAST, id);
