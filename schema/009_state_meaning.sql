-- 009_state_meaning.sql — what each state means to the rest of newsdesk,
-- as data: the code asks "is this state signed off?", never "is it
-- 'approved'?", so a newsroom that adds a stage (a 复审 step) adds rows.
ALTER TABLE states ADD COLUMN initial INTEGER NOT NULL DEFAULT 0 CHECK (initial IN (0, 1));
-- 签发 or beyond: counts as signed off when an issue is published.
ALTER TABLE states ADD COLUMN signed_off INTEGER NOT NULL DEFAULT 0 CHECK (signed_off IN (0, 1));
-- Out in print: entering it records the current revision as published_rev,
-- and an item in it must have a published revision.
ALTER TABLE states ADD COLUMN published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1));
-- Withdrawn (撤稿): left out of searches and never placed on a page.
ALTER TABLE states ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1));
-- A reporter may edit their own item in it (it was returned to them).
ALTER TABLE states ADD COLUMN reporter_edits INTEGER NOT NULL DEFAULT 0
	CHECK (reporter_edits IN (0, 1));
-- Saving an edit moves the item here: a published item, corrected, goes
-- back to be signed off again (what was published stays published_rev).
ALTER TABLE states ADD COLUMN edit_to TEXT REFERENCES states(name);

UPDATE states SET initial = 1 WHERE name = 'submitted';
UPDATE states SET signed_off = 1 WHERE name IN ('approved', 'published');
UPDATE states SET published = 1 WHERE name = 'published';
UPDATE states SET withdrawn = 1 WHERE name = 'spiked';
UPDATE states SET reporter_edits = 1 WHERE name = 'returned';
UPDATE states SET edit_to = 'edited' WHERE name = 'published';

-- Filing needs exactly one place to put a new item.
CREATE UNIQUE INDEX states_one_initial ON states(initial) WHERE initial = 1;

-- An issue is published when it has a publication time; its state follows.
CREATE TRIGGER issues_state AFTER UPDATE OF published_at ON issues
BEGIN
	UPDATE issues SET state = CASE WHEN NEW.published_at IS NULL THEN 'planning'
				       ELSE 'published' END
	WHERE code = NEW.code;
END;

-- Items published by 'publish ID' before this schema never had their
-- published revision recorded. While still published they have not been
-- edited since (an edit makes them edited again), so what went out is
-- their current revision, at the time of their last publish event.
UPDATE items SET published_rev = current_rev,
	published_at = coalesce((SELECT max(e.created_at) FROM events e
				 WHERE e.item_id = items.id AND e.to_state = items.state),
				updated_at)
WHERE published_rev IS NULL AND state IN (SELECT name FROM states WHERE published);

-- A correction is a transition like any other, so an edit of a published
-- item moves it through the same engine as every other move.
INSERT INTO transitions(verb, from_state, to_state, min_role, note_required, own_only, label_zh, label_en)
VALUES ('correct', 'published', 'edited', 'editor', 0, 0, '更正', 'correct (back to be signed off)');
