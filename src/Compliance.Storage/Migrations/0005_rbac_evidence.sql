-- 0005: Exchange RBAC assignments of each run, kept normalised like app-role grants so that PERM-003 can
-- compare today's permissions with those of the last attested run.
CREATE TABLE exchange_role_assignments (
    run_id              TEXT NOT NULL REFERENCES runs(id),
    id                  TEXT NOT NULL,
    role_name           TEXT NOT NULL,
    principal_object_id TEXT NOT NULL,
    scope_type          TEXT NOT NULL,
    scope_id            TEXT,
    enabled             INTEGER NOT NULL,
    PRIMARY KEY (run_id, id)
);
