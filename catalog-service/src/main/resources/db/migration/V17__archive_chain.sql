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
