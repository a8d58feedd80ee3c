-- 007_search_bigram.sql — the search index becomes the bigram index
-- (tokenizer nd_bigram, src/store/bigram.c): every word of any length is
-- one term or one phrase lookup over all items, where the trigram index
-- could not hold the one- and two-character words most Chinese words are.
-- The sqlite3 shell reads it after '.load nd_bigram' (see the man page).
-- Same table name, same external content, same triggers: the current
-- revision of every item, spiked ones too (their state is filtered on).
DROP TRIGGER search_on_file;
DROP TRIGGER search_on_save;
DROP TABLE search;

CREATE VIRTUAL TABLE search USING fts5(
	kicker, headline, subhead, byline, body,
	content = 'revisions', content_rowid = 'id',
	tokenize = 'nd_bigram', detail = full
);

CREATE TRIGGER search_on_file AFTER INSERT ON revisions
WHEN NEW.conflict = 0 AND NEW.rev = (SELECT current_rev FROM items WHERE id = NEW.item_id)
BEGIN
	INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
	VALUES (NEW.id, NEW.kicker, NEW.headline, NEW.subhead, NEW.byline, NEW.body);
END;

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

-- Existing items; nd_progress (registered by newsdesk) shows how far it is
-- on stderr when there are many.
INSERT INTO search(rowid, kicker, headline, subhead, byline, body)
SELECT r.id, r.kicker, r.headline, r.subhead, r.byline, r.body
FROM items i JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev
WHERE nd_progress('building the search index', (SELECT count(*) FROM items));
