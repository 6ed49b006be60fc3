-- Custom policies (instance.policy = 'custom'): a crontab schedule and grandfather-father-son keep counts. The counts
-- are null for the tiers, whose rules the code knows.
alter table instance add column custom_cron varchar(100);
alter table instance add column keep_last integer check (keep_last >= 0);
alter table instance add column keep_hourly integer check (keep_hourly >= 0);
alter table instance add column keep_daily integer check (keep_daily >= 0);
alter table instance add column keep_weekly integer check (keep_weekly >= 0);
alter table instance add column keep_monthly integer check (keep_monthly >= 0);
alter table instance add constraint instance_custom_policy check ((policy = 'custom') = (custom_cron is not null));

-- Retention and snapshot deletion ask which snapshots queued or running jobs read.
create index job_active_snapshot on job (snapshot_id) where status in ('QUEUED', 'RUNNING');
