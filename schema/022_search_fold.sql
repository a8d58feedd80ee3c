-- 022_search_fold.sql — the search index rebuilt with the fold of issue 30,
-- and with the dateline.
--
-- The tokenizer (nd_bigram) now folds full-width letters and digits to
-- half-width, 「」『』〝〞‘’ to “”, and traditional characters to simplified
-- (OpenCC's character tables, committed in the source: never the libopencc
-- a machine has). Terms stored by the earlier fold would no longer be the
-- terms a query looks up, so both indexes are made again. The search index
-- also holds the dateline now: a reporter named only there (本刊讯 记者…) is
-- found.
DROP TRIGGER search_on_file;
DROP TRIGGER search_on_change;
DROP TABLE search;
DROP TABLE search_head;

CREATE VIRTUAL TABLE search USING fts5(
	kicker, headline, subhead, dateline, byline, body,
	content = 'revisions', content_rowid = 'id',
	tokenize = 'nd_bigram', detail = none
);

CREATE VIRTUAL TABLE search_head USING fts5(
	headline,
	content = 'revisions', content_rowid = 'id',
	tokenize = 'nd_bigram', detail = none
);

-- As in search_no_positions: the indexes hold exactly the current revision
-- of every item not in a withdrawn state; newsdesk check verifies this.
CREATE TRIGGER search_on_file AFTER INSERT ON revisions
WHEN NEW.conflict = 0 AND NEW.rev = (SELECT current_rev FROM items WHERE id = NEW.item_id)
AND NOT coalesce((SELECT s.withdrawn FROM items i JOIN states s ON s.name = i.state
                  WHERE i.id = NEW.item_id), 0)
BEGIN
	INSERT INTO search(rowid, kicker, headline, subhead, dateline, byline, body)
	VALUES (NEW.id, NEW.kicker, NEW.headline, NEW.subhead, NEW.dateline, NEW.byline, NEW.body);
	INSERT INTO search_head(rowid, headline) VALUES (NEW.id, NEW.headline);
END;

CREATE TRIGGER search_on_change AFTER UPDATE OF current_rev, state ON items
WHEN OLD.current_rev <> NEW.current_rev
OR coalesce((SELECT withdrawn FROM states WHERE name = OLD.state), 0) <>
   coalesce((SELECT withdrawn FROM states WHERE name = NEW.state), 0)
BEGIN
	INSERT INTO search(search, rowid, kicker, headline, subhead, dateline, byline, body)
	SELECT 'delete', r.id, r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = OLD.current_rev
	AND NOT coalesce((SELECT withdrawn FROM states WHERE name = OLD.state), 0);
	INSERT INTO search_head(search_head, rowid, headline)
	SELECT 'delete', r.id, r.headline
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = OLD.current_rev
	AND NOT coalesce((SELECT withdrawn FROM states WHERE name = OLD.state), 0);
	INSERT INTO search(rowid, kicker, headline, subhead, dateline, byline, body)
	SELECT r.id, r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = NEW.current_rev
	AND NOT coalesce((SELECT withdrawn FROM states WHERE name = NEW.state), 0);
	INSERT INTO search_head(rowid, headline)
	SELECT r.id, r.headline
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = NEW.current_rev
	AND NOT coalesce((SELECT withdrawn FROM states WHERE name = NEW.state), 0);
END;

-- Existing items, with progress on stderr when there are many (the inner
-- LIMIT keeps SQLite from flattening the SELECT, so nd_progress counts the
-- rows indexed).
INSERT INTO search(rowid, kicker, headline, subhead, dateline, byline, body)
SELECT id, kicker, headline, subhead, dateline, byline, body FROM (
	SELECT r.id, r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body
	FROM items i JOIN states s ON s.name = i.state
	JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev
	WHERE NOT s.withdrawn LIMIT -1)
WHERE nd_progress('building the search index', (SELECT count(*) FROM items));
INSERT INTO search_head(rowid, headline)
SELECT id, headline FROM (
	SELECT r.id, r.headline
	FROM items i JOIN states s ON s.name = i.state
	JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev
	WHERE NOT s.withdrawn LIMIT -1)
WHERE nd_progress('building the headline index', (SELECT count(*) FROM items));
