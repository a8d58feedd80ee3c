-- 013_page_originals.sql — the bytes of every imported page dump, as they
-- arrived, compressed, kept once however many items were cut from it (and
-- once if the same page is imported again); each item made from a page
-- names it and its place on it. So `show ID --original` can always give
-- back what an imported item came from. Like originals, never changed and
-- never deleted.
CREATE TABLE page_originals (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,                            -- the file's name, no directories
	encoding    TEXT,                                     -- as detected or named at import
	size        INTEGER NOT NULL CHECK (size >= 0),       -- bytes before compression
	sha256      TEXT NOT NULL UNIQUE,                     -- of the bytes as they arrived
	compression TEXT NOT NULL CHECK (compression IN ('deflate', 'none')),
	bytes       BLOB NOT NULL,
	imported_by TEXT NOT NULL REFERENCES users(login),
	imported_at INTEGER NOT NULL
);
CREATE TABLE item_pages (
	item_id       INTEGER PRIMARY KEY REFERENCES items(id),
	page_original INTEGER NOT NULL REFERENCES page_originals(id),
	part          INTEGER NOT NULL CHECK (part > 0),      -- its place among the page's items
	parts         INTEGER NOT NULL CHECK (parts >= part)
);
CREATE INDEX item_pages_by_page ON item_pages(page_original, part);
CREATE TRIGGER page_originals_no_update BEFORE UPDATE ON page_originals
BEGIN SELECT RAISE(ABORT, 'imported pages are kept as they arrived: never changed'); END;
CREATE TRIGGER page_originals_no_delete BEFORE DELETE ON page_originals
BEGIN SELECT RAISE(ABORT, 'imported pages are kept as they arrived: never deleted'); END;
CREATE TRIGGER item_pages_no_update BEFORE UPDATE ON item_pages
BEGIN SELECT RAISE(ABORT, 'where an item was imported from is never changed'); END;
CREATE TRIGGER item_pages_no_delete BEFORE DELETE ON item_pages
BEGIN SELECT RAISE(ABORT, 'where an item was imported from is never deleted'); END;
