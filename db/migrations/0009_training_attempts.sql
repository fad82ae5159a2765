-- WindowDesk client schema: trainees' attempts (issue 15) — a drawn paper being taken, or a scenario drill
-- taken in on the intake page over a sandbox — and the judges' marks of a scenario drill.
--
-- An attempt keeps what it was started under (scoring policy, time limit, maximum score), so a later edit of
-- the drill or blueprint never changes a running or finished attempt. The time left is computed from
-- started_at and time_limit_s (a crash or power cut does not stop the clock); an open attempt past its end is
-- submitted as it stands (finish_reason 'time_up'), also when the program was closed at the time.
CREATE TABLE training_attempts (
    id             TEXT PRIMARY KEY,                   -- a-<uuid>; also the local_id of its training result
    kind           TEXT NOT NULL CHECK (kind IN ('paper','scenario')),
    drill_id       TEXT NOT NULL REFERENCES training_drills(id),
    paper_id       TEXT REFERENCES training_papers(id), -- paper attempts
    trainee_id     TEXT NOT NULL,
    policy         TEXT NOT NULL DEFAULT 'all_or_nothing'
                   CHECK (policy IN ('all_or_nothing','proportional','half_for_missed')),
    time_limit_s   INTEGER NOT NULL CHECK (time_limit_s >= 0),  -- 0: no limit
    max_score      REAL NOT NULL,
    pass_score     REAL NOT NULL DEFAULT 0,
    started_at     TEXT NOT NULL,                      -- UTC ISO 8601
    state          TEXT NOT NULL CHECK (state IN ('open','submitted')),
    finished_at    TEXT,
    finish_reason  TEXT CHECK (finish_reason IN ('trainee','time_up')),
    score          REAL,                               -- paper: the policy's total; scenario: automatic part
    duration_s     INTEGER,
    rubric_json    TEXT,                               -- scenario: the automatic criteria as scored
    sandbox_path   TEXT,                               -- scenario: the sandbox database file of this attempt
    attempt_hash   TEXT,                               -- SHA-256 over answers and score (scoring.h attemptHash)
    CHECK (kind <> 'paper' OR paper_id IS NOT NULL),
    CHECK (state = 'open' OR (finished_at IS NOT NULL AND score IS NOT NULL AND attempt_hash IS NOT NULL))
);
-- One attempt at a time per trainee (anti-cheating).
CREATE UNIQUE INDEX training_attempts_one_open ON training_attempts(trainee_id) WHERE state = 'open';
CREATE INDEX training_attempts_trainee ON training_attempts(trainee_id, started_at);
CREATE INDEX training_attempts_drill ON training_attempts(drill_id);
CREATE UNIQUE INDEX training_attempts_paper ON training_attempts(paper_id) WHERE paper_id IS NOT NULL;

-- The answers as given: one row per question answered, written (and committed) at each change.
CREATE TABLE training_attempt_answers (
    attempt_id   TEXT NOT NULL REFERENCES training_attempts(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,                     -- 0-based, paper order
    chosen_json  TEXT NOT NULL,                        -- [0, 2]: STORED option indexes (not the shown ones)
    answered_at  TEXT NOT NULL,
    PRIMARY KEY (attempt_id, position)
);

-- A scenario drill's judges' criteria (attitude, explanation, …): one row per judge and criterion; the
-- criterion's mark is the average over the judges who marked it. Written by the trainer's page.
CREATE TABLE drill_attempt_judgements (
    attempt_id   TEXT NOT NULL REFERENCES training_attempts(id) ON DELETE CASCADE,
    judge_id     TEXT NOT NULL,
    criterion    TEXT NOT NULL,                        -- e.g. attitude, explanation
    points       REAL NOT NULL CHECK (points >= 0),
    max_points   REAL NOT NULL CHECK (max_points > 0),
    note         TEXT NOT NULL DEFAULT '',
    judged_at    TEXT NOT NULL,
    PRIMARY KEY (attempt_id, judge_id, criterion),
    CHECK (points <= max_points)
);
