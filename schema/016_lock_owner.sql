-- 016_lock_owner.sql — where an edit lock's holder is, as vim's swap file
-- records it: the host, the process id and the process's start time (in
-- clock ticks after boot), so that a pid the kernel gives again to another
-- process is not taken for the holder. A lock whose process is gone on
-- this host is stale: the next editor may take the item, and the holder's
-- draft stays the holder's. Locks taken before this migration have none of
-- these and run their lease as before.
ALTER TABLE items ADD COLUMN lock_host TEXT;
ALTER TABLE items ADD COLUMN lock_pid INTEGER;
ALTER TABLE items ADD COLUMN lock_pid_start INTEGER;

-- What the desk has to tell a user the next time it starts (a chief
-- released their lock; someone took an item their gone desk held): a code
-- and its arguments, rendered in the reader's language when shown, never
-- text. Shown once (seen_at), never deleted.
CREATE TABLE notices (
	id         INTEGER PRIMARY KEY,
	login      TEXT NOT NULL REFERENCES users(login), -- who is told
	code       TEXT NOT NULL CHECK (code IN ('lock-released', 'lock-taken')),
	item_id    INTEGER NOT NULL REFERENCES items(id),
	actor      TEXT NOT NULL REFERENCES users(login), -- who did it
	draft      INTEGER NOT NULL DEFAULT 0,            -- 1: the told user's draft is kept
	created_at INTEGER NOT NULL,
	seen_at    INTEGER
);
CREATE INDEX notices_unseen ON notices(login) WHERE seen_at IS NULL;
