-- WindowDesk client schema: the training question bank and drawn papers (issue 15, cli.md "Training blueprints").
--
-- 0001's training_questions had no version, category, tags, difficulty, status or usage count and hung off
-- training_banks; nothing ever wrote it (no code path inserts into it), so it is replaced here rather than
-- carried beside the new one. The hall has one bank: the catalog's generated questions plus the trainers'.
DROP TABLE training_questions;

-- One row per question version. A question keeps its id across versions: a trainer's edit, or a catalog
-- change under a generated question, retires the active version and adds the next one. Retired versions
-- stay for the papers that hold them (an appeal replays the stored paper).
CREATE TABLE training_questions (
    id                  TEXT NOT NULL,                  -- g-<hex> (generated, from gen_key) or t-<uuid> (trainer)
    version             INTEGER NOT NULL CHECK (version >= 1),
    kind                TEXT NOT NULL CHECK (kind IN ('single','multiple','true_false')),
    category            TEXT NOT NULL,                  -- materials, time_limits, departments, commitment,
                                                        -- bundles, instant; trainers name their own
    tags_json           TEXT NOT NULL DEFAULT '[]',
    difficulty          INTEGER NOT NULL DEFAULT 2 CHECK (difficulty BETWEEN 1 AND 5),
    stem                TEXT NOT NULL,
    options_json        TEXT NOT NULL,                  -- ["...", ...] in the stored (canonical) order
    correct_json        TEXT NOT NULL,                  -- [0, 2]: indexes into options_json, ascending
    explanation         TEXT NOT NULL DEFAULT '',
    source              TEXT NOT NULL CHECK (source IN ('generated','trainer')),
    gen_key             TEXT,                           -- generated: template/subject, stable across versions
    content_sha256      TEXT NOT NULL,                  -- of what the trainee sees and what is right
    source_item_code    TEXT,                           -- generated from this item ...
    source_item_version INTEGER,                        -- ... at this version
    status              TEXT NOT NULL CHECK (status IN ('active','retired')),
    uses                INTEGER NOT NULL DEFAULT 0,     -- papers drawn with this version (least-used first)
    created_by          TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    retired_at          TEXT,
    PRIMARY KEY (id, version)
);
CREATE UNIQUE INDEX training_questions_one_active ON training_questions(id) WHERE status = 'active';
CREATE INDEX training_questions_draw ON training_questions(status, category, kind);
CREATE INDEX training_questions_gen_key ON training_questions(gen_key) WHERE gen_key IS NOT NULL;

-- A drawn paper is stored whole: the seed, and per position the question id and version, its points and
-- the order its options are shown in. training_papers.question_ids_json keeps the ids in paper order.
ALTER TABLE training_papers ADD COLUMN seed INTEGER;
CREATE INDEX training_papers_trainee ON training_papers(trainee_id, created_at);
CREATE TABLE training_paper_questions (
    paper_id           TEXT NOT NULL REFERENCES training_papers(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,                -- 0-based, paper order
    section            INTEGER NOT NULL,                -- 0-based index into the blueprint's sections
    question_id        TEXT NOT NULL,
    question_version   INTEGER NOT NULL,
    points             REAL NOT NULL,
    options_order_json TEXT NOT NULL,                   -- [2, 0, 1, 3]: stored option indexes in shown order
    PRIMARY KEY (paper_id, position),
    UNIQUE (paper_id, question_id),
    FOREIGN KEY (question_id, question_version) REFERENCES training_questions(id, version)
);
CREATE INDEX training_paper_questions_question ON training_paper_questions(question_id, question_version);
