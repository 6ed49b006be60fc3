-- What an uploaded archive says of itself (pg_dump's own header). The server and pg_dump versions go in the existing
-- server_version and tool_version columns, as for snapshots taken by a dump-worker.
alter table snapshot add column source_database varchar(255);
-- Wall-clock time of the machine that ran pg_dump: the archive header carries no time zone.
alter table snapshot add column dumped_at timestamp;
-- The archive format version (e.g. 1.14-0), which bounds the pg_restore that can read it.
alter table snapshot add column archive_version varchar(16);
