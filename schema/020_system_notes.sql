-- 020_system_notes.sql — what newsdesk itself writes into the workflow log
-- and the review notes (a placement, a hang-up, a lock taken over, an
-- imported fragment) is a code with arguments, rendered in the reader's
-- language when shown; only what people type is stored as typed.
-- With a code, events.note and notes.body hold the code's arguments joined
-- by U+001F (none: NULL; a note, never empty, then holds the code). A row without a code is as it was: a person's
-- words, or (before this schema) the program's English, which newsdesk
-- renders through the same codes where it can parse it. Nothing stored is
-- rewritten: the new columns are NULL on every existing row, and the hash
-- of a row with a code covers the code too (journal.c, check.c).
ALTER TABLE events ADD COLUMN note_code TEXT;
ALTER TABLE notes ADD COLUMN body_code TEXT;
