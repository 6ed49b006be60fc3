-- People who sign in to the web console; passwords as bcrypt hashes only.
create table app_user (
    id            uuid primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('viewer', 'operator', 'admin')),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

-- API tokens for scripts and services; the token itself is never stored, only its SHA-256.
create table api_token (
    id           uuid primary key,
    name         varchar(100) not null,
    role         varchar(16)  not null check (role in ('viewer', 'operator', 'admin')),
    token_hash   char(64)     not null unique,
    created_by   varchar(200) not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Web console sessions: the cookie's and the CSRF token's SHA-256 only.
create table user_session (
    id           uuid primary key,
    user_id      uuid        not null references app_user (id) on delete cascade,
    token_hash   char(64)    not null unique,
    csrf_hash    char(64)    not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    last_used_at timestamptz not null
);
create index user_session_user on user_session (user_id);

-- Who did what: append-only (the trigger below refuses updates and deletes).
create table audit_entry (
    id          bigserial primary key,
    at          timestamptz  not null,
    actor       varchar(200) not null,
    actor_kind  varchar(16)  not null,
    action      varchar(64)  not null,
    instance_id uuid,
    snapshot_id uuid,
    job_id      uuid,
    target_id   varchar(64),
    details     text         not null,
    outcome     int          not null,
    client      varchar(100)
);
create index audit_entry_actor on audit_entry (actor, id);
create index audit_entry_action on audit_entry (action, id);
create index audit_entry_instance on audit_entry (instance_id, id);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each statement execute function audit_entry_append_only();
