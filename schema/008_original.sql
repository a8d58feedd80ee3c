-- 008_original.sql — the bytes of every filing as they arrived, compressed,
-- so a wrong decoding can always be redone (newsdesk redecode) and nothing a
-- reporter sent is lost. Like revisions, an original is never changed and
-- never deleted.
CREATE TABLE originals (
	item_id     INTEGER PRIMARY KEY REFERENCES items(id),
	encoding    TEXT,                                     -- as detected or named at filing
	size        INTEGER NOT NULL CHECK (size >= 0),       -- bytes before compression
	sha256      TEXT NOT NULL,                            -- of the bytes as they arrived
	compression TEXT NOT NULL CHECK (compression IN ('deflate', 'none')),
	bytes       BLOB NOT NULL
);
CREATE TRIGGER originals_no_update BEFORE UPDATE ON originals
BEGIN SELECT RAISE(ABORT, 'originals are kept as they arrived: never changed'); END;
CREATE TRIGGER originals_no_delete BEFORE DELETE ON originals
BEGIN SELECT RAISE(ABORT, 'originals are kept as they arrived: never deleted'); END;
