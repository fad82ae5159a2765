-- WindowDesk client schema, version 2: the service catalog's search index (issue 4).
-- Maintained by CatalogImporter in the same transaction that changes service_items, so search never
-- sees a half-applied page. Only current, non-deleted items have a search document.
--
-- Query paths (every one an index lookup or range, never a scan of the items):
--   exact / prefix of the name   catalog_search.name_norm range
--   exact / prefix of initials   catalog_initials primary key range
--   prefix of the code           catalog_search.code_norm range
--   substring, 1-2 characters    catalog_grams primary key (FTS5 trigram cannot match them)
--   substring, 3+ characters     catalog_fts (FTS5 trigram) over the name and every initials string
--   department                   catalog_departments (one row per department) then catalog_search.department

CREATE TABLE catalog_search (
    id         INTEGER PRIMARY KEY,                    -- also the rowid in catalog_fts
    code       TEXT NOT NULL UNIQUE,
    code_norm  TEXT NOT NULL,                          -- case-folded code
    name       TEXT NOT NULL,
    name_norm  TEXT NOT NULL,                          -- NFKC, case-folded, white space removed
    name_len   INTEGER NOT NULL,                       -- characters of name_norm, for ranking
    department TEXT NOT NULL
);
CREATE INDEX catalog_search_code_norm ON catalog_search(code_norm);
CREATE INDEX catalog_search_name_norm ON catalog_search(name_norm);
CREATE INDEX catalog_search_department ON catalog_search(department);

-- Pinyin initials: one row per combination of the readings of polyphonic characters
-- (银行 gives yx and yh), capped per item (see core/pinyin.h).
CREATE TABLE catalog_initials (
    initials TEXT NOT NULL,
    doc_id   INTEGER NOT NULL REFERENCES catalog_search(id) ON DELETE CASCADE,
    PRIMARY KEY (initials, doc_id)
) WITHOUT ROWID;
CREATE INDEX catalog_initials_doc ON catalog_initials(doc_id);

-- Every distinct character unigram and bigram of the normalized name and of each initials string.
-- The largest table (about 50 rows per item): no foreign key and no doc_id index, which would double
-- the import cost. The indexer deletes a document's grams by primary key, recomputing them from the
-- name it stored in catalog_search.
CREATE TABLE catalog_grams (
    gram   TEXT NOT NULL,
    doc_id INTEGER NOT NULL,
    PRIMARY KEY (gram, doc_id)
) WITHOUT ROWID;

-- Substrings of three characters or more. `initials` holds every initials string separated by spaces
-- (queries never contain spaces, so no match can straddle two strings).
-- columnsize=0: no per-row token counts (only bm25() and length functions read them, and search ranks
-- by its own tiers), one B-tree insert less per item at import.
CREATE VIRTUAL TABLE catalog_fts USING fts5(name_norm, initials, tokenize = 'trigram', columnsize = 0);

-- Departments with searchable items: a department match reads these few rows, not the items.
CREATE TABLE catalog_departments (
    name      TEXT PRIMARY KEY,
    name_norm TEXT NOT NULL,
    items     INTEGER NOT NULL
);

-- This window's most used items, read by every search (item_usage is in 0001): an index range of
-- kUsedCap rows instead of sorting all of the window's usage rows per keystroke.
CREATE INDEX item_usage_rank ON item_usage(window_no, use_count DESC);

-- Codes seen during a from-the-beginning pull (after 410 cursor_expired): when it completes,
-- the stream's cached rows not seen are marked deleted.
CREATE TABLE catalog_pull_seen (
    stream TEXT NOT NULL,
    code   TEXT NOT NULL,
    PRIMARY KEY (stream, code)
) WITHOUT ROWID;
