-- queued_until: a QUEUED job no worker claimed by then is dispatched again (snapkeep.jobs.queue-timeout).
-- cancel_requested_by: who asked to cancel a RUNNING job, until its worker reports CANCELLED or its lease expires.
-- swap_started_at: when a restore's worker said it began its swap; from then on it can no longer be cancelled.
alter table job add column queued_until timestamptz;
alter table job add column cancel_requested_by text;
alter table job add column swap_started_at timestamptz;
-- Jobs queued before this version get the default timeout from now.
update job set queued_until = now() + interval '10 minutes' where status = 'QUEUED';
