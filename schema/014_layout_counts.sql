-- 012_layout_counts.sql — the counts a newsroom pays by: 汉字 and 版面字数
-- (newsdesk(1), COUNTS). 字/行, the characters a line of the printed column
-- holds, is set for the publication (meta 'chars_per_line'), for a section,
-- and for a page of an issue; the narrowest setting that applies wins:
-- page, then section, then publication.
ALTER TABLE sections ADD COLUMN chars_per_line INTEGER
	CHECK (chars_per_line IS NULL OR chars_per_line BETWEEN 4 AND 100);
ALTER TABLE issue_pages ADD COLUMN chars_per_line INTEGER
	CHECK (chars_per_line IS NULL OR chars_per_line BETWEEN 4 AND 100);
INSERT OR IGNORE INTO meta(key, value) VALUES ('chars_per_line', '14');

-- Per revision, what is costly to count on every list: 汉字 and the line
-- profile 版面字数 is computed from for any 字/行 (nd_layout(lines, cpl)).
-- Written with the revision (history.c) and never changed; a table of its
-- own so a list or a year's stats read a few bytes, not the bodies.
CREATE TABLE revision_counts (
	revision_id INTEGER PRIMARY KEY REFERENCES revisions(id),
	hanzi       INTEGER NOT NULL CHECK (hanzi >= 0),
	lines       TEXT NOT NULL
);

-- Every revision already stored, counted now (a line on stderr every
-- 50,000 when there are many).
INSERT INTO revision_counts(revision_id, hanzi, lines)
SELECT id, nd_hanzi(kicker, headline, subhead, dateline, byline, body),
       nd_lines(kicker, headline, subhead, dateline, byline, body)
FROM revisions
WHERE nd_progress('counting 汉字 and lines of revisions', (SELECT count(*) FROM revisions));
