-- WindowDesk client schema, version 1.
-- Applied in one transaction by the migrator; the migrator sets PRAGMA user_version.
-- Conventions: times are RFC 3339 UTC text ("2026-03-06T01:02:03Z"), dates "YYYY-MM-DD" (China Standard Time),
-- JSON columns end in _json, booleans are 0/1 integers.

-- ── Users, roles, settings ───────────────────────────────────────────────
CREATE TABLE users (
    id               TEXT PRIMARY KEY,                 -- "u-1001" (platform id) or local id
    username         TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    roles            TEXT NOT NULL,                    -- comma separated: clerk,supervisor,trainer
    password_verifier TEXT,                            -- pbkdf2-sha256$iter$salt$hash (never the password)
    hall_id          TEXT,
    hall_name        TEXT,
    window_no        TEXT,
    source           TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local','demo','platform')),
    active           INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE login_attempts (
    id        INTEGER PRIMARY KEY,
    username  TEXT NOT NULL,
    at        TEXT NOT NULL,
    success   INTEGER NOT NULL,
    mode      TEXT NOT NULL DEFAULT 'local'            -- local | platform | offline
);
CREATE INDEX login_attempts_user_at ON login_attempts(username, at);

CREATE TABLE account_locks (
    username     TEXT PRIMARY KEY,
    locked_until TEXT NOT NULL
);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,                       -- e.g. platform.url, window.no, scanner.max_gap_ms
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- ── Service catalog (versioned) ──────────────────────────────────────────
-- Every version a case was accepted under is kept; only one row per code is current.
CREATE TABLE service_items (
    code                   TEXT NOT NULL,
    version                INTEGER NOT NULL,
    name                   TEXT NOT NULL,
    type                   TEXT NOT NULL,
    department             TEXT NOT NULL,
    basis                  TEXT NOT NULL,
    conditions             TEXT NOT NULL DEFAULT '',
    service_object         TEXT NOT NULL CHECK (service_object IN ('natural_person','legal_person','both')),
    process_json           TEXT NOT NULL DEFAULT '[]',
    legal_time_limit_days  INTEGER NOT NULL CHECK (legal_time_limit_days >= 0),
    promised_time_limit_days INTEGER NOT NULL CHECK (promised_time_limit_days >= 0),
    result                 TEXT NOT NULL DEFAULT '',
    fee                    TEXT NOT NULL DEFAULT '',
    online                 INTEGER NOT NULL DEFAULT 0,
    cross_province         INTEGER NOT NULL DEFAULT 0,
    commitment_allowed     INTEGER NOT NULL DEFAULT 0,
    updated_at             TEXT,
    source                 TEXT NOT NULL DEFAULT 'platform' CHECK (source IN ('demo','platform','file')),
    is_current             INTEGER NOT NULL DEFAULT 1,     -- the version offered for new cases
    deleted                INTEGER NOT NULL DEFAULT 0,     -- removed from search and new cases, kept for old cases
    PRIMARY KEY (code, version)
);
CREATE UNIQUE INDEX service_items_one_current ON service_items(code) WHERE is_current = 1;
CREATE INDEX service_items_department ON service_items(department) WHERE is_current = 1 AND deleted = 0;

CREATE TABLE item_materials (
    item_code          TEXT NOT NULL,
    item_version       INTEGER NOT NULL,
    material_id        TEXT NOT NULL,
    ord                INTEGER NOT NULL,
    name               TEXT NOT NULL,
    required           INTEGER NOT NULL DEFAULT 1,
    copies             INTEGER NOT NULL DEFAULT 1,
    license_type       TEXT,                                -- e-license type that can stand in
    commitment_allowed INTEGER NOT NULL DEFAULT 0,
    notes              TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (item_code, item_version, material_id),
    FOREIGN KEY (item_code, item_version) REFERENCES service_items(code, version) ON DELETE CASCADE
);
CREATE INDEX item_materials_license_type ON item_materials(license_type) WHERE license_type IS NOT NULL;

CREATE TABLE item_form_fields (
    item_code    TEXT NOT NULL,
    item_version INTEGER NOT NULL,
    field_key    TEXT NOT NULL,
    ord          INTEGER NOT NULL,
    label        TEXT NOT NULL,
    type         TEXT NOT NULL CHECK (type IN ('text','multiline','number','date','select','id_number','uscc','phone','bool')),
    required     INTEGER NOT NULL DEFAULT 0,
    max_length   INTEGER,
    min_value    REAL,
    max_value    REAL,
    options_json TEXT,                                      -- for select
    PRIMARY KEY (item_code, item_version, field_key),
    FOREIGN KEY (item_code, item_version) REFERENCES service_items(code, version) ON DELETE CASCADE
);

CREATE TABLE bundles (
    code                     TEXT NOT NULL,
    version                  INTEGER NOT NULL,
    name                     TEXT NOT NULL,
    theme                    TEXT NOT NULL,
    promised_time_limit_days INTEGER NOT NULL CHECK (promised_time_limit_days >= 0),
    updated_at               TEXT,
    source                   TEXT NOT NULL DEFAULT 'platform' CHECK (source IN ('demo','platform','file')),
    is_current               INTEGER NOT NULL DEFAULT 1,
    deleted                  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (code, version)
);
CREATE UNIQUE INDEX bundles_one_current ON bundles(code) WHERE is_current = 1;

CREATE TABLE bundle_items (
    bundle_code    TEXT NOT NULL,
    bundle_version INTEGER NOT NULL,
    ord            INTEGER NOT NULL,
    item_code      TEXT NOT NULL,                           -- resolved to the current item version at intake
    PRIMARY KEY (bundle_code, bundle_version, item_code),
    FOREIGN KEY (bundle_code, bundle_version) REFERENCES bundles(code, version) ON DELETE CASCADE
);

-- How often this window used an item: ranks search results within a tier.
CREATE TABLE item_usage (
    window_no  TEXT NOT NULL,
    item_code  TEXT NOT NULL,
    use_count  INTEGER NOT NULL DEFAULT 0,
    last_used  TEXT,
    PRIMARY KEY (window_no, item_code)
);

-- Records rejected by an import or pull, for hall IT (and `sync` errors).
CREATE TABLE import_rejections (
    id        INTEGER PRIMARY KEY,
    stream    TEXT NOT NULL,                                -- catalog_items, catalog_bundles, file:<name>, ...
    record_key TEXT,                                        -- code or index
    field     TEXT NOT NULL,
    message   TEXT NOT NULL,
    at        TEXT NOT NULL
);
CREATE INDEX import_rejections_at ON import_rejections(at);

-- ── Working-day calendars (platform GET /calendar/{year} format) ─────────
CREATE TABLE calendars (
    year        INTEGER PRIMARY KEY,
    provisional INTEGER NOT NULL DEFAULT 0,
    source      TEXT NOT NULL DEFAULT 'official' CHECK (source IN ('official','platform','file')),
    updated_at  TEXT NOT NULL
);
CREATE TABLE calendar_days (
    date TEXT PRIMARY KEY,                                  -- YYYY-MM-DD
    year INTEGER NOT NULL REFERENCES calendars(year) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('holiday','workday'))
);
CREATE INDEX calendar_days_year ON calendar_days(year);

-- ── Queue ────────────────────────────────────────────────────────────────
CREATE TABLE queue_tickets (
    id          INTEGER PRIMARY KEY,
    ticket_no   TEXT NOT NULL,
    issued_day  TEXT NOT NULL,                              -- ticket numbers restart every day
    category    TEXT NOT NULL,
    issued_at   TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('waiting','called','serving','done','no_show','transferred','held')),
    window_no   TEXT,
    clerk_id    TEXT,
    called_at   TEXT,
    started_at  TEXT,
    finished_at TEXT,
    source      TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local','platform')),
    UNIQUE (issued_day, ticket_no)
);
CREATE INDEX queue_tickets_status ON queue_tickets(status, category, issued_at);
CREATE INDEX queue_tickets_window ON queue_tickets(window_no, called_at);

-- ── Cases ────────────────────────────────────────────────────────────────
CREATE TABLE cases (
    local_id            TEXT PRIMARY KEY,                   -- uuid made at the window
    case_no             TEXT UNIQUE,                        -- assigned by the platform
    bundle_code         TEXT,
    bundle_version      INTEGER,
    applicant_kind      TEXT NOT NULL CHECK (applicant_kind IN ('person','entity')),
    applicant_name      TEXT NOT NULL,                      -- person, or legal representative
    applicant_id_type   TEXT NOT NULL DEFAULT 'resident_id',
    applicant_id_number TEXT,
    applicant_phone     TEXT,
    entity_name         TEXT,
    uscc                TEXT,
    form_values_json    TEXT NOT NULL DEFAULT '{}',
    decision            TEXT NOT NULL CHECK (decision IN ('accepted','correction_required','rejected')),
    decision_reason     TEXT,
    decision_basis      TEXT,
    status              TEXT NOT NULL CHECK (status IN ('accepted','in_progress','suspended','completed','delivered',
                                                         'rejected','withdrawn','correction_required')),
    clerk_id            TEXT NOT NULL,
    window_no           TEXT NOT NULL,
    ticket_no           TEXT,
    ticket_id           INTEGER REFERENCES queue_tickets(id),
    created_at          TEXT NOT NULL,                      -- moment of the decision (UTC)
    accepted_date       TEXT NOT NULL,                      -- its date in China Standard Time
    promised_days       INTEGER,
    legal_days          INTEGER,
    promised_due        TEXT,
    legal_due           TEXT,
    due_source          TEXT NOT NULL DEFAULT 'local' CHECK (due_source IN ('local','platform')),
    due_provisional     INTEGER NOT NULL DEFAULT 0,
    remote_version      INTEGER NOT NULL DEFAULT 0,
    updated_at          TEXT NOT NULL,
    sync_message_json   TEXT                                -- 422 field messages from the platform
);
CREATE INDEX cases_clerk_created ON cases(clerk_id, created_at);
CREATE INDEX cases_status_due ON cases(status, promised_due);
CREATE INDEX cases_window_status ON cases(window_no, status);
CREATE INDEX cases_accepted_date ON cases(accepted_date);
CREATE INDEX cases_applicant_id ON cases(applicant_id_number);
CREATE INDEX cases_uscc ON cases(uscc);

-- The item versions a case was accepted under (a deletion in the catalog never removes these).
CREATE TABLE case_items (
    case_local_id TEXT NOT NULL REFERENCES cases(local_id) ON DELETE CASCADE,
    ord           INTEGER NOT NULL,
    item_code     TEXT NOT NULL,
    item_version  INTEGER NOT NULL,
    PRIMARY KEY (case_local_id, item_code),
    FOREIGN KEY (item_code, item_version) REFERENCES service_items(code, version)
);

CREATE TABLE case_materials (
    case_local_id TEXT NOT NULL REFERENCES cases(local_id) ON DELETE CASCADE,
    item_code     TEXT NOT NULL,
    material_id   TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('paper','electronic','commitment','missing')),
    license_id    TEXT,
    reason        TEXT,
    PRIMARY KEY (case_local_id, item_code, material_id)
);

CREATE TABLE case_suspensions (
    id            INTEGER PRIMARY KEY,
    case_local_id TEXT NOT NULL REFERENCES cases(local_id) ON DELETE CASCADE,
    from_date     TEXT NOT NULL,
    to_date       TEXT                                      -- exclusive; NULL while it lasts
);
CREATE INDEX case_suspensions_case ON case_suspensions(case_local_id);

CREATE TABLE case_events (
    id            INTEGER PRIMARY KEY,
    event_id      TEXT NOT NULL UNIQUE,                     -- uuid made at the window
    case_local_id TEXT NOT NULL REFERENCES cases(local_id) ON DELETE CASCADE,
    type          TEXT NOT NULL CHECK (type IN ('created','delivered','withdrawn','suspended','resumed',
                                                'status_changed','red_card_followup')),
    reason        TEXT,
    at            TEXT NOT NULL,
    by_user       TEXT,
    source        TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local','platform'))
);
CREATE INDEX case_events_case ON case_events(case_local_id, at);

-- ── Evaluations (好差评) and rectification ───────────────────────────────
CREATE TABLE evaluations (
    local_id          TEXT PRIMARY KEY,
    evaluation_id     TEXT UNIQUE,                          -- assigned by the platform
    case_local_id     TEXT REFERENCES cases(local_id),
    case_no           TEXT,
    ticket_no         TEXT,
    window_no         TEXT NOT NULL,
    clerk_id          TEXT NOT NULL,
    level             INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    reasons_json      TEXT NOT NULL DEFAULT '[]',
    comment           TEXT NOT NULL DEFAULT '',
    channel           TEXT NOT NULL DEFAULT 'window_device',
    at                TEXT NOT NULL,
    rectification_due TEXT,
    state             TEXT CHECK (state IN ('open','verified','rectified','explained','appealed','closed')),
    callback_done     INTEGER NOT NULL DEFAULT 0,
    remote_version    INTEGER NOT NULL DEFAULT 0,
    updated_at        TEXT NOT NULL
);
CREATE INDEX evaluations_level_at ON evaluations(level, at);
CREATE INDEX evaluations_clerk_at ON evaluations(clerk_id, at);
CREATE INDEX evaluations_state_due ON evaluations(state, rectification_due);

CREATE TABLE rectification_actions (
    id                  INTEGER PRIMARY KEY,
    action_id           TEXT NOT NULL UNIQUE,
    evaluation_local_id TEXT NOT NULL REFERENCES evaluations(local_id) ON DELETE CASCADE,
    action              TEXT NOT NULL,                      -- verified | rectified | explained | callback | appeal
    note                TEXT NOT NULL DEFAULT '',
    at                  TEXT NOT NULL,
    by_user             TEXT NOT NULL,
    source              TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local','platform'))
);
CREATE INDEX rectification_actions_eval ON rectification_actions(evaluation_local_id, at);

-- ── Electronic licenses ──────────────────────────────────────────────────
CREATE TABLE license_keys (
    kid            TEXT PRIMARY KEY,
    alg            TEXT NOT NULL,
    public_key_pem TEXT NOT NULL,
    not_before     TEXT NOT NULL,
    not_after      TEXT NOT NULL,
    source         TEXT NOT NULL DEFAULT 'platform' CHECK (source IN ('demo','platform','file')),
    updated_at     TEXT NOT NULL
);

-- Licenses shown at this window (masked holder id only).
CREATE TABLE licenses_seen (
    id                INTEGER PRIMARY KEY,
    license_id        TEXT,                                 -- platform license id once resolved
    lid               TEXT NOT NULL,                        -- 证照标识 from the claims
    type_code         TEXT NOT NULL,
    type_name         TEXT NOT NULL,
    number_masked     TEXT NOT NULL,
    holder_name       TEXT NOT NULL,
    holder_id_masked  TEXT NOT NULL,
    issuer            TEXT NOT NULL,
    issued_on         TEXT NOT NULL,
    valid_until       TEXT NOT NULL,
    verified_at       TEXT NOT NULL,
    verification      TEXT NOT NULL CHECK (verification IN ('offline','online')),
    status            TEXT NOT NULL DEFAULT 'unconfirmed' CHECK (status IN ('unconfirmed','valid','expired','revoked')),
    case_local_id     TEXT REFERENCES cases(local_id),
    payload_exp       INTEGER NOT NULL,
    file_sha256       TEXT
);
CREATE INDEX licenses_seen_case ON licenses_seen(case_local_id);
CREATE INDEX licenses_seen_unconfirmed ON licenses_seen(verification) WHERE verification = 'offline';

-- EL1 replay records: (kid, nonce) seen, kept until exp + 86400.
CREATE TABLE el1_replay (
    kid     TEXT NOT NULL,
    nonce   TEXT NOT NULL,
    exp     INTEGER NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (kid, nonce)
);
CREATE INDEX el1_replay_exp ON el1_replay(exp);

-- ── Sync ─────────────────────────────────────────────────────────────────
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,      -- order of creation
    op_id           TEXT NOT NULL UNIQUE,                   -- the Idempotency-Key, made once
    kind            TEXT NOT NULL CHECK (kind IN ('case','case_event','evaluation','rectification','training_result')),
    local_id        TEXT NOT NULL,                          -- the record this write carries
    parent_local_id TEXT,                                   -- a child waits until its parent is done
    method          TEXT NOT NULL DEFAULT 'POST',
    path            TEXT NOT NULL,                          -- may hold {case_no}/{evaluation_id} resolved at send time
    payload         TEXT NOT NULL,                          -- the exact body, same on every attempt
    payload_sha256  TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending','in_flight','done','retry_wait','needs_attention')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT,
    last_attempt_at TEXT,
    last_status     INTEGER,
    last_error      TEXT,
    response_json   TEXT,
    done_at         TEXT,
    superseded_by   TEXT                                    -- op_id of the corrected write after a 422
);
CREATE INDEX outbox_state_next ON outbox(state, next_attempt_at);
CREATE INDEX outbox_local_id ON outbox(local_id);
CREATE INDEX outbox_parent ON outbox(parent_local_id) WHERE parent_local_id IS NOT NULL;

CREATE TABLE sync_cursors (
    stream       TEXT PRIMARY KEY,                         -- catalog_items, catalog_bundles, case_changes, ...
    cursor       TEXT,
    full_pull    INTEGER NOT NULL DEFAULT 0,               -- 1 while a from-the-beginning pull is under way
    completed_at TEXT,
    updated_at   TEXT NOT NULL
);

CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,                                -- last_success, last_error, online, ...
    value TEXT NOT NULL,
    at    TEXT NOT NULL
);

-- ── Drafts: what the clerk typed, saved as they type ─────────────────────
CREATE TABLE drafts (
    id          TEXT PRIMARY KEY,
    clerk_id    TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'intake',
    state_json  TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','submitted','discarded')),
    case_local_id TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX drafts_clerk_open ON drafts(clerk_id, status);

-- ── Audit log: hash chain h_i = SM3(h_{i-1} || canonical(entry_i)) ───────
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,                        -- 1, 2, 3 … no gaps
    at         TEXT NOT NULL,
    user_id    TEXT,
    action     TEXT NOT NULL,                              -- login, login_failed, logout, case_created, ...
    target     TEXT,
    details_json TEXT NOT NULL DEFAULT '{}',               -- never unmasked personal data
    hash       TEXT NOT NULL                               -- hex h_i
);
CREATE INDEX audit_log_action_at ON audit_log(action, at);

-- The anchored head: HMAC-SM3 of the latest hash under a key from the system keychain.
CREATE TABLE audit_anchor (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    head_seq  INTEGER NOT NULL,
    head_hmac TEXT NOT NULL,
    key_ref   TEXT NOT NULL,                                -- keychain entry name
    at        TEXT NOT NULL
);

-- Red-card follow-up notes (每件必查): supervisors' notes on overdue cases.
CREATE TABLE card_followups (
    id            INTEGER PRIMARY KEY,
    case_local_id TEXT NOT NULL REFERENCES cases(local_id) ON DELETE CASCADE,
    colour        TEXT NOT NULL CHECK (colour IN ('warning','yellow','red')),
    note          TEXT NOT NULL,
    by_user       TEXT NOT NULL,
    at            TEXT NOT NULL
);
CREATE INDEX card_followups_case ON card_followups(case_local_id);

-- ── Training ─────────────────────────────────────────────────────────────
CREATE TABLE training_banks (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE training_questions (
    id            TEXT PRIMARY KEY,
    bank_id       TEXT NOT NULL REFERENCES training_banks(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('single','multiple','true_false')),
    stem          TEXT NOT NULL,
    options_json  TEXT NOT NULL DEFAULT '[]',
    answer_json   TEXT NOT NULL,
    explanation   TEXT NOT NULL DEFAULT '',
    source_item_code TEXT,                                  -- generated from this catalog item
    points        REAL NOT NULL DEFAULT 1
);
CREATE INDEX training_questions_bank ON training_questions(bank_id);
CREATE TABLE training_drills (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('paper','scenario','competition')),
    title         TEXT NOT NULL,
    bank_id       TEXT REFERENCES training_banks(id),
    definition_json TEXT NOT NULL DEFAULT '{}',            -- paper draw rules or scenario rubric
    time_limit_s  INTEGER,
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    starts_at     TEXT,
    ends_at       TEXT
);
CREATE TABLE training_papers (
    id            TEXT PRIMARY KEY,
    drill_id      TEXT NOT NULL REFERENCES training_drills(id) ON DELETE CASCADE,
    trainee_id    TEXT NOT NULL,
    question_ids_json TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE TABLE training_results (
    local_id      TEXT PRIMARY KEY,
    drill_id      TEXT NOT NULL REFERENCES training_drills(id),
    paper_id      TEXT REFERENCES training_papers(id),
    trainee_id    TEXT NOT NULL,
    score         REAL NOT NULL,
    max_score     REAL NOT NULL,
    duration_s    INTEGER NOT NULL,
    answers_json  TEXT NOT NULL DEFAULT '[]',
    finished_at   TEXT NOT NULL
);
CREATE INDEX training_results_drill ON training_results(drill_id, score DESC, duration_s);
