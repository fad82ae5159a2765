-- The supervision board (issue 13) reads only the unfinished cases of the hall: about 2 % of a big hall's
-- three years of cases. Partial indexes over exactly those statuses (the board's WHERE clause repeats this
-- IN list word for word, which is what lets SQLite use them), for the whole hall and for one window; they
-- carry local_id so that the board's joins to suspensions, events and items never read the cases table.
CREATE INDEX cases_open_created ON cases(created_at, local_id)
    WHERE status IN ('accepted','in_progress','suspended');
CREATE INDEX cases_open_window ON cases(window_no, created_at, local_id)
    WHERE status IN ('accepted','in_progress','suspended');
-- A case's first item (its department on the board) without reading case_items' rows.
CREATE INDEX case_items_order ON case_items(case_local_id, ord, item_code, item_version);
-- A case's suspensions without reading their rows (replaces the single-column index).
DROP INDEX case_suspensions_case;
CREATE INDEX case_suspensions_case ON case_suspensions(case_local_id, from_date, to_date);
-- The few suspension events among a case's events (most are 'created').
CREATE INDEX case_events_suspension ON case_events(case_local_id, at)
    WHERE type IN ('suspended','resumed');
