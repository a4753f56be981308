-- 0008: the rest of each source's request accounting (issue 4 requirement 7): successful pages kept as raw evidence,
-- retried attempts and HTTP 429 answers. Existing rows predate the counting and read 0.
ALTER TABLE source_results ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source_results ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source_results ADD COLUMN throttled INTEGER NOT NULL DEFAULT 0;
