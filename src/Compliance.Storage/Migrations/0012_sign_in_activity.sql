-- 0012: the sign-in activity report read incrementally (issue 4, requirement 4). Per tenant, the entries of
-- reports/servicePrincipalSignInActivities as merged so far (one row per appId: the report has one entry per service
-- principal) and when the last complete read started. A later run reads the report newest first down to that time
-- less an overlap and merges by appId; only a complete read is saved, entries and time in one transaction, so a
-- failed read leaves the previous copy in force. (0011 stages directory delta rounds.)

CREATE TABLE sign_in_activity_reads (
    tenant_id TEXT NOT NULL PRIMARY KEY,
    read_at   TEXT NOT NULL                 -- UTC, "O" format: when the read began
);

CREATE TABLE sign_in_activity_entries (
    tenant_id             TEXT NOT NULL,
    app_id                TEXT NOT NULL,
    last_sign_in          TEXT,             -- lastSignInActivity/lastSignInDateTime, UTC "O" format
    last_app_only_sign_in TEXT,             -- applicationAuthenticationClientSignInActivity/lastSignInDateTime
    PRIMARY KEY (tenant_id, app_id)
);
