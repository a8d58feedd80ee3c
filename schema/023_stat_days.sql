-- 023_stat_days.sql — stats --year from a summary, not a scan of the
-- year's items: per reporter and day (UTC: unixepoch / 86400), the items
-- filed that day, and the items published that day with their published
-- revisions' 字数, 汉字 and 版面字数. stats adds up the whole days of a
-- year and counts the two part days at its ends (where the reader's
-- midnight falls inside a UTC day) from the items themselves.
--
-- 版面字数 is counted at the publication's 字/行 (meta chars_per_line, else
-- 14: newsdesk measure N), not each item's page or section: a year's total
-- is a figure of the publication. Setting it counts every day again in the
-- same transaction, so the summary is always what the items say now.
--
-- Kept by newsdesk where items change: filing (every item is inserted by
-- one function, after its first revision's counts) and the one workflow
-- path that moves an item (publishing sets published_at and
-- published_rev). newsdesk check compares the summary with
-- stat_days_truth (the same figures counted from the items) and
-- check --repair rebuilds it, after recounting revisions. A later
-- migration that recounts revisions or moves items rebuilds it too:
--   DELETE FROM stat_days; INSERT INTO stat_days SELECT * FROM stat_days_truth;
-- The views call nd_layout, so only newsdesk (not the sqlite3 shell) reads them.
CREATE TABLE stat_days (
	day       INTEGER NOT NULL,
	reporter  TEXT NOT NULL,
	filed     INTEGER NOT NULL DEFAULT 0,
	published INTEGER NOT NULL DEFAULT 0,
	chars     INTEGER NOT NULL DEFAULT 0,
	hanzi     INTEGER NOT NULL DEFAULT 0,
	layout    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (day, reporter)
) WITHOUT ROWID;

-- Each item's part of the figures, and their sums by day: what stat_days
-- must hold (check compares; rebuilding inserts it).
CREATE VIEW stat_items(item, day, reporter, filed, published, chars, hanzi, layout) AS
SELECT id, filed_at / 86400, reporter, 1, 0, 0, 0, 0 FROM items
UNION ALL
SELECT i.id, i.published_at / 86400, i.reporter, 0, 1, coalesce(c.chars, 0),
       coalesce(c.hanzi, 0),
       coalesce(nd_layout(c.lines, (SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta
                                                      WHERE key = 'chars_per_line'), 14))), 0)
FROM items i
LEFT JOIN revisions r ON r.item_id = i.id AND r.rev = i.published_rev
LEFT JOIN revision_counts c ON c.revision_id = r.id
WHERE i.published_at IS NOT NULL;

CREATE VIEW stat_days_truth(day, reporter, filed, published, chars, hanzi, layout) AS
SELECT day, reporter, sum(filed), sum(published), sum(chars), sum(hanzi), sum(layout)
FROM stat_items GROUP BY day, reporter;

INSERT INTO stat_days SELECT * FROM stat_days_truth;

-- The two part days at a year's ends are read from the items by time.
CREATE INDEX items_by_filed ON items(filed_at);
CREATE INDEX items_by_published ON items(published_at) WHERE published_at IS NOT NULL;
