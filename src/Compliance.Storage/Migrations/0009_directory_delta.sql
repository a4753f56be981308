-- 0009: incremental directory sources (issue 4, requirement 4). Per tenant and source, the @odata.deltaLink of the
-- last complete delta round, and the objects that round left merged (Graph id → JSON). Both are written in one
-- transaction at the end of a complete round, so a failed or partial round leaves the previous checkpoint in force.

CREATE TABLE directory_delta_checkpoints (
    tenant_id   TEXT NOT NULL,
    source      TEXT NOT NULL,
    delta_link  TEXT NOT NULL,
    received_at TEXT NOT NULL,              -- UTC, "O" format
    PRIMARY KEY (tenant_id, source)
);

CREATE TABLE directory_delta_objects (
    tenant_id TEXT NOT NULL,
    source    TEXT NOT NULL,
    id        TEXT NOT NULL,
    json      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, source, id)
);
