-- 011_search_bigram.sql — the search index becomes the bigram index
-- (tokenizer nd_bigram, src/store/bigram.c): every word of any length is
-- one term or one phrase lookup over all items, where the trigram index
-- could not hold the one- and two-character words most Chinese words are.
-- The sqlite3 shell reads it after '.load nd_bigram' (see the man page).
-- Same table name, same external content.
DROP TRIGGER search_on_file;
DROP TRIGGER search_on_save;
DROP TABLE search;

CREATE VIRTUAL TABLE search USING fts5(
	kicker, headline, subhead, byline, body,
	content = 'revisions', content_rowid = 'id',
	tokenize = 'nd_bigram', detail = full
);

-- The index holds exactly what a search can return: the current revision
-- of every item not in a withdrawn state (spiked). So the count of a word
-- is the index's count alone, with no join to the items (a million joins
-- would cost seconds); a withdrawn item leaves the index and comes back
-- when it is restored. newsdesk check verifies this both ways.
CREATE TRIGGER search_on_file AFTER INSERT ON revisions
WHEN NEW.conflict = 0 AND NEW.rev = (SELECT current_rev FROM items WHERE id = NEW.item_id)
AND NOT coalesce((SELECT s.withdrawn FROM items i JOIN states s ON s.name = i.state
                  WHERE i.id = NEW.item_id), 0)
BEGIN
	INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
	VALUES (NEW.id, NEW.kicker, NEW.headline, NEW.subhead, NEW.byline, NEW.body);
END;

-- A save moves current_rev; a move into or out of a withdrawn state moves
-- the item out of or into the index. The old entry leaves (if it was
-- there), the new one enters (if it belongs).
CREATE TRIGGER search_on_change AFTER UPDATE OF current_rev, state ON items
WHEN OLD.current_rev <> NEW.current_rev
OR coalesce((SELECT withdrawn FROM states WHERE name = OLD.state), 0) <>
   coalesce((SELECT withdrawn FROM states WHERE name = NEW.state), 0)
BEGIN
	INSERT INTO search(search, rowid, kicker, headline, subhead, byline, body)
	SELECT 'delete', r.id, r.kicker, r.headline, r.subhead, r.byline, r.body
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = OLD.current_rev
	AND NOT coalesce((SELECT withdrawn FROM states WHERE name = OLD.state), 0);
	INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
	SELECT r.id, r.kicker, r.headline, r.subhead, r.byline, r.body
	FROM revisions r WHERE r.item_id = NEW.id AND r.rev = NEW.current_rev
	AND NOT coalesce((SELECT withdrawn FROM states WHERE name = NEW.state), 0);
END;

-- Existing items; nd_progress (registered by newsdesk) shows how far it is
-- on stderr when there are many.
INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
SELECT r.id, r.kicker, r.headline, r.subhead, r.byline, r.body
FROM items i JOIN states s ON s.name = i.state
JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev
WHERE NOT s.withdrawn AND nd_progress('building the search index', (SELECT count(*) FROM items));
