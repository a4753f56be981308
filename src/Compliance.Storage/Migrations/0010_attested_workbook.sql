-- 0010: `attest` also fills in the attestation on the run's workbook (its Summary sheet) and replaces the file; the
-- sign-off's chain hash covers that attested workbook as it covers the attested PDF (0007), so its name, SHA-256 and
-- size are kept with the sign-off. NULL for sign-offs recorded before this migration, whose chain covers the workbook as
-- published. (0009 is left to the directory delta queries of a parallel branch.)
ALTER TABLE attestations ADD COLUMN attested_workbook TEXT;
ALTER TABLE attestations ADD COLUMN attested_workbook_sha256 TEXT;
ALTER TABLE attestations ADD COLUMN attested_workbook_bytes INTEGER;
