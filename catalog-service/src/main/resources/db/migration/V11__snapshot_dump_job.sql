-- The DUMP job that made a snapshot (none for an upload), shown as its jobId.
alter table snapshot add column dump_job_id uuid;
update snapshot s set dump_job_id = j.id from job j where j.snapshot_id = s.id and j.type = 'DUMP';

-- Snapshots whose objects are still to leave the store, looked for by the deletion retries.
create index snapshot_deleting on snapshot (created_at) where status = 'DELETING';
