-- 017_ledger.sql — a history anchored outside itself. Each item's chains
-- (history_hashes) prove what lies before their heads, but not that a head
-- was not moved back: delete an item's last event, point its head and
-- state back one step, and every chain still holds. So every record of
-- history — revision, event, note, photo link, kept original, imported
-- page — is also entered, as it is written, in one ledger for the whole
-- store, each entry hashed after the entry before it. The newest entry's
-- root is the store's root digest: it covers every item's heads, photos
-- and originals included. A root written down elsewhere (a backup, a
-- published issue's rundown, what an admin keeps, the last proven check)
-- is proved a prefix of today's history by finding it at its place in the
-- ledger: a history that was rolled back or rewritten since has lost it.
-- newsdesk check verifies the ledger against the records and the roots.
CREATE TABLE ledger (
	id      INTEGER PRIMARY KEY,   -- 1, 2, 3 … in the order written; never a gap
	kind    TEXT NOT NULL CHECK (kind IN ('revision', 'event', 'note', 'photo', 'original', 'page')),
	row_id  INTEGER NOT NULL,      -- the record's id in its table (an original's: its item)
	item_id INTEGER,               -- its item; NULL for an imported page
	hash    TEXT,                  -- the record's chained hash, or the original's SHA-256
	root    TEXT NOT NULL          -- nd_chain(the entry before's root, kind, row_id, item_id, hash)
);
CREATE INDEX ledger_row ON ledger(kind, row_id);

-- Roots recorded at a moment: a backup's, a published issue's, and the
-- last root a full check proved (the incremental check starts from it).
CREATE TABLE roots (
	id    INTEGER PRIMARY KEY,
	kind  TEXT NOT NULL CHECK (kind IN ('backup', 'issue', 'check')),
	ref   TEXT,                    -- the backup's file, the issue's code
	n     INTEGER NOT NULL,        -- ledger entries then
	root  TEXT,                    -- the root then (NULL: an empty ledger)
	at    INTEGER NOT NULL,
	counts TEXT                    -- a check's: records per kind then, 'revision=N event=N …'
);
CREATE INDEX roots_by_kind ON roots(kind, id);

-- The existing history, in the order it was written.
CREATE TEMP TABLE ledger_order (n INTEGER PRIMARY KEY, kind TEXT, row_id INTEGER,
	item_id INTEGER, hash TEXT);
INSERT INTO ledger_order(kind, row_id, item_id, hash)
SELECT kind, row_id, item_id, hash FROM (
	SELECT 0 AS k, 'page' AS kind, id AS row_id, NULL AS item_id, sha256 AS hash,
		imported_at AS at FROM page_originals
	UNION ALL SELECT 1, 'original', o.item_id, o.item_id, o.sha256, i.filed_at
		FROM originals o JOIN items i ON i.id = o.item_id
	UNION ALL SELECT 2, 'revision', id, item_id, hash, created_at FROM revisions
	UNION ALL SELECT 3, 'event', id, item_id, hash, created_at FROM events
	UNION ALL SELECT 4, 'note', id, item_id, hash, created_at FROM notes
	UNION ALL SELECT 5, 'photo', id, item_id, hash, created_at FROM photo_links
) ORDER BY at, k, row_id;
INSERT INTO ledger(id, kind, row_id, item_id, hash, root)
WITH RECURSIVE c(n, kind, row_id, item_id, hash, root) AS (
	SELECT n, kind, row_id, item_id, hash, nd_chain(NULL, kind, row_id, item_id, hash)
	FROM ledger_order WHERE n = 1
	UNION ALL
	SELECT o.n, o.kind, o.row_id, o.item_id, o.hash,
		nd_chain(c.root, o.kind, o.row_id, o.item_id, o.hash)
	FROM c JOIN ledger_order o ON o.n = c.n + 1
)
SELECT * FROM c;
DROP TABLE temp.ledger_order;

-- Every record enters the ledger as it is written.
CREATE TRIGGER ledger_revision AFTER INSERT ON revisions
BEGIN INSERT INTO ledger(kind, row_id, item_id, hash, root) SELECT 'revision', NEW.id,
	NEW.item_id, NEW.hash, nd_chain((SELECT root FROM ledger ORDER BY id DESC LIMIT 1),
	'revision', NEW.id, NEW.item_id, NEW.hash); END;
CREATE TRIGGER ledger_event AFTER INSERT ON events
BEGIN INSERT INTO ledger(kind, row_id, item_id, hash, root) SELECT 'event', NEW.id,
	NEW.item_id, NEW.hash, nd_chain((SELECT root FROM ledger ORDER BY id DESC LIMIT 1),
	'event', NEW.id, NEW.item_id, NEW.hash); END;
CREATE TRIGGER ledger_note AFTER INSERT ON notes
BEGIN INSERT INTO ledger(kind, row_id, item_id, hash, root) SELECT 'note', NEW.id,
	NEW.item_id, NEW.hash, nd_chain((SELECT root FROM ledger ORDER BY id DESC LIMIT 1),
	'note', NEW.id, NEW.item_id, NEW.hash); END;
CREATE TRIGGER ledger_photo AFTER INSERT ON photo_links
BEGIN INSERT INTO ledger(kind, row_id, item_id, hash, root) SELECT 'photo', NEW.id,
	NEW.item_id, NEW.hash, nd_chain((SELECT root FROM ledger ORDER BY id DESC LIMIT 1),
	'photo', NEW.id, NEW.item_id, NEW.hash); END;
CREATE TRIGGER ledger_original AFTER INSERT ON originals
BEGIN INSERT INTO ledger(kind, row_id, item_id, hash, root) SELECT 'original', NEW.item_id,
	NEW.item_id, NEW.sha256, nd_chain((SELECT root FROM ledger ORDER BY id DESC LIMIT 1),
	'original', NEW.item_id, NEW.item_id, NEW.sha256); END;
CREATE TRIGGER ledger_page AFTER INSERT ON page_originals
BEGIN INSERT INTO ledger(kind, row_id, item_id, hash, root) SELECT 'page', NEW.id,
	NULL, NEW.sha256, nd_chain((SELECT root FROM ledger ORDER BY id DESC LIMIT 1),
	'page', NEW.id, NULL, NEW.sha256); END;

-- The ledger and the recorded roots are append-only, as the history is.
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: never changed'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: never deleted'); END;
CREATE TRIGGER roots_no_update BEFORE UPDATE ON roots
BEGIN SELECT RAISE(ABORT, 'a recorded root is never changed'); END;
CREATE TRIGGER roots_no_delete BEFORE DELETE ON roots
BEGIN SELECT RAISE(ABORT, 'a recorded root is never deleted'); END;

-- A published issue records the root at the moment it went out (the
-- publishing transaction's events included); its rundown prints it.
CREATE TRIGGER issues_root AFTER UPDATE OF published_at ON issues
WHEN NEW.published_at IS NOT NULL AND OLD.published_at IS NULL
BEGIN INSERT INTO roots(kind, ref, n, root, at)
	SELECT 'issue', NEW.code, coalesce(max(id), 0),
		(SELECT root FROM ledger ORDER BY id DESC LIMIT 1), NEW.published_at FROM ledger; END;
