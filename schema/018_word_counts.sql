-- 018_word_counts.sql — 字数 as Word counts it (newsdesk(1), COUNTS), and
-- out of the hash chain. A count is derived from the text: the chain proves
-- the text, and newsdesk check recounts every revision and compares. So
-- 字数 joins 汉字 and the line profile in revision_counts, recounted here
-- for every stored revision by today's rule (a half-width mark on its own
-- is 0; a number or word with its marks is 1). revisions.chars and
-- body_chars keep what was counted when each revision was written (the
-- chain of those revisions covers them; they are never changed); revisions
-- written from now on store -1 there. The line profiles are made again
-- too: 版面字数 now squeezes a closing mark that would begin a paragraph's
-- last line into the line before, and keeps a number whole on one line,
-- and a profile carries what that needs (layout.h).
ALTER TABLE revision_counts ADD COLUMN chars INTEGER CHECK (chars IS NULL OR chars >= 0);
ALTER TABLE revision_counts ADD COLUMN body_chars INTEGER
	CHECK (body_chars IS NULL OR body_chars >= 0);

-- Revisions that have no counts (inserted outside newsdesk) get them too.
INSERT INTO revision_counts(revision_id, hanzi, lines)
SELECT id, nd_hanzi(kicker, headline, subhead, dateline, byline, body),
       nd_lines(kicker, headline, subhead, dateline, byline, body)
FROM revisions WHERE id NOT IN (SELECT revision_id FROM revision_counts);

-- Every revision recounted (a line on stderr every 50,000 when there are many).
UPDATE revision_counts
SET chars = nd_chars(r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body),
    lines = nd_lines(r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body),
    body_chars = nd_chars(NULL, NULL, NULL, NULL, NULL, r.body)
FROM revisions r
WHERE r.id = revision_counts.revision_id
  AND nd_progress('counting 字数 and lines of revisions', (SELECT count(*) FROM revision_counts));
