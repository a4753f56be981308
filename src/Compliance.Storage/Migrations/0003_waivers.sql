-- 0003: the waiver (exception) register. A waiver covers one finding (fingerprint) or a rule on a resource,
-- until a date; revoking keeps the row so reports can show what was revoked and when.
CREATE TABLE waivers (
    id          TEXT PRIMARY KEY,
    tenant      TEXT,                 -- null: any tenant (resource ids are GUIDs or addresses, unique across tenants)
    rule_id     TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    fingerprint TEXT,
    reason      TEXT NOT NULL,
    approver    TEXT NOT NULL,
    ticket      TEXT,
    created_at  TEXT NOT NULL,
    until       TEXT NOT NULL,        -- exclusive: the first moment the waiver no longer applies
    revoked_at  TEXT
);
CREATE INDEX ix_waivers_rule_resource ON waivers(rule_id, resource_id);
