-- 024_search_pairs.sql — the search index without a term for every
-- character (issue 33: the index a third of the text).
--
-- The tokenizer (nd_bigram) now emits every pair of adjacent characters
-- and the last character of each run, where it emitted every character
-- besides: a third of the index's entries. Every character still starts a
-- term (the pair it begins, or the run it ends), so a one-character word
-- is a prefix query over the terms that start with it, exact as before.
-- The tables, their triggers and what they hold are as search_fold made
-- them; only their terms change, so both indexes are emptied and filled
-- again, with progress on stderr when there are many items (the inner
-- LIMIT keeps SQLite from flattening the SELECT, so nd_progress counts the
-- rows indexed). The revisions come in the order of their ids: FTS5
-- writes its pending terms out whenever a rowid is lower than the last,
-- so in the items' order (an edited item's current revision is newer than
-- the next item's) it wrote thousands of small segments and merged them.
INSERT INTO search(search) VALUES ('delete-all');
INSERT INTO search_head(search_head) VALUES ('delete-all');

INSERT INTO search(rowid, kicker, headline, subhead, dateline, byline, body)
SELECT r.id, r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body FROM (
	SELECT r.id FROM items i JOIN states s ON s.name = i.state
	JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev
	WHERE NOT s.withdrawn ORDER BY r.id LIMIT -1) AS x
JOIN revisions r ON r.id = x.id
WHERE nd_progress('building the search index', (SELECT count(*) FROM items));
INSERT INTO search_head(rowid, headline)
SELECT r.id, r.headline FROM (
	SELECT r.id FROM items i JOIN states s ON s.name = i.state
	JOIN revisions r ON r.item_id = i.id AND r.rev = i.current_rev
	WHERE NOT s.withdrawn ORDER BY r.id LIMIT -1) AS x
JOIN revisions r ON r.id = x.id
WHERE nd_progress('building the headline index', (SELECT count(*) FROM items));
