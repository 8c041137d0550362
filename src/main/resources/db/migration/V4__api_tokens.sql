-- API tokens: named bearer tokens with a role, issued and revoked by admins. Only a SHA-256 hash
-- of the secret is stored; the secret itself is shown once, in the answer to its creation.

CREATE TABLE api_token (
    id         uuid PRIMARY KEY,
    name       varchar(200) NOT NULL,
    role       varchar(16)  NOT NULL,
    -- The author an author token writes as; deleting that author is refused while it exists.
    author_id  uuid REFERENCES author (id) ON DELETE RESTRICT,
    token_hash varchar(64)  NOT NULL,
    created_at timestamptz  NOT NULL,
    expires_at timestamptz,
    revoked_at timestamptz,
    CONSTRAINT api_token_hash_key UNIQUE (token_hash),
    CONSTRAINT api_token_role_check CHECK (role IN ('admin', 'editor', 'author', 'viewer')),
    CONSTRAINT api_token_author_role CHECK ((role = 'author') = (author_id IS NOT NULL))
);
-- The admins' list: newest first.
CREATE INDEX api_token_created_idx ON api_token (created_at DESC, id);
-- The author delete guard.
CREATE INDEX api_token_author_idx ON api_token (author_id) WHERE author_id IS NOT NULL;
