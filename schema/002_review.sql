-- 002_review.sql — settings the review pane needs.
-- The proofreading error-rate limit per 10,000 characters (三审三校):
-- 2 for magazines, 3 for newspapers. A newspaper sets publication_kind.
INSERT INTO meta(key, value) VALUES
	('publication_kind', 'magazine'),
	('proof_limit_magazine', '2'),
	('proof_limit_newspaper', '3');
