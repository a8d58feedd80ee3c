-- 003_planning.sql — planning an issue: its pages, and what was published.
CREATE TABLE issue_pages (
	issue   TEXT NOT NULL REFERENCES issues(code),
	page    INTEGER NOT NULL CHECK (page > 0),
	section TEXT,
	budget  INTEGER CHECK (budget IS NULL OR budget >= 0),  -- 字数 planned for the page
	PRIMARY KEY (issue, page)
);

-- The revision that went out, so a later correction (the item edited again
-- and signed off again) never changes what was published until it is
-- republished.
ALTER TABLE items ADD COLUMN published_rev INTEGER;
ALTER TABLE items ADD COLUMN published_at INTEGER;

-- A published item may be corrected: editing it makes it 'edited' again.
UPDATE states SET editable = 1 WHERE name = 'published';

CREATE INDEX items_by_reporter_filed ON items(reporter, filed_at);
