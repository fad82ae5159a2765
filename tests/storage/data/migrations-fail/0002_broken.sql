-- A step that fails half-way: the first statements succeed, the last one cannot.
CREATE TABLE half_done (x INTEGER);
INSERT INTO notes (body) VALUES ('written by the broken step');
INSERT INTO no_such_table VALUES (1);
