-- 012_user_settings.sql — each user's own settings, by name: how their
-- terminal draws (ambiwidth: East Asian ambiguous characters one or two
-- columns wide), which the command line cannot carry over SSH. The names
-- and their values are an allowlist in src/core/settings.c.
CREATE TABLE user_settings (
	login      TEXT NOT NULL REFERENCES users(login),
	name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 32),
	value      TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (login, name)
) WITHOUT ROWID;
