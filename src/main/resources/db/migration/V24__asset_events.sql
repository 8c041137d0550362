-- Assets of the media library (V18) have events of their own: asset.created, asset.updated and
-- asset.deleted (dev.feder.event.EventType). The audit log has known assets since V23; webhook
-- endpoints store their event types unchecked (the service validates them against the code's list),
-- and deliveries' ordering keys ("asset:<id>") fit their column.
ALTER TABLE event DROP CONSTRAINT event_entity_type_check;
ALTER TABLE event ADD CONSTRAINT event_entity_type_check
    CHECK (entity_type IN ('article', 'category', 'author', 'asset'));
