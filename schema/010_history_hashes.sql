-- 010_history_hashes.sql — a history that proves itself, as git's objects
-- do. Every revision stores the SHA-256 of its values chained to the
-- previous revision of its item; every event and every note likewise
-- within its item (an event's hash also covers the hash of the revision it
-- names). nd_chain() is registered by newsdesk on each connection. The item
-- keeps the newest hash of each chain (its heads, like git's refs), so
-- deleting the newest record shows too. newsdesk check verifies it all.
ALTER TABLE revisions ADD COLUMN hash TEXT;
ALTER TABLE events ADD COLUMN hash TEXT;
ALTER TABLE notes ADD COLUMN hash TEXT;
ALTER TABLE items ADD COLUMN rev_head TEXT;
ALTER TABLE items ADD COLUMN event_head TEXT;
ALTER TABLE items ADD COLUMN note_head TEXT;

-- Existing rows get their hashes now. The append-only triggers are
-- dropped for these three UPDATEs and recreated, unchanged, before this
-- migration's transaction commits: no other connection ever sees them gone.
DROP TRIGGER revisions_no_update;
DROP TRIGGER events_no_update;
DROP TRIGGER notes_no_update;

-- Each chain in order, numbered within its item, then hashed row after row.
CREATE TEMP TABLE chain_order (id INTEGER PRIMARY KEY, item_id INTEGER, n INTEGER);
CREATE INDEX temp.chain_order_at ON chain_order(item_id, n);
CREATE TEMP TABLE chain_hash (id INTEGER PRIMARY KEY, hash TEXT);

INSERT INTO chain_order
SELECT id, item_id, row_number() OVER (PARTITION BY item_id ORDER BY rev) FROM revisions;
INSERT INTO chain_hash
WITH RECURSIVE c(id, item_id, n, hash) AS (
	SELECT o.id, o.item_id, o.n, nd_chain(NULL, r.item_id, r.rev, r.base_rev, r.kind, r.section,
		r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body, r.chars, r.body_chars,
		r.author, r.created_at, r.conflict, r.encoding)
	FROM chain_order o JOIN revisions r ON r.id = o.id WHERE o.n = 1
	UNION ALL
	SELECT o.id, o.item_id, o.n, nd_chain(c.hash, r.item_id, r.rev, r.base_rev, r.kind, r.section,
		r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body, r.chars, r.body_chars,
		r.author, r.created_at, r.conflict, r.encoding)
	FROM c JOIN chain_order o ON o.item_id = c.item_id AND o.n = c.n + 1
	JOIN revisions r ON r.id = o.id
)
SELECT id, hash FROM c;
UPDATE revisions SET hash = (SELECT hash FROM chain_hash h WHERE h.id = revisions.id);
DELETE FROM chain_order;
DELETE FROM chain_hash;

INSERT INTO chain_order
SELECT id, item_id, row_number() OVER (PARTITION BY item_id ORDER BY id) FROM events;
INSERT INTO chain_hash
WITH RECURSIVE c(id, item_id, n, hash) AS (
	SELECT o.id, o.item_id, o.n, nd_chain(NULL, e.item_id, e.actor, e.verb, e.from_state,
		e.to_state, e.note, e.rev, e.created_at,
		(SELECT hash FROM revisions r WHERE r.item_id = e.item_id AND r.rev = e.rev))
	FROM chain_order o JOIN events e ON e.id = o.id WHERE o.n = 1
	UNION ALL
	SELECT o.id, o.item_id, o.n, nd_chain(c.hash, e.item_id, e.actor, e.verb, e.from_state,
		e.to_state, e.note, e.rev, e.created_at,
		(SELECT hash FROM revisions r WHERE r.item_id = e.item_id AND r.rev = e.rev))
	FROM c JOIN chain_order o ON o.item_id = c.item_id AND o.n = c.n + 1
	JOIN events e ON e.id = o.id
)
SELECT id, hash FROM c;
UPDATE events SET hash = (SELECT hash FROM chain_hash h WHERE h.id = events.id);
DELETE FROM chain_order;
DELETE FROM chain_hash;

INSERT INTO chain_order
SELECT id, item_id, row_number() OVER (PARTITION BY item_id ORDER BY id) FROM notes;
INSERT INTO chain_hash
WITH RECURSIVE c(id, item_id, n, hash) AS (
	SELECT o.id, o.item_id, o.n, nd_chain(NULL, t.item_id, t.rev, t.author, t.body, t.created_at)
	FROM chain_order o JOIN notes t ON t.id = o.id WHERE o.n = 1
	UNION ALL
	SELECT o.id, o.item_id, o.n, nd_chain(c.hash, t.item_id, t.rev, t.author, t.body,
		t.created_at)
	FROM c JOIN chain_order o ON o.item_id = c.item_id AND o.n = c.n + 1
	JOIN notes t ON t.id = o.id
)
SELECT id, hash FROM c;
UPDATE notes SET hash = (SELECT hash FROM chain_hash h WHERE h.id = notes.id);
DROP TABLE temp.chain_order;
DROP TABLE temp.chain_hash;

UPDATE items SET
	rev_head = (SELECT hash FROM revisions r WHERE r.item_id = items.id ORDER BY r.rev DESC LIMIT 1),
	event_head = (SELECT hash FROM events e WHERE e.item_id = items.id ORDER BY e.id DESC LIMIT 1),
	note_head = (SELECT hash FROM notes t WHERE t.item_id = items.id ORDER BY t.id DESC LIMIT 1);

CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only: a revision is never changed'); END;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: the workflow log is never changed'); END;
CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes
BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;

-- The heads move with every record appended.
CREATE TRIGGER revisions_head AFTER INSERT ON revisions
BEGIN UPDATE items SET rev_head = NEW.hash WHERE id = NEW.item_id; END;
CREATE TRIGGER events_head AFTER INSERT ON events
BEGIN UPDATE items SET event_head = NEW.hash WHERE id = NEW.item_id; END;
CREATE TRIGGER notes_head AFTER INSERT ON notes
BEGIN UPDATE items SET note_head = NEW.hash WHERE id = NEW.item_id; END;
