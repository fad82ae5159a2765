-- Test schema v2: a column with a quoted default containing ';', a log table and a trigger with CASE … END.
ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT 'none;x';
CREATE TABLE note_log (
    id      INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL,
    kind    TEXT NOT NULL
);
CREATE TRIGGER notes_ai AFTER INSERT ON notes
BEGIN
    INSERT INTO note_log (note_id, kind)
    VALUES (new.id, CASE WHEN new.tag = 'none;x' THEN 'plain' ELSE 'tagged' END);
END;
UPDATE notes SET tag = 'migrated' WHERE body LIKE 'keep%';
