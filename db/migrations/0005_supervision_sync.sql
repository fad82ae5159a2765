-- WindowDesk client schema, version 4: the sync half of supervision (issue 13, platform-api.md 1.1).
-- The outbox takes the 1.1 writes (a supervisor's follow-up of an overdue case, the callback and the appeal
-- of a 差评) and a state of their own, `unsupported`: against a 1.0 platform these writes are kept locally,
-- neither pending nor a sync failure, and go back to `pending` after a login to a 1.1 platform. SQLite cannot
-- change a CHECK in place, so the table is rebuilt with the same columns, rows and indexes.
CREATE TABLE outbox_v4 (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id           TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('case','case_event','evaluation','rectification','training_result',
                                                  'case_followup','evaluation_callback','evaluation_appeal')),
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
INSERT INTO outbox_v4 (seq, op_id, kind, local_id, parent_local_id, method, path, payload, payload_sha256, state,
                       attempts, created_at, next_attempt_at, last_attempt_at, last_status, last_error,
                       response_json, done_at, superseded_by)
    SELECT seq, op_id, kind, local_id, parent_local_id, method, path, payload, payload_sha256, state, attempts,
           created_at, next_attempt_at, last_attempt_at, last_status, last_error, response_json, done_at,
           superseded_by FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v4 RENAME TO outbox;
CREATE INDEX outbox_state_next ON outbox(state, next_attempt_at);
CREATE INDEX outbox_local_id ON outbox(local_id);
CREATE INDEX outbox_parent ON outbox(parent_local_id) WHERE parent_local_id IS NOT NULL;

-- Cases of the whole hall (GET /cases/changes?scope=hall): taken in at other windows, they carry no full id
-- number (only its masked form), their clerk's name and department, and the extensions of the legal limit.
ALTER TABLE cases ADD COLUMN origin TEXT NOT NULL DEFAULT 'desk' CHECK (origin IN ('desk','hall_feed'));
ALTER TABLE cases ADD COLUMN applicant_id_masked TEXT;
ALTER TABLE cases ADD COLUMN clerk_name TEXT;
ALTER TABLE cases ADD COLUMN department_code TEXT;
ALTER TABLE cases ADD COLUMN extension_days INTEGER NOT NULL DEFAULT 0;

-- A follow-up (每件必查): the finding, the action taken, its local_id (POST /cases/{no}/followups,
-- deduplicated on it) and the platform's id once acknowledged; follow-ups of other supervisors arrive with
-- the hall-wide feed (source platform).
ALTER TABLE card_followups ADD COLUMN local_id TEXT;
ALTER TABLE card_followups ADD COLUMN finding TEXT CHECK (finding IS NULL OR finding IN
    ('clerk_error','back_office_delay','applicant_delay','system_fault','other'));
ALTER TABLE card_followups ADD COLUMN action TEXT NOT NULL DEFAULT '';
ALTER TABLE card_followups ADD COLUMN followup_id TEXT;
ALTER TABLE card_followups ADD COLUMN source TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local','platform'));
CREATE UNIQUE INDEX card_followups_local_id ON card_followups(local_id) WHERE local_id IS NOT NULL;

-- The callback of a 差评 (回访): reached? satisfied after? (NULL: not asked). Kept as a rectification_actions row
-- of action 'callback' whose action_id is the callback's local_id; an appeal is action 'appeal'.
ALTER TABLE rectification_actions ADD COLUMN reached INTEGER;
ALTER TABLE rectification_actions ADD COLUMN satisfied_after INTEGER;
ALTER TABLE evaluations ADD COLUMN real_name INTEGER NOT NULL DEFAULT 0;
