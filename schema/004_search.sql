-- 004_search.sql — full-text search over each item's current revision.
-- trigram: any substring of three or more characters matches, which is
-- what Chinese needs (unicode61 makes a run of Han one token). Shorter
-- queries are answered with instr() by the core (a trigram MATCH of two
-- characters finds nothing). External content over revisions: the text is
-- not stored twice; revisions are append-only, so the old values FTS5
-- needs to delete an entry are always there, exactly.
CREATE VIRTUAL TABLE search USING fts5(
	kicker, headline, subhead, byline, body,
	content = 'revisions', content_rowid = 'id',
	tokenize = 'trigram', detail = full
);

-- Filing: the item row comes first with current_rev 1, then revision 1.
CREATE TRIGGER search_on_file AFTER INSERT ON revisions
WHEN NEW.conflict = 0 AND NEW.rev = (SELECT current_rev FROM items WHERE id = NEW.item_id)
BEGIN
	INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
	VALUES (NEW.id, NEW.kicker, NEW.headline, NEW.subhead, NEW.byline, NEW.body);
END;

-- A save moves current_rev: the old revision leaves the index, the new one enters.
CREATE TRIGGER search_on_save AFTER UPDATE OF current_rev ON items
WHEN OLD.current_rev <> NEW.current_rev
BEGIN
	INSERT INTO search(search, rowid, kicker, headline, subhead, byline, body)
	SELECT 'delete', r.id, r.kicker, r.headline, r.subhead, r.byline, r.body
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = OLD.current_rev;
	INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
	SELECT r.id, r.kicker, r.headline, r.subhead, r.byline, r.body
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = NEW.current_rev;
END;

-- Existing databases get their index now.
INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
SELECT r.id, r.kicker, r.headline, r.subhead, r.byline, r.body
FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev;
