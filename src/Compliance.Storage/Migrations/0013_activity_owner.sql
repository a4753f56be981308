-- 0013: activity records keyed by owner (issue 4, requirement 5: memory flat whatever the volume). A review no
-- longer holds a window's sign-ins, message trace and audit records in memory: the rules read one app's or one
-- sender's records at a time and the reports stream the rest, both from this table. owner_key is the app id
-- (sign-ins, audit) or sender address (message trace) with ASCII letters lower-cased — what lower() does here and
-- what ActivityOwner.Key does in C#, so rows written before this migration and after it are found alike. The
-- JSON property names are those of the records serialized by the collectors (ActivityJson: property names as declared).

ALTER TABLE activity_records ADD COLUMN owner_key TEXT;

UPDATE activity_records SET owner_key = lower(json_extract(json, '$.AppId')) WHERE source IN ('signIns', 'mailboxAudit');
UPDATE activity_records SET owner_key = lower(json_extract(json, '$.SenderAddress')) WHERE source = 'messageTrace';

CREATE INDEX ix_activity_records_owner ON activity_records(tenant_id, source, owner_key, occurred_at);
