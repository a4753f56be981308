-- 0001: runs, raw evidence pages, normalised evidence, evaluation results.
-- Dates are ISO 8601 text with offset ("O" format); SQLite integers map to Int64.

CREATE TABLE runs (
    id                  TEXT PRIMARY KEY,
    tenant              TEXT NOT NULL,
    tenant_id           TEXT NOT NULL,
    period              TEXT NOT NULL,
    as_of               TEXT NOT NULL,
    started_at          TEXT NOT NULL,
    completed_at        TEXT,
    status              TEXT NOT NULL,          -- running | completed | partial | failed
    previous_chain_hash TEXT,
    chain_hash          TEXT
);
CREATE INDEX ix_runs_tenant ON runs(tenant, started_at);

CREATE TABLE source_results (
    run_id      TEXT NOT NULL REFERENCES runs(id),
    name        TEXT NOT NULL,
    state       TEXT NOT NULL,
    reason      TEXT,
    records     INTEGER NOT NULL,
    requests    INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (run_id, name)
);

-- Every page exactly as the API returned it, gzip-compressed; sha256 is over the uncompressed bytes.
CREATE TABLE evidence_pages (
    run_id      TEXT NOT NULL REFERENCES runs(id),
    source      TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    method      TEXT NOT NULL,
    request_uri TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    bytes       INTEGER NOT NULL,
    fetched_at  TEXT NOT NULL,
    body_gzip   BLOB NOT NULL,
    PRIMARY KEY (run_id, source, sequence)
);

CREATE TABLE applications (
    run_id       TEXT NOT NULL REFERENCES runs(id),
    object_id    TEXT NOT NULL,
    app_id       TEXT NOT NULL,
    display_name TEXT NOT NULL,
    PRIMARY KEY (run_id, object_id)
);

CREATE TABLE service_principals (
    run_id                 TEXT NOT NULL REFERENCES runs(id),
    object_id              TEXT NOT NULL,
    app_id                 TEXT NOT NULL,
    display_name           TEXT NOT NULL,
    service_principal_type TEXT,
    account_enabled        INTEGER NOT NULL,
    PRIMARY KEY (run_id, object_id)
);

CREATE TABLE credentials (
    run_id         TEXT NOT NULL REFERENCES runs(id),
    app_id         TEXT NOT NULL,
    holder         TEXT NOT NULL,             -- Application | ServicePrincipal
    key_id         TEXT NOT NULL,
    type           TEXT NOT NULL,             -- Secret | Certificate
    display_name   TEXT,
    start_date_time TEXT,
    end_date_time  TEXT,
    PRIMARY KEY (run_id, app_id, holder, key_id)
);

CREATE TABLE app_role_grants (
    run_id                 TEXT NOT NULL REFERENCES runs(id),
    id                     TEXT NOT NULL,
    principal_id           TEXT NOT NULL,
    principal_display_name TEXT,
    resource_id            TEXT NOT NULL,
    resource_app_id        TEXT NOT NULL,
    resource_display_name  TEXT,
    app_role_id            TEXT NOT NULL,
    app_role_value         TEXT,
    created_date_time      TEXT,
    PRIMARY KEY (run_id, id)
);

CREATE TABLE access_policies (
    run_id         TEXT NOT NULL REFERENCES runs(id),
    identity       TEXT NOT NULL,
    app_id         TEXT NOT NULL,
    access_right   TEXT NOT NULL,
    scope_name     TEXT NOT NULL,
    scope_identity TEXT,
    description    TEXT,
    PRIMARY KEY (run_id, identity)
);

CREATE TABLE control_results (
    run_id     TEXT NOT NULL REFERENCES runs(id),
    rule_id    TEXT NOT NULL,
    severity   TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    population INTEGER NOT NULL,
    failures   INTEGER NOT NULL,
    reason     TEXT,
    PRIMARY KEY (run_id, rule_id)
);

CREATE TABLE findings (
    run_id        TEXT NOT NULL REFERENCES runs(id),
    fingerprint   TEXT NOT NULL,
    rule_id       TEXT NOT NULL,
    severity      TEXT NOT NULL,
    status        TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    resource_name TEXT NOT NULL,
    integration   TEXT,
    qualifier     TEXT,
    detail        TEXT NOT NULL,
    remediation   TEXT NOT NULL,
    evidence_json TEXT NOT NULL,
    PRIMARY KEY (run_id, fingerprint)
);
CREATE INDEX ix_findings_fingerprint ON findings(fingerprint);

CREATE TABLE report_files (
    run_id TEXT NOT NULL REFERENCES runs(id),
    name   TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes  INTEGER NOT NULL,
    PRIMARY KEY (run_id, name)
);
