-- 005_counts.sql — items per state, kept by triggers, so the desk's title
-- line and the length of an unfiltered list cost nothing to read, however
-- many items there are (a count(*) over a million rows does not).
-- newsdesk check verifies them against the items.
CREATE TABLE state_counts (
	state TEXT PRIMARY KEY,
	n     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO state_counts(state, n) SELECT state, count(*) FROM items GROUP BY state;

CREATE TRIGGER counts_on_insert AFTER INSERT ON items
BEGIN
	INSERT INTO state_counts(state, n) VALUES (NEW.state, 1)
	ON CONFLICT(state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_on_move AFTER UPDATE OF state ON items
WHEN OLD.state <> NEW.state
BEGIN
	UPDATE state_counts SET n = n - 1 WHERE state = OLD.state;
	INSERT INTO state_counts(state, n) VALUES (NEW.state, 1)
	ON CONFLICT(state) DO UPDATE SET n = n + 1;
END;
