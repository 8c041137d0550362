-- The audit log's kinds of entity and of action as the media library (V18), webhooks (V21) and
-- previews (V22) extend them: each of those migrations set the checks to its own list; this one
-- sets them to all of them together.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_entity_type_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_entity_type_check
    CHECK (entity_type IN ('article', 'category', 'author', 'token', 'webhook', 'asset'));
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check
    CHECK (action IN ('create', 'update', 'patch', 'delete', 'trash', 'restore', 'purge',
                      'revoke', 'restore-revision', 'rotate-secret', 'create-preview-link',
                      'revoke-preview-links'));
