-- WindowDesk client schema, version 3: other names of a catalog item (issue 11, item 12).
-- `aliases` of the item record (platform-api.md addition): names clerks and citizens use for the item,
-- e.g. 社保卡 for 社会保障卡申领. Kept as a JSON array of strings with the item's version; searched like
-- the name: the search indexer adds each normalized alias to the document's keys in catalog_initials
-- (exact → tier 1, prefix → tier 2), its grams to catalog_grams and its text to catalog_fts.initials
-- (substring → tier 3), so no new query path is needed. Items cached before this version have none.
ALTER TABLE service_items ADD COLUMN aliases_json TEXT NOT NULL DEFAULT '[]';
