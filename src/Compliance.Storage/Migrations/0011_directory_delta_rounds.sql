-- 0011: directory delta rounds written as their pages arrive (issue 4, requirement 5: resident memory flat whatever
-- the volume). A round's merged objects are staged here, apart from directory_delta_objects, and moved there with the
-- new checkpoint in one transaction when the round completes; a round that fails is deleted with its staged rows
-- (ON DELETE CASCADE), so the previous round stays in force. started_at lets a later round drop the rows of a round
-- whose process died.

CREATE TABLE directory_delta_rounds (
    round_id    TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL,
    source      TEXT NOT NULL,
    replace_all INTEGER NOT NULL,       -- 1: the round reads every object again; 0: it continues the checkpoint
    started_at  TEXT NOT NULL           -- UTC, "O" format
);

CREATE INDEX directory_delta_rounds_source ON directory_delta_rounds (tenant_id, source, started_at);

CREATE TABLE directory_delta_staged (
    round_id TEXT NOT NULL REFERENCES directory_delta_rounds (round_id) ON DELETE CASCADE,
    id       TEXT NOT NULL,
    json     TEXT,                      -- the merged object; NULL when the round removed it
    PRIMARY KEY (round_id, id)
);
