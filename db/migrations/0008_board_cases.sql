-- The supervision board's facts (issue 13, "Speed"): one narrow row per unfinished case — everything the card
-- rule (decision date, limits, extensions, status, suspensions) and the board's lists read from the case — kept right by triggers on cases, case_items,
-- case_suspensions and case_events, so that every writer (CaseService, the sync appliers, the seeders,
-- windowdeskctl, a hand-made UPDATE) keeps it without knowing of it. A row exists exactly while its case's
-- status is one of ('accepted','in_progress','suspended') and goes when the case finishes. Opening the whole
-- hall's board reads these ~2 % of a big hall's cases in one pass instead of probing cases, case_items,
-- case_suspensions and case_events once per open case (bench_board: a million cases).
--
-- What is NOT copied, and why: the department (read through service_items at the board's moment, from the
-- first item kept here, so a catalog change needs no trigger), the suspension ranges themselves (read only
-- for the cases flagged here: the ~10 % that have any) and the red follow-ups (few, read whole).
--
-- A rebuild of one of the four tables (CREATE new, copy, DROP, RENAME) drops its triggers: such a migration
-- must create them again (tests/cases/tst_boardfacts fails when one is missing).
CREATE TABLE board_cases (
    created_at      TEXT NOT NULL,
    local_id        TEXT NOT NULL UNIQUE, -- cases.local_id
    case_no         TEXT,
    window_no       TEXT NOT NULL,
    clerk_id        TEXT NOT NULL,
    accepted_date   TEXT NOT NULL,
    status          TEXT NOT NULL,
    promised_days   INTEGER,
    legal_days      INTEGER,
    promised_due    TEXT,
    legal_due       TEXT,
    applicant_name  TEXT NOT NULL,
    -- The applicant's id and phone as cases holds them: masked when read, exactly as from cases (the board
    -- shows masked data; a case taken in at this desk may be revealed with a reason, from cases).
    origin          TEXT NOT NULL,
    applicant_kind  TEXT NOT NULL,
    applicant_id_number TEXT,
    applicant_id_masked TEXT,
    uscc            TEXT,
    applicant_phone TEXT,
    extension_days  INTEGER NOT NULL,     -- added to the legal limit (the platform's extensions)
    item_code       TEXT,                 -- the case's first item (lowest ord); NULL: the case has none
    item_version    INTEGER,
    has_suspensions INTEGER NOT NULL,     -- 1: rows in case_suspensions or suspended/resumed events
    -- Stored in the board's order (oldest decision first): the whole hall's board is one range of the table.
    PRIMARY KEY (created_at, local_id)
) WITHOUT ROWID;
-- One window's cases, and the few with suspensions; both carry the key (created_at, local_id).
CREATE INDEX board_cases_window ON board_cases(window_no);
CREATE INDEX board_cases_suspended ON board_cases(has_suspensions) WHERE has_suspensions = 1;

-- The case's first item and whether it has suspensions: the same expressions in every trigger below.
INSERT INTO board_cases (local_id, case_no, window_no, clerk_id, created_at, accepted_date, status, promised_days,
                         legal_days, promised_due, legal_due, applicant_name, origin, applicant_kind,
                         applicant_id_number, applicant_id_masked, uscc, applicant_phone, extension_days, item_code,
                         item_version, has_suspensions)
    SELECT c.local_id, c.case_no, c.window_no, c.clerk_id, c.created_at, c.accepted_date, c.status,
           c.promised_days, c.legal_days, c.promised_due, c.legal_due, c.applicant_name, c.origin, c.applicant_kind,
           c.applicant_id_number, c.applicant_id_masked, c.uscc, c.applicant_phone, c.extension_days,
           (SELECT i.item_code FROM case_items i WHERE i.case_local_id = c.local_id ORDER BY i.ord, i.item_code
                LIMIT 1),
           (SELECT i.item_version FROM case_items i WHERE i.case_local_id = c.local_id ORDER BY i.ord, i.item_code
                LIMIT 1),
           EXISTS (SELECT 1 FROM case_suspensions s WHERE s.case_local_id = c.local_id) OR
               EXISTS (SELECT 1 FROM case_events e
                       WHERE e.case_local_id = c.local_id AND e.type IN ('suspended','resumed'))
    FROM cases c WHERE c.status IN ('accepted','in_progress','suspended');

-- ── cases: a row while unfinished ────────────────────────────────────────
-- Delete first, then insert when unfinished: also right after INSERT OR REPLACE (whose implicit delete fires
-- no trigger) and after a change of local_id. No "OR REPLACE" inside: an outer statement's conflict policy
-- (INSERT OR IGNORE INTO cases …) would override it.
CREATE TRIGGER board_cases_case_insert AFTER INSERT ON cases
BEGIN
    DELETE FROM board_cases WHERE local_id = NEW.local_id;
    INSERT INTO board_cases (local_id, case_no, window_no, clerk_id, created_at, accepted_date, status,
                             promised_days, legal_days, promised_due, legal_due, applicant_name, origin, applicant_kind,
                             applicant_id_number, applicant_id_masked, uscc, applicant_phone, extension_days, item_code,
                             item_version, has_suspensions)
        SELECT NEW.local_id, NEW.case_no, NEW.window_no, NEW.clerk_id, NEW.created_at, NEW.accepted_date,
               NEW.status, NEW.promised_days, NEW.legal_days, NEW.promised_due, NEW.legal_due,
               NEW.applicant_name, NEW.origin, NEW.applicant_kind, NEW.applicant_id_number,
               NEW.applicant_id_masked, NEW.uscc, NEW.applicant_phone, NEW.extension_days,
               (SELECT i.item_code FROM case_items i WHERE i.case_local_id = NEW.local_id
                    ORDER BY i.ord, i.item_code LIMIT 1),
               (SELECT i.item_version FROM case_items i WHERE i.case_local_id = NEW.local_id
                    ORDER BY i.ord, i.item_code LIMIT 1),
               EXISTS (SELECT 1 FROM case_suspensions s WHERE s.case_local_id = NEW.local_id) OR
                   EXISTS (SELECT 1 FROM case_events e
                           WHERE e.case_local_id = NEW.local_id AND e.type IN ('suspended','resumed'))
        WHERE NEW.status IN ('accepted','in_progress','suspended');
END;

-- A change that keeps the case unfinished under the same id (a pull of a new status, due dates, a case
-- number, a correction): the columns in place.
CREATE TRIGGER board_cases_case_update AFTER UPDATE ON cases
WHEN NEW.local_id IS OLD.local_id AND OLD.status IN ('accepted','in_progress','suspended')
     AND NEW.status IN ('accepted','in_progress','suspended')
BEGIN
    UPDATE board_cases SET case_no = NEW.case_no, window_no = NEW.window_no, clerk_id = NEW.clerk_id,
                           created_at = NEW.created_at, accepted_date = NEW.accepted_date, status = NEW.status,
                           promised_days = NEW.promised_days, legal_days = NEW.legal_days,
                           promised_due = NEW.promised_due, legal_due = NEW.legal_due,
                           applicant_name = NEW.applicant_name, origin = NEW.origin,
                           applicant_kind = NEW.applicant_kind, applicant_id_number = NEW.applicant_id_number,
                           applicant_id_masked = NEW.applicant_id_masked, uscc = NEW.uscc,
                           applicant_phone = NEW.applicant_phone, extension_days = NEW.extension_days
        WHERE local_id = NEW.local_id;
END;

-- A case that finishes, reopens or changes its id: out, then in again when unfinished.
CREATE TRIGGER board_cases_case_move AFTER UPDATE ON cases
WHEN NOT (NEW.local_id IS OLD.local_id AND OLD.status IN ('accepted','in_progress','suspended')
          AND NEW.status IN ('accepted','in_progress','suspended'))
BEGIN
    DELETE FROM board_cases WHERE local_id = OLD.local_id OR local_id = NEW.local_id;
    INSERT INTO board_cases (local_id, case_no, window_no, clerk_id, created_at, accepted_date, status,
                             promised_days, legal_days, promised_due, legal_due, applicant_name, origin, applicant_kind,
                             applicant_id_number, applicant_id_masked, uscc, applicant_phone, extension_days, item_code,
                             item_version, has_suspensions)
        SELECT NEW.local_id, NEW.case_no, NEW.window_no, NEW.clerk_id, NEW.created_at, NEW.accepted_date,
               NEW.status, NEW.promised_days, NEW.legal_days, NEW.promised_due, NEW.legal_due,
               NEW.applicant_name, NEW.origin, NEW.applicant_kind, NEW.applicant_id_number,
               NEW.applicant_id_masked, NEW.uscc, NEW.applicant_phone, NEW.extension_days,
               (SELECT i.item_code FROM case_items i WHERE i.case_local_id = NEW.local_id
                    ORDER BY i.ord, i.item_code LIMIT 1),
               (SELECT i.item_version FROM case_items i WHERE i.case_local_id = NEW.local_id
                    ORDER BY i.ord, i.item_code LIMIT 1),
               EXISTS (SELECT 1 FROM case_suspensions s WHERE s.case_local_id = NEW.local_id) OR
                   EXISTS (SELECT 1 FROM case_events e
                           WHERE e.case_local_id = NEW.local_id AND e.type IN ('suspended','resumed'))
        WHERE NEW.status IN ('accepted','in_progress','suspended');
END;

CREATE TRIGGER board_cases_case_delete AFTER DELETE ON cases
BEGIN
    DELETE FROM board_cases WHERE local_id = OLD.local_id;
END;

-- ── case_items: the first item ───────────────────────────────────────────
CREATE TRIGGER board_cases_item_insert AFTER INSERT ON case_items
BEGIN
    UPDATE board_cases SET (item_code, item_version) =
        (SELECT i.item_code, i.item_version FROM case_items i WHERE i.case_local_id = NEW.case_local_id
             ORDER BY i.ord, i.item_code LIMIT 1)
        WHERE local_id = NEW.case_local_id;
END;

CREATE TRIGGER board_cases_item_update AFTER UPDATE ON case_items
BEGIN
    UPDATE board_cases SET (item_code, item_version) =
        (SELECT i.item_code, i.item_version FROM case_items i WHERE i.case_local_id = board_cases.local_id
             ORDER BY i.ord, i.item_code LIMIT 1)
        WHERE local_id = OLD.case_local_id OR local_id = NEW.case_local_id;
END;

CREATE TRIGGER board_cases_item_delete AFTER DELETE ON case_items
BEGIN
    UPDATE board_cases SET (item_code, item_version) =
        (SELECT i.item_code, i.item_version FROM case_items i WHERE i.case_local_id = OLD.case_local_id
             ORDER BY i.ord, i.item_code LIMIT 1)
        WHERE local_id = OLD.case_local_id;
END;

-- ── case_suspensions and suspension events: the flag ─────────────────────
CREATE TRIGGER board_cases_suspension_insert AFTER INSERT ON case_suspensions
BEGIN
    UPDATE board_cases SET has_suspensions = 1 WHERE local_id = NEW.case_local_id;
END;

CREATE TRIGGER board_cases_suspension_update AFTER UPDATE OF case_local_id ON case_suspensions
BEGIN
    UPDATE board_cases SET has_suspensions =
        EXISTS (SELECT 1 FROM case_suspensions s WHERE s.case_local_id = board_cases.local_id) OR
            EXISTS (SELECT 1 FROM case_events e
                    WHERE e.case_local_id = board_cases.local_id AND e.type IN ('suspended','resumed'))
        WHERE local_id = OLD.case_local_id OR local_id = NEW.case_local_id;
END;

CREATE TRIGGER board_cases_suspension_delete AFTER DELETE ON case_suspensions
BEGIN
    UPDATE board_cases SET has_suspensions =
        EXISTS (SELECT 1 FROM case_suspensions s WHERE s.case_local_id = OLD.case_local_id) OR
            EXISTS (SELECT 1 FROM case_events e
                    WHERE e.case_local_id = OLD.case_local_id AND e.type IN ('suspended','resumed'))
        WHERE local_id = OLD.case_local_id;
END;

CREATE TRIGGER board_cases_event_insert AFTER INSERT ON case_events
WHEN NEW.type IN ('suspended','resumed')
BEGIN
    UPDATE board_cases SET has_suspensions = 1 WHERE local_id = NEW.case_local_id;
END;

CREATE TRIGGER board_cases_event_update AFTER UPDATE OF case_local_id, type ON case_events
WHEN OLD.type IN ('suspended','resumed') OR NEW.type IN ('suspended','resumed')
BEGIN
    UPDATE board_cases SET has_suspensions =
        EXISTS (SELECT 1 FROM case_suspensions s WHERE s.case_local_id = board_cases.local_id) OR
            EXISTS (SELECT 1 FROM case_events e
                    WHERE e.case_local_id = board_cases.local_id AND e.type IN ('suspended','resumed'))
        WHERE local_id = OLD.case_local_id OR local_id = NEW.case_local_id;
END;

CREATE TRIGGER board_cases_event_delete AFTER DELETE ON case_events
WHEN OLD.type IN ('suspended','resumed')
BEGIN
    UPDATE board_cases SET has_suspensions =
        EXISTS (SELECT 1 FROM case_suspensions s WHERE s.case_local_id = OLD.case_local_id) OR
            EXISTS (SELECT 1 FROM case_events e
                    WHERE e.case_local_id = OLD.case_local_id AND e.type IN ('suspended','resumed'))
        WHERE local_id = OLD.case_local_id;
END;
