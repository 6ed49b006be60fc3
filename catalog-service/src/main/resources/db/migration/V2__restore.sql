-- Restore jobs. For NEW_DATABASE the job's instance is the one it registers when it succeeds, so job.instance_id
-- may name an instance that does not exist yet.
alter table job drop constraint job_instance_id_fkey;
alter table job add column mode varchar(16);
alter table job add column options text;
alter table job add column side_database varchar(63);
alter table job add column previous_database varchar(63);
alter table job add column previous_drop_after timestamptz;
alter table job add column cleanup_job_id uuid;
alter table job add column new_instance text;
create index job_previous_due on job (previous_drop_after) where previous_drop_after is not null and cleanup_job_id is null;
