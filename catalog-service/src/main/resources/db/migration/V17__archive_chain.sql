-- How a snapshot's stored object was made from its archive (issue 12): codec, encryption, object format version,
-- the archive key that wraps its data key and the wrapped key (re-wrapped on rotation), the segment size, and the
-- object's own size and SHA-256 beside the archive's (size_bytes, sha256). NULL codec: the object is the archive.
ALTER TABLE snapshot
    ADD COLUMN codec          text,
    ADD COLUMN encryption     text,
    ADD COLUMN format_version integer,
    ADD COLUMN key_id         text,
    ADD COLUMN wrapped_key    text,
    ADD COLUMN segment_size   integer,
    ADD COLUMN stored_bytes   bigint,
    ADD COLUMN stored_sha256  text;

CREATE INDEX snapshot_key_id ON snapshot (key_id) WHERE key_id IS NOT NULL;

-- Re-wraps of archive data keys to the active archive key (POST /api/v1/admin/rewrap): one row per run, with its
-- progress. The data itself is never re-encrypted.
CREATE TABLE key_rewrap (
    id           uuid PRIMARY KEY,
    requested_by text        NOT NULL,
    target_key   text        NOT NULL,
    status       text        NOT NULL,
    total        integer     NOT NULL,
    rewrapped    integer     NOT NULL DEFAULT 0,
    failed       integer     NOT NULL DEFAULT 0,
    error        text,
    created_at   timestamptz NOT NULL,
    finished_at  timestamptz
);
