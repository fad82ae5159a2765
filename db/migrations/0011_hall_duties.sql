-- Hall duties of platform-api.md 1.1 (issue 16): the 办不成事 requests this hall records and follows, and the
-- 告知承诺 post-checks of the commitments it took. Their outbox kinds (unresolved_request,
-- commitment_check_result) were already added to the outbox's CHECK by 0010, which rebuilt it for all the
-- hall duties of the issue.

-- 办不成事 反映窗口: one row per request, written by cases::UnresolvedRequestService with its audit row and its
-- outbox row in one transaction; the platform's answer and GET /unresolved-requests/changes fill request_no,
-- state, reply_due, actions and remote_version (an older version never overwrites a newer one). Requests of
-- the hall's other windows arrive through the same feed (origin 'platform').
CREATE TABLE unresolved_requests (
    local_id            TEXT NOT NULL PRIMARY KEY,
    request_no          TEXT UNIQUE,
    origin              TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local','platform')),
    category            TEXT NOT NULL CHECK (category IN ('no_matching_item','conditions_unmet','cross_department',
                                                          'system_fault','policy_gap','other')),
    description         TEXT NOT NULL,
    applicant_name      TEXT NOT NULL,
    applicant_phone     TEXT NOT NULL,
    routed_to           TEXT,                      -- a department of the catalog, or NULL (the hall decides)
    case_local_id       TEXT,                      -- the case or evaluation the visit came from
    evaluation_local_id TEXT,
    clerk_id            TEXT NOT NULL,
    window_no           TEXT NOT NULL,
    created_at          TEXT NOT NULL,             -- RFC 3339 UTC
    reply_due           TEXT NOT NULL,             -- YYYY-MM-DD; ours until the platform's arrives
    state               TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','routed','resolved','explained',
                                                                      'closed')),
    actions_json        TEXT NOT NULL DEFAULT '[]',
    remote_version      INTEGER NOT NULL DEFAULT 0,
    updated_at          TEXT NOT NULL
);
CREATE INDEX unresolved_requests_created ON unresolved_requests(created_at);
CREATE INDEX unresolved_requests_state_due ON unresolved_requests(state, reply_due);

-- 告知承诺 post-checks, pulled (GET /commitment-checks/changes): the platform's record as last seen.
CREATE TABLE commitment_checks (
    check_id        TEXT NOT NULL PRIMARY KEY,
    case_no         TEXT NOT NULL,
    item_code       TEXT NOT NULL,
    material_id     TEXT NOT NULL,
    material_name   TEXT NOT NULL,
    due_date        TEXT NOT NULL,                 -- YYYY-MM-DD
    state           TEXT NOT NULL CHECK (state IN ('open','confirmed','false_commitment','unable')),
    outcome_note    TEXT,
    consequence     TEXT CHECK (consequence IS NULL OR consequence IN ('order_fix','revoke')),
    remote_version  INTEGER NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX commitment_checks_state_due ON commitment_checks(state, due_date);
CREATE INDEX commitment_checks_case ON commitment_checks(case_no);

-- The outcomes recorded here (POST /commitment-checks/{check_id}/result), one per check: kept with their
-- local_id until the platform's record shows them.
CREATE TABLE commitment_check_results (
    local_id    TEXT NOT NULL PRIMARY KEY,
    check_id    TEXT NOT NULL UNIQUE REFERENCES commitment_checks(check_id),
    outcome     TEXT NOT NULL CHECK (outcome IN ('confirmed','false_commitment','unable')),
    consequence TEXT CHECK (consequence IS NULL OR consequence IN ('order_fix','revoke')),
    note        TEXT NOT NULL,
    by_user     TEXT NOT NULL,
    at          TEXT NOT NULL
);
