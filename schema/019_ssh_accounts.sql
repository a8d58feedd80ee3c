-- 019_ssh_accounts.sql — the SSH door keeps accounts (issue 32): upload
-- tokens per reporter, an audit log of every SSH command, and per-reporter
-- quotas.
--
-- An upload token is unique per reporter,
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

-- The audit log: one row when an SSH command starts (who, from where, the
-- words as sent) and one when it ends (accepted or refused, why, the bytes
-- read from standard input). Two rows, so a session cut before its answer
-- still leaves its words. The reason is a code with an argument, rendered
-- in the reader's language (src/cli/cmd_audit.c); the words are stored as
-- sent and sanitised when shown. Nothing is changed or deleted.
CREATE TABLE ssh_audit (
	id     INTEGER PRIMARY KEY,
	at     INTEGER NOT NULL,
	login  TEXT NOT NULL,   -- the forced command's argument (the key's owner)
	client TEXT,            -- SSH_CONNECTION's address and port
	words  TEXT NOT NULL    -- SSH_ORIGINAL_COMMAND ('' for a session without one)
);
CREATE INDEX ssh_audit_at ON ssh_audit(at);
CREATE TABLE ssh_audit_end (
	request  INTEGER PRIMARY KEY REFERENCES ssh_audit(id),
	at       INTEGER NOT NULL,
	outcome  TEXT NOT NULL CHECK (outcome IN ('accepted', 'refused')),
	reason   TEXT,          -- a code (NULL when accepted)
	argument TEXT,          -- the code's argument: the word refused, the quota's name
	bytes_in INTEGER NOT NULL CHECK (bytes_in >= 0),
	exit     INTEGER NOT NULL
);
CREATE TRIGGER ssh_audit_no_update BEFORE UPDATE ON ssh_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER ssh_audit_no_delete BEFORE DELETE ON ssh_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER ssh_audit_end_no_update BEFORE UPDATE ON ssh_audit_end
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER ssh_audit_end_no_delete BEFORE DELETE ON ssh_audit_end
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Quotas: what one reporter may send (items a day, photo bytes a day, a
-- share of the store). The names and their defaults are an allowlist in
-- src/core/quotas.c; a row here is the admin's value for one reporter
-- (login) or, with login '*', for every reporter without their own.
CREATE TABLE quotas (
	login      TEXT NOT NULL,  -- a user's login, or '*' for everyone
	name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 32),
	value      INTEGER NOT NULL CHECK (value >= 0),
	set_by     TEXT NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (login, name)
) WITHOUT ROWID;

-- The desk over SSH can be turned off for a user who only files (user add
-- --no-desk, user desk LOGIN off): ssh -t then prints what they may do.
ALTER TABLE users ADD COLUMN desk INTEGER NOT NULL DEFAULT 1 CHECK (desk IN (0, 1));
