-- How an instance's password envelope was sealed: 1 bound only the instance id as associated data, 2 binds the instance
-- id and the whole connection (host, port, database, username). The catalog re-seals version-1 rows at start.
alter table instance add column password_seal_version smallint not null default 1;
update instance set password_seal_version = 2 where sealed_password is null;
