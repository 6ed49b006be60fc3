-- expected_bytes: what a running job expects to move in all, as its worker reported it (a dump: the database's size;
-- a restore: the archive's); with progress_bytes and the time it has run it gives the job's ETA.
-- phase: the step a restore is at (downloading, restoring, checking, swapping), as its worker reported it.
alter table job add column expected_bytes bigint;
alter table job add column phase varchar(16);
-- retry_of: the FAILED CLEANUP job this one tries again; retry_round: how many retries came before it (0 for the first
-- try), so that the back-off grows and the retries end.
alter table job add column retry_of uuid references job (id);
alter table job add column retry_round int not null default 0;
