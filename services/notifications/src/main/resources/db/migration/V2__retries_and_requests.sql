-- The request behind each delivery, kept so that a retry or a replay renders exactly what the first attempt did.
-- One row per request (its id is derived from change and municipality); deliveries point at it.
create table notification_request (
    request_id  uuid primary key,
    change_id   uuid        not null,
    payload     jsonb       not null,
    created_at  timestamptz not null default now()
);

create index notification_request_change_idx on notification_request (change_id);

-- next_attempt_at: for RETRYING, when the next attempt is due; for PENDING, until when the dispatcher that
-- recorded it holds it (a lease): past it, the retry scheduler takes over a delivery a crash left behind.
-- retries_from: the attempts made before the last replay, so that a replayed delivery gets the whole schedule again.
alter table delivery
    add column next_attempt_at timestamptz,
    add column retries_from    integer not null default 0 check (retries_from >= 0);

drop index delivery_unfinished_idx;
create index delivery_due_idx on delivery (next_attempt_at) where status in ('PENDING', 'RETRYING');
create index delivery_dead_idx on delivery (change_id) where status = 'DEAD';

alter table delivery_outcome add column next_attempt_at timestamptz;
