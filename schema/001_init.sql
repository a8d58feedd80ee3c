-- 001_init.sql — the data model of DESIGN.md.
-- Revisions, events and notes are append-only: triggers refuse UPDATE and
-- DELETE, so no bug and no hand-typed SQL can rewrite what was filed,
-- edited or decided. Times are Unix seconds (UTC).

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
INSERT INTO meta(key, value) VALUES
	('publication', 'newsdesk'),
	('language', 'zh');         -- messages for users with no LANG of their own

CREATE TABLE roles (
	name     TEXT PRIMARY KEY,
	rank     INTEGER NOT NULL UNIQUE,  -- a higher rank may do all a lower may
	label_zh TEXT NOT NULL,
	label_en TEXT NOT NULL
);
INSERT INTO roles(name, rank, label_zh, label_en) VALUES
	('reporter', 1, '记者', 'reporter'),
	('editor',   2, '编辑', 'editor'),
	('chief',    3, '总编', 'chief editor'),
	('admin',    4, '管理员', 'admin');

CREATE TABLE users (
	login      TEXT PRIMARY KEY CHECK (length(login) BETWEEN 1 AND 64),
	name       TEXT,
	role       TEXT NOT NULL REFERENCES roles(name),
	enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
	ssh_key    TEXT,
	created_at INTEGER NOT NULL
);

CREATE TABLE sections (
	name     TEXT PRIMARY KEY,
	position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE states (
	name     TEXT PRIMARY KEY,
	label_zh TEXT NOT NULL,
	label_en TEXT NOT NULL,
	position INTEGER NOT NULL,        -- order in counts and filters
	editable INTEGER NOT NULL DEFAULT 1 CHECK (editable IN (0, 1))
);
INSERT INTO states(name, label_zh, label_en, position, editable) VALUES
	('submitted', '待编',   'submitted', 1, 1),
	('edited',    '已编',   'edited',    2, 1),
	('approved',  '已签发', 'approved',  3, 0),
	('published', '已发布', 'published', 4, 0),
	('returned',  '退回',   'returned',  5, 1),
	('spiked',    '撤稿',   'spiked',    6, 0);

-- The workflow as data. to_state NULL means "back to the state the item
-- was in before" (restore). own_only: the least role may act only on its
-- own items (a reporter refiles their own story; an editor may refile any).
CREATE TABLE transitions (
	verb          TEXT NOT NULL CHECK (verb GLOB '[a-z]*' AND verb NOT GLOB '*[^a-z-]*'),
	from_state    TEXT NOT NULL REFERENCES states(name),
	to_state      TEXT REFERENCES states(name),
	min_role      TEXT NOT NULL REFERENCES roles(name),
	note_required INTEGER NOT NULL DEFAULT 0 CHECK (note_required IN (0, 1)),
	own_only      INTEGER NOT NULL DEFAULT 0 CHECK (own_only IN (0, 1)),
	label_zh      TEXT NOT NULL,
	label_en      TEXT NOT NULL,
	PRIMARY KEY (verb, from_state)
);
INSERT INTO transitions(verb, from_state, to_state, min_role, note_required, own_only, label_zh, label_en) VALUES
	('finish',  'submitted', 'edited',    'editor',   0, 0, '编完',   'mark edited'),
	('approve', 'edited',    'approved',  'chief',    0, 0, '签发',   'approve (sign off)'),
	('publish', 'approved',  'published', 'chief',    0, 0, '发布',   'publish'),
	('return',  'submitted', 'returned',  'editor',   1, 0, '退回',   'return to the reporter'),
	('return',  'edited',    'returned',  'editor',   1, 0, '退回',   'return to the reporter'),
	('refile',  'returned',  'submitted', 'reporter', 0, 1, '重新提交', 'refile'),
	('reopen',  'approved',  'edited',    'chief',    0, 0, '撤回签发', 'reopen'),
	('spike',   'submitted', 'spiked',    'editor',   1, 0, '撤稿',   'spike'),
	('spike',   'edited',    'spiked',    'editor',   1, 0, '撤稿',   'spike'),
	('spike',   'approved',  'spiked',    'editor',   1, 0, '撤稿',   'spike'),
	('spike',   'returned',  'spiked',    'editor',   1, 0, '撤稿',   'spike'),
	('restore', 'spiked',    NULL,        'editor',   0, 0, '恢复',   'restore');

CREATE TABLE issues (
	code         TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
	title        TEXT NOT NULL,
	date         TEXT,
	pages        INTEGER CHECK (pages IS NULL OR pages > 0),
	state        TEXT NOT NULL DEFAULT 'planning' CHECK (state IN ('planning', 'published')),
	published_at INTEGER,
	created_at   INTEGER NOT NULL
);

CREATE TABLE items (
	id           INTEGER PRIMARY KEY,
	kind         TEXT NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'photo', 'brief', 'note')),
	section      TEXT,
	state        TEXT NOT NULL REFERENCES states(name),
	prev_state   TEXT REFERENCES states(name),   -- where restore goes back to
	reporter     TEXT NOT NULL REFERENCES users(login),
	issue        TEXT REFERENCES issues(code),
	page         INTEGER,
	position     INTEGER,
	lock_holder  TEXT REFERENCES users(login),
	lock_since   INTEGER,
	lock_expires INTEGER,
	current_rev  INTEGER NOT NULL DEFAULT 0,
	filed_at     INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL,
	token        TEXT UNIQUE                      -- a filer's idempotency token
);
CREATE INDEX items_by_updated ON items(updated_at DESC, id DESC);
CREATE INDEX items_by_state ON items(state, updated_at DESC, id DESC);
CREATE INDEX items_by_reporter ON items(reporter, updated_at DESC, id DESC);
CREATE INDEX items_by_section ON items(section, updated_at DESC, id DESC);
CREATE INDEX items_by_issue ON items(issue, page, position);

CREATE TABLE revisions (
	id         INTEGER PRIMARY KEY,
	item_id    INTEGER NOT NULL REFERENCES items(id),
	rev        INTEGER NOT NULL CHECK (rev > 0),
	base_rev   INTEGER,                           -- the revision this edit started from
	kind       TEXT NOT NULL,
	section    TEXT,
	kicker     TEXT,
	headline   TEXT NOT NULL,
	subhead    TEXT,
	dateline   TEXT,
	byline     TEXT,
	body       TEXT NOT NULL,
	chars      INTEGER NOT NULL,                  -- 字数 of the whole item
	body_chars INTEGER NOT NULL,                  -- 字数 of the body
	author     TEXT NOT NULL REFERENCES users(login),
	created_at INTEGER NOT NULL,
	conflict   INTEGER NOT NULL DEFAULT 0 CHECK (conflict IN (0, 1)),
	encoding   TEXT,                              -- of the filed original
	UNIQUE (item_id, rev)
);

CREATE TABLE events (
	id         INTEGER PRIMARY KEY,
	item_id    INTEGER NOT NULL REFERENCES items(id),
	actor      TEXT NOT NULL REFERENCES users(login),
	verb       TEXT NOT NULL,
	from_state TEXT,
	to_state   TEXT,
	note       TEXT,
	rev        INTEGER,
	created_at INTEGER NOT NULL
);
CREATE INDEX events_by_item ON events(item_id, id);

CREATE TABLE notes (
	id         INTEGER PRIMARY KEY,
	item_id    INTEGER NOT NULL REFERENCES items(id),
	rev        INTEGER,
	author     TEXT NOT NULL REFERENCES users(login),
	body       TEXT NOT NULL CHECK (length(body) > 0),
	created_at INTEGER NOT NULL
);
CREATE INDEX notes_by_item ON notes(item_id, id);

CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only: a revision is never changed'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only: a revision is never deleted'); END;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: the workflow log is never changed'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: the workflow log is never deleted'); END;
CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes
BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;
CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;
-- An item with revisions or events can never be deleted either.
CREATE TRIGGER items_no_delete BEFORE DELETE ON items
BEGIN SELECT RAISE(ABORT, 'items are never deleted: spike them instead'); END;
