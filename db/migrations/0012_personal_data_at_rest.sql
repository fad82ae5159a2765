-- WindowDesk client schema, version 12: personal data at rest (issue 18 #4).
-- cases.applicant_id_number, applicant_phone and form_values_json, the outbox payloads and the drafts' state
-- are kept sealed (AES-256-GCM, storage/personaldata.h) under a per-database key held in the system keychain;
-- a sealed value is text "wdpd1:<base64 nonce||ciphertext||tag>". SQL cannot encrypt: the rows written before
-- this version stay clear until the program holds the key, and then are sealed once, audited
-- (personal_data_sealed). Lookups by id number go through a blind index (HMAC-SHA256 under a key derived from
-- the same secret), never through the column itself.
ALTER TABLE cases ADD COLUMN applicant_id_index TEXT;
CREATE INDEX cases_applicant_id_index ON cases(applicant_id_index) WHERE applicant_id_index IS NOT NULL;

-- The database's key: its keychain entry is "personal-data-key/<key_id>"; check_value = HMAC-SHA256(key,
-- "WindowDesk personal data check v1") tells the right key from another one (a database moved to another
-- keychain). The key itself is never stored here.
CREATE TABLE personal_data_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    key_id      TEXT NOT NULL,
    check_value TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
