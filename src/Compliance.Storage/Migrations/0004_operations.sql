-- 0004: operations — attestations (sign-off hash chain), the alert outbox, what has been alerted,
-- the worker's job executions, and evidence purged by retention.

-- One sign-off of a run. chain_hash = AttestationChain over (previous_hash, manifest_sha256, report hashes,
-- run, reviewer, statement, attested_at); previous_hash is the tenant's preceding attestation (NULL for the first).
CREATE TABLE attestations (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id          TEXT NOT NULL REFERENCES runs(id),
    tenant          TEXT NOT NULL,
    reviewer        TEXT NOT NULL,
    statement       TEXT NOT NULL,
    attested_at     TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    previous_hash   TEXT,
    chain_hash      TEXT NOT NULL UNIQUE
);
CREATE INDEX ix_attestations_tenant ON attestations(tenant, seq);

-- An alert mail is written here (status 'pending') in the same transaction that claims its items below,
-- before any attempt to send; it becomes 'sent' only on 202 Accepted.
CREATE TABLE alert_outbox (
    id              TEXT PRIMARY KEY,
    tenant          TEXT NOT NULL,
    run_id          TEXT,
    kind            TEXT NOT NULL,          -- daily | credential-digest
    sender          TEXT NOT NULL,
    subject         TEXT NOT NULL,
    payload_json    TEXT NOT NULL,          -- the complete Graph sendMail request body (message + saveToSentItems)
    created_at      TEXT NOT NULL,
    status          TEXT NOT NULL,          -- pending | sent | failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    sent_at         TEXT
);
CREATE INDEX ix_alert_outbox_status ON alert_outbox(status, next_attempt_at);

-- Every item an alert reported (finding fingerprint, credential, source failure). The primary key is what
-- makes "never sent twice for the same findings" hold even when two composers race.
CREATE TABLE alert_items (
    tenant    TEXT NOT NULL,
    item_key  TEXT NOT NULL,
    outbox_id TEXT NOT NULL REFERENCES alert_outbox(id),
    PRIMARY KEY (tenant, item_key)
);

-- Each execution of a scheduled job by any worker process (operational history; the concurrency test reads it).
CREATE TABLE job_executions (
    fire_instance_id TEXT NOT NULL,
    job              TEXT NOT NULL,
    instance_id      TEXT NOT NULL,
    scheduled_at     TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    completed_at     TEXT,
    outcome          TEXT,
    detail           TEXT
);
CREATE INDEX ix_job_executions_job ON job_executions(job, scheduled_at);

ALTER TABLE runs ADD COLUMN evidence_purged_at TEXT;
