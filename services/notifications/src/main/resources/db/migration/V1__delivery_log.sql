-- One row per (change, endpoint). The primary key is derived from both, so a redelivered request inserts nothing.
create table delivery (
    delivery_id      uuid primary key,
    request_id       uuid        not null,
    change_id        uuid        not null,
    session_id       uuid        not null,
    session_version  integer     not null check (session_version >= 1),
    municipality_id  uuid        not null,
    endpoint_id      uuid        not null,
    channel          varchar(16) not null check (channel in ('EMAIL', 'WEB_PUSH', 'WEBHOOK')),
    address          text,
    status           varchar(16) not null check (status in ('PENDING', 'SENT', 'RETRYING', 'FAILED', 'DEAD')),
    reason           text,
    attempts         integer     not null default 0 check (attempts >= 0),
    changed_at       timestamptz not null,
    first_attempt_at timestamptz,
    sent_at          timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create index delivery_change_idx on delivery (change_id);
create index delivery_municipality_idx on delivery (municipality_id, created_at);
-- what a retry scheduler will scan
create index delivery_unfinished_idx on delivery (updated_at) where status in ('PENDING', 'RETRYING');

-- The outcome of every attempt: the delivery's history and, until published_at is set, an outbox row for
-- notifications.delivery-outcomes.v1, written in the same transaction as the delivery's new status.
create table delivery_outcome (
    outcome_id       uuid primary key,
    delivery_id      uuid        not null references delivery (delivery_id),
    status           varchar(16) not null check (status in ('SENT', 'RETRYING', 'FAILED', 'DEAD')),
    reason           text,
    endpoint_gone    boolean     not null default false,
    attempts         integer     not null check (attempts >= 1),
    first_attempt_at timestamptz,
    sent_at          timestamptz,
    occurred_at      timestamptz not null,
    published_at     timestamptz
);

create index delivery_outcome_delivery_idx on delivery_outcome (delivery_id);
create index delivery_outcome_unpublished_idx on delivery_outcome (occurred_at) where published_at is null;
