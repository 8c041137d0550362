-- Related articles: editors pin them by hand; the rest is computed from tags, category and title.

CREATE TABLE article_related (
    article_id uuid    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    related_id uuid    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    PRIMARY KEY (article_id, position),
    CONSTRAINT article_related_once UNIQUE (article_id, related_id),
    CONSTRAINT article_related_not_self CHECK (article_id <> related_id)
);
-- Deleting an article removes it from other articles' pinned lists.
CREATE INDEX article_related_related_idx ON article_related (related_id);
