-- The hall's ticket events (platform-api.md 1.1, GET /queue/events; cli.md `report`, `export queue`): an
-- append-only log, filled from the local queue's own actions (the demo hall, a hall without platform queue)
-- and, on a supervisor's machine with a 1.1 platform, from the hall-wide feed. Reports and exports derive
-- every ticket figure from these rows, never from queue_tickets (which holds only the current state).
CREATE TABLE ticket_events (
    seq         INTEGER PRIMARY KEY,                       -- order of arrival here (ties of `at` keep it)
    event_id    TEXT NOT NULL UNIQUE,                      -- the platform's id, or a uuid made here
    ticket_no   TEXT NOT NULL,
    category    TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('issued','called','recalled','started','done','no_show','held',
                                              'resumed','transferred')),
    window_no   TEXT,
    clerk_id    TEXT,
    to_category TEXT,                                      -- transferred only
    at          TEXT NOT NULL,                             -- RFC 3339 UTC, whole seconds
    at_s        INTEGER NOT NULL,                          -- the same moment in Unix seconds (reports)
    source      TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local','platform'))
);
CREATE INDEX ticket_events_at ON ticket_events(at_s);

-- Append-only: a correction is a new event, never an edit.
CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
BEGIN
    SELECT RAISE(ABORT, 'ticket_events is append-only');
END;
CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
BEGIN
    SELECT RAISE(ABORT, 'ticket_events is append-only');
END;
