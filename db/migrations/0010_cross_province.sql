-- 跨省通办 "收受分离" (issue 16, platform-api.md 1.1 "跨省通办 异地代收代办"): matters this window receives for
-- an authority of another province. One row per receipt, written by cases::CrossProvinceService in the same
-- transaction as its audit row and its outbox row (kind cross_province_receipt); its events (forwarded,
-- returned_to_applicant) are queued as children (kind cross_province_event) that wait for receipt_no.
-- The platform's answers and GET /cross-province/changes fill receipt_no, state, target_case_no, events and
-- version (an older version never overwrites a newer one). Receipts of the hall's other windows arrive through
-- the same feed (origin 'platform') with the masked id number only, for the supervisor's hall-wide view.
CREATE TABLE cross_province_receipts (
    local_id            TEXT NOT NULL PRIMARY KEY,
    receipt_no          TEXT UNIQUE,               -- the platform's number, once acknowledged
    origin              TEXT NOT NULL DEFAULT 'local', -- local | platform (another window, from the feed)
    target_region       TEXT NOT NULL,             -- GB/T 2260 code, e.g. 440300
    target_region_name  TEXT NOT NULL,             -- as the code list names it when received (for notices)
    target_authority    TEXT NOT NULL,
    item_name           TEXT NOT NULL,
    item_code           TEXT,
    applicant_kind      TEXT NOT NULL,             -- person | entity
    applicant_name      TEXT NOT NULL,
    applicant_id_type   TEXT NOT NULL,
    applicant_id_number TEXT,                      -- NULL for another window's receipt
    applicant_id_masked TEXT NOT NULL,
    applicant_phone     TEXT,
    entity_name         TEXT,
    uscc                TEXT,
    materials_json      TEXT NOT NULL,             -- [{"name","copies","form"}] as the other province lists them
    handover_method     TEXT NOT NULL,             -- post | platform
    tracking_no         TEXT,
    clerk_id            TEXT NOT NULL,
    window_no           TEXT NOT NULL,
    created_at          TEXT NOT NULL,             -- RFC 3339 UTC
    forward_due         TEXT NOT NULL,             -- YYYY-MM-DD: the working day after the CST date of created_at
    state               TEXT NOT NULL DEFAULT 'received',
    target_case_no      TEXT,
    events_json         TEXT NOT NULL DEFAULT '[]',
    forwarded_at        TEXT,
    version             INTEGER NOT NULL DEFAULT 0, -- 0: not yet acknowledged by the platform
    updated_at          TEXT NOT NULL,
    platform_message    TEXT                       -- the platform's 400/422 message for the clerk
);
CREATE INDEX cross_province_receipts_created ON cross_province_receipts(created_at);
CREATE INDEX cross_province_receipts_state ON cross_province_receipts(state, forward_due);

-- The outbox takes the receipts' writes (kinds cross_province_receipt and cross_province_event). SQLite cannot
-- change a CHECK in place, so the table is rebuilt with the same columns, rows and indexes (as in 0005). The
-- list also names the other hall duties' kinds of issue 16 (unresolved_request, commitment_check_result), so
-- that the two migrations of that issue may land in either order: the later rebuild must keep every kind.
CREATE TABLE outbox_xp (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id           TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('case','case_event','evaluation','rectification','training_result',
                                                  'case_followup','evaluation_callback','evaluation_appeal',
                                                  'unresolved_request','commitment_check_result',
                                                  'cross_province_receipt','cross_province_event')),
    local_id        TEXT NOT NULL,
    parent_local_id TEXT,
    method          TEXT NOT NULL DEFAULT 'POST',
    path            TEXT NOT NULL,
    payload         TEXT NOT NULL,
    payload_sha256  TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending','in_flight','done','retry_wait','needs_attention',
                                                   'unsupported')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT,
    last_attempt_at TEXT,
    last_status     INTEGER,
    last_error      TEXT,
    response_json   TEXT,
    done_at         TEXT,
    superseded_by   TEXT
);
INSERT INTO outbox_xp (seq, op_id, kind, local_id, parent_local_id, method, path, payload, payload_sha256, state,
                       attempts, created_at, next_attempt_at, last_attempt_at, last_status, last_error,
                       response_json, done_at, superseded_by)
    SELECT seq, op_id, kind, local_id, parent_local_id, method, path, payload, payload_sha256, state, attempts,
           created_at, next_attempt_at, last_attempt_at, last_status, last_error, response_json, done_at,
           superseded_by FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_xp RENAME TO outbox;
CREATE INDEX outbox_state_next ON outbox(state, next_attempt_at);
CREATE INDEX outbox_local_id ON outbox(local_id);
CREATE INDEX outbox_parent ON outbox(parent_local_id) WHERE parent_local_id IS NOT NULL;
