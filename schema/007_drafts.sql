-- 007_drafts.sql — what an editor has typed but not saved: the built-in
-- editor writes it here after 2 s without a keystroke and at least every
-- 15 s while typing, and on a hang-up. One row per item and editor,
-- replaced each time. A draft is not a revision; only saving it or
-- discarding it on purpose deletes it.
CREATE TABLE drafts (
	item_id  INTEGER NOT NULL REFERENCES items(id),
	author   TEXT NOT NULL REFERENCES users(login),
	base_rev INTEGER NOT NULL,          -- the revision the editing started from
	kind     TEXT NOT NULL,
	section  TEXT,
	kicker   TEXT,
	headline TEXT NOT NULL,
	subhead  TEXT,
	dateline TEXT,
	byline   TEXT,
	body     TEXT NOT NULL,
	chars    INTEGER NOT NULL,          -- 字数 of the whole draft
	saved_at INTEGER NOT NULL,
	PRIMARY KEY (item_id, author)
) WITHOUT ROWID;
CREATE INDEX drafts_by_author ON drafts(author);
