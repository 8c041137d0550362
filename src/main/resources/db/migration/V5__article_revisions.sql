-- Article revisions: every create, replace, patch and restore stores the article's write
-- representation (ArticleInput as JSON), numbered from 1 per article.

CREATE TABLE article_revision (
    id         uuid PRIMARY KEY,
    article_id uuid         NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    revision   integer      NOT NULL,
    state      jsonb        NOT NULL,
    created_by varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL,
    CONSTRAINT article_revision_number_key UNIQUE (article_id, revision),
    CONSTRAINT article_revision_positive CHECK (revision > 0)
);
-- The unique constraint's index serves the newest-first list and max(revision) lookups.
