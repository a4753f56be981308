-- 0002: incremental collection. A watermark per tenant and source key (a source, or a source and one sender) is
-- the contiguous range already read; activity records are kept by their id at the source so that the overlap a
-- later run re-reads replaces rows instead of duplicating them.

CREATE TABLE source_watermarks (
    tenant_id    TEXT NOT NULL,
    source_key   TEXT NOT NULL,
    covered_from TEXT NOT NULL,
    covered_to   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, source_key)
);

CREATE TABLE activity_records (
    tenant_id   TEXT NOT NULL,
    source      TEXT NOT NULL,
    id          TEXT NOT NULL,
    occurred_at TEXT NOT NULL,              -- UTC, "O" format, so text order is time order
    json        TEXT NOT NULL,
    PRIMARY KEY (tenant_id, source, id)
);
CREATE INDEX ix_activity_records_time ON activity_records(tenant_id, source, occurred_at);
