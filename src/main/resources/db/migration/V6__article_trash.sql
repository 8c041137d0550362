-- Trash for articles: deleting an article moves it to the trash (deleted_at, deleted_by) instead of
-- removing the row. A trashed article is invisible everywhere but in the trash, keeps its slug
-- reserved (the unique constraint still holds), its revisions and the pins in both directions, so a
-- restore brings it back exactly as it was. After the retention (feder.trash.retention) it is
-- purged: the row goes, and with it its revisions, byline and pins (ON DELETE CASCADE).

ALTER TABLE article ADD COLUMN deleted_at timestamptz;
ALTER TABLE article ADD COLUMN deleted_by varchar(200);
ALTER TABLE article ADD CONSTRAINT article_deleted_by_whom
    CHECK ((deleted_at IS NULL) = (deleted_by IS NULL));

-- The list indexes serve live articles only: every list query filters on deleted_at IS NULL, which
-- implies these predicates, so the planner keeps using them, and trashed rows do not bloat them.
-- Their order is now exactly the lists' (keys descending with nulls last, then the id ascending),
-- so a page is read off the index without sorting; V1's DESC (nulls first) could only filter.
DROP INDEX article_published_idx;
CREATE INDEX article_published_idx ON article (published_at DESC NULLS LAST, id)
    WHERE status = 'published' AND deleted_at IS NULL;
DROP INDEX article_updated_idx;
CREATE INDEX article_updated_idx ON article (updated_at DESC NULLS LAST, id)
    WHERE deleted_at IS NULL;

-- The trash list (newest deletion first) and the purge of expired items.
CREATE INDEX article_trash_idx ON article (deleted_at DESC NULLS LAST, id)
    WHERE deleted_at IS NOT NULL;
