-- 0007: `attest` fills in the attestation page of the run's PDF and replaces the file; the sign-off's chain hash covers
-- that attested PDF (its entry among the report hashes), so its name, SHA-256 and size are kept with the sign-off.
-- NULL for sign-offs recorded before this migration, whose chain covers the PDF as published.
ALTER TABLE attestations ADD COLUMN attested_report TEXT;
ALTER TABLE attestations ADD COLUMN attested_report_sha256 TEXT;
ALTER TABLE attestations ADD COLUMN attested_report_bytes INTEGER;
