-- 012_photos.sql — an item's pictures (issue 22), in the one file so
-- backups and replicas carry them. Each picture's bytes are stored once,
-- by their SHA-256, however many items use them; an item's list of photos
-- is a log like its revisions: attaching, a new caption, a new order or
-- taking a photo off each append a row carrying the photo's whole state,
-- the newest row of a slot being what it is now. Nothing is changed or
-- deleted; each row is hashed and chained within its item (nd_chain, as in
-- 010_history_hashes), the item keeps the newest (photo_head), and
-- newsdesk check proves both, and every blob against its digest.
CREATE TABLE photo_blobs (
	id           INTEGER PRIMARY KEY,
	sha256       TEXT NOT NULL UNIQUE,
	format       TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
	size         INTEGER NOT NULL CHECK (size > 0),
	width        INTEGER NOT NULL CHECK (width > 0),
	height       INTEGER NOT NULL CHECK (height > 0),
	exif_date    TEXT,   -- sanitised when read (photo.c)
	exif_camera  TEXT,
	exif_caption TEXT,
	created_at   INTEGER NOT NULL,
	bytes        BLOB NOT NULL -- last: listing never reads it
);
CREATE TABLE photo_links (
	id         INTEGER PRIMARY KEY,
	item_id    INTEGER NOT NULL REFERENCES items(id),
	slot       INTEGER NOT NULL CHECK (slot > 0), -- the photo within its item, never reused
	verb       TEXT NOT NULL CHECK (verb IN ('attach', 'caption', 'move', 'detach')),
	blob_id    INTEGER NOT NULL REFERENCES photo_blobs(id),
	name       TEXT NOT NULL,              -- as the reporter named it
	caption    TEXT NOT NULL DEFAULT '',
	position   INTEGER NOT NULL,           -- the order within the item
	detached   INTEGER NOT NULL DEFAULT 0 CHECK (detached IN (0, 1)),
	actor      TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	hash       TEXT
);
CREATE INDEX photo_links_slot ON photo_links(item_id, slot, id);
ALTER TABLE items ADD COLUMN photo_head TEXT;
-- Each item's photos as they are now: the newest row of each slot, unless
-- it took the photo off.
CREATE VIEW photos_current AS
SELECT l.* FROM photo_links l
WHERE l.id = (SELECT max(m.id) FROM photo_links m WHERE m.item_id = l.item_id AND m.slot = l.slot)
AND NOT l.detached;

CREATE TRIGGER photo_blobs_no_update BEFORE UPDATE ON photo_blobs
BEGIN SELECT RAISE(ABORT, 'photos are kept as they arrived: never changed'); END;
CREATE TRIGGER photo_blobs_no_delete BEFORE DELETE ON photo_blobs
BEGIN SELECT RAISE(ABORT, 'photos are kept as they arrived: never deleted'); END;
CREATE TRIGGER photo_links_no_update BEFORE UPDATE ON photo_links
BEGIN SELECT RAISE(ABORT, 'an item''s photo log is append-only: never changed'); END;
CREATE TRIGGER photo_links_no_delete BEFORE DELETE ON photo_links
BEGIN SELECT RAISE(ABORT, 'an item''s photo log is append-only: never deleted'); END;
CREATE TRIGGER photo_links_head AFTER INSERT ON photo_links
BEGIN UPDATE items SET photo_head = NEW.hash WHERE id = NEW.item_id; END;

-- Limits a publication may change: bytes per photo, bytes and photos per item.
INSERT INTO meta(key, value) VALUES
	('photo_max_bytes', '41943040'),
	('item_photo_max_bytes', '209715200'),
	('item_photo_max_count', '30');
