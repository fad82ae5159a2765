-- WindowDesk client schema: the trainer's blueprints and competitions (issue 15).
--
-- A blueprint the trainer keeps (组卷方案): its name and the blueprint in cli.md's JSON format. A change keeps
-- the id (an audit row says what it was); competitions copy the blueprint they run, so a later change does not
-- alter a competition already set up.
CREATE TABLE training_blueprints (
    id              TEXT PRIMARY KEY,                       -- b-<uuid>
    name            TEXT NOT NULL UNIQUE,
    definition_json TEXT NOT NULL,                          -- the blueprint (cli.md "Training blueprints")
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- A competition is a training_drills row of kind 'competition' (definition_json: the blueprint plus "blueprint_id",
-- time_limit_s, starts_at); its results are training_results rows with that drill_id. Its trainees:
CREATE TABLE training_competition_trainees (
    drill_id    TEXT NOT NULL REFERENCES training_drills(id) ON DELETE CASCADE,
    trainee_id  TEXT NOT NULL,                              -- users.id of a clerk
    PRIMARY KEY (drill_id, trainee_id)
);
CREATE INDEX training_drills_kind ON training_drills(kind, starts_at);
