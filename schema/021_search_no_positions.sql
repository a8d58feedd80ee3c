-- 021_search_no_positions.sql — the search index keeps no positions
-- (FTS5 detail=none): positions were what made the bigram index larger
-- than the text it indexes (1.07x at 100,000 items). Without them the
-- index says which revisions hold every bigram of a word; newsdesk
-- re-checks those candidates against the text (nd_bigram_has) when the
-- word is longer than one term, so recall and totals stay exact. A word of
-- one or two characters is one term and needs no re-check.
--
-- detail=none has no columns either, so the headlines get an index of
-- their own (search_head): search shows headline hits first and must find
-- them without reading every hit's headline.
--
-- The sqlite3 shell reads both after '.load nd_bigram' (see the man page).
DROP TRIGGER search_on_file;
DROP TRIGGER search_on_change;
DROP TABLE search;

CREATE VIRTUAL TABLE search USING fts5(
	kicker, headline, subhead, byline, body,
	content = 'revisions', content_rowid = 'id',
	tokenize = 'nd_bigram', detail = none
);

CREATE VIRTUAL TABLE search_head USING fts5(
	headline,
	content = 'revisions', content_rowid = 'id',
	tokenize = 'nd_bigram', detail = none
);

-- As in 011: the indexes hold exactly the current revision of every item
-- not in a withdrawn state; newsdesk check verifies this both ways.
CREATE TRIGGER search_on_file AFTER INSERT ON revisions
WHEN NEW.conflict = 0 AND NEW.rev = (SELECT current_rev FROM items WHERE id = NEW.item_id)
AND NOT coalesce((SELECT s.withdrawn FROM items i JOIN states s ON s.name = i.state
                  WHERE i.id = NEW.item_id), 0)
BEGIN
	INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
	VALUES (NEW.id, NEW.kicker, NEW.headline, NEW.subhead, NEW.byline, NEW.body);
	INSERT INTO search_head(rowid, headline) VALUES (NEW.id, NEW.headline);
END;

CREATE TRIGGER search_on_change AFTER UPDATE OF current_rev, state ON items
WHEN OLD.current_rev <> NEW.current_rev
OR coalesce((SELECT withdrawn FROM states WHERE name = OLD.state), 0) <>
   coalesce((SELECT withdrawn FROM states WHERE name = NEW.state), 0)
BEGIN
	INSERT INTO search(search, rowid, kicker, headline, subhead, byline, body)
	SELECT 'delete', r.id, r.kicker, r.headline, r.subhead, r.byline, r.body
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = OLD.current_rev
	AND NOT coalesce((SELECT withdrawn FROM states WHERE name = OLD.state), 0);
	INSERT INTO search_head(search_head, rowid, headline)
	SELECT 'delete', r.id, r.headline
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = OLD.current_rev
	AND NOT coalesce((SELECT withdrawn FROM states WHERE name = OLD.state), 0);
	INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
	SELECT r.id, r.kicker, r.headline, r.subhead, r.byline, r.body
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = NEW.current_rev
	AND NOT coalesce((SELECT withdrawn FROM states WHERE name = NEW.state), 0);
	INSERT INTO search_head(rowid, headline)
	SELECT r.id, r.headline
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = NEW.current_rev
	AND NOT coalesce((SELECT withdrawn FROM states WHERE name = NEW.state), 0);
END;

-- Existing items, with progress on stderr when there are many
-- (nd_progress, registered by newsdesk). The inner SELECT's LIMIT keeps
-- SQLite from flattening it, so nd_progress counts the rows indexed, not
-- every revision an outer loop reads.
INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
SELECT id, kicker, headline, subhead, byline, body FROM (
	SELECT r.id, r.kicker, r.headline, r.subhead, r.byline, r.body
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
