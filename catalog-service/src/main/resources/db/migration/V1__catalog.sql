create table instance (
    id              uuid primary key,
    name            varchar(63)  not null,
    engine          varchar(32)  not null,
    host            varchar(255) not null,
    port            integer      not null,
    database_name   varchar(63)  not null,
    username        varchar(63)  not null,
    sealed_password text,
    sslmode         varchar(16)  not null,
    policy          varchar(64)  not null,
    status          varchar(16)  not null,
    created_at      timestamptz  not null,
    deleted_at      timestamptz
);
create unique index instance_name_live on instance (name) where deleted_at is null;

create table snapshot (
    id             uuid primary key,
    instance_id    uuid         not null references instance (id),
    name           varchar(200) not null,
    origin         varchar(16)  not null,
    status         varchar(16)  not null,
    format         varchar(16)  not null,
    options        text         not null,
    object_key     varchar(512),
    size_bytes     bigint,
    sha256         char(64),
    server_version varchar(32),
    tool_version   varchar(128),
    request_id     varchar(200) unique,
    error          text,
    created_at     timestamptz  not null,
    completed_at   timestamptz,
    expires_at     timestamptz
);
create index snapshot_instance_created on snapshot (instance_id, created_at desc);

create table job (
    id               uuid primary key,
    type             varchar(16)  not null,
    instance_id      uuid         not null references instance (id),
    snapshot_id      uuid         not null references snapshot (id),
    status           varchar(16)  not null,
    attempt          integer      not null,
    worker_id        varchar(200),
    progress_bytes   bigint       not null default 0,
    error            text,
    lease_expires_at timestamptz,
    created_at       timestamptz  not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz  not null
);
create index job_active on job (status, lease_expires_at) where status in ('QUEUED', 'RUNNING');
create index job_instance on job (instance_id, created_at desc);

create table outbox (
    id           bigserial primary key,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz
);
create index outbox_pending on outbox (id) where published_at is null;
