-- 016_upload_tokens.sql — an upload token is unique per reporter (issue 32),
-- not across the desk: one reporter's retry is still "already filed #N",
-- and another reporter's equal token is unrelated to it (and tells them
-- nothing about who used it). items.token keeps its rows and its old
-- UNIQUE constraint, which SQLite cannot drop without rebuilding the
-- table; new filings leave it NULL and record their token here. The rows
-- filed before are copied, so their retries keep working.
CREATE TABLE upload_tokens (
	reporter TEXT NOT NULL REFERENCES users(login),
	token    TEXT NOT NULL,
	item_id  INTEGER NOT NULL REFERENCES items(id),
	sha256   TEXT,  -- the bytes filed under it; NULL for rows older than 006
	PRIMARY KEY (reporter, token)
) WITHOUT ROWID;
INSERT INTO upload_tokens(reporter, token, item_id, sha256)
	SELECT reporter, token, id, token_sha256 FROM items WHERE token IS NOT NULL;
