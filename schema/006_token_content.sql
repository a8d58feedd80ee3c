-- 006_token_content.sql — an upload token belongs to one reporter and one
-- content: the SHA-256 of the bytes filed under it, so a retry of the same
-- bytes is "already filed #N" and other bytes under a used token are
-- refused instead of silently dropped. Rows filed before have none: for
-- them only the reporter is compared.
ALTER TABLE items ADD COLUMN token_sha256 TEXT;
