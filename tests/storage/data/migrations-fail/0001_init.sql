-- Test schema v1; the semicolon in this comment must not split anything;
CREATE TABLE notes (
    id   INTEGER PRIMARY KEY,
    body TEXT NOT NULL DEFAULT 'a;b' /* ; inside a block comment */
);
CREATE INDEX notes_body ON notes(body);
