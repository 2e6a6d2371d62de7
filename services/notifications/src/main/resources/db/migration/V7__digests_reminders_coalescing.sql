-- A delivery is a change's notice (CHANGE) or a reminder before its session starts (REMINDER, lead_seconds before).
alter table delivery add column kind varchar(16) not null default 'CHANGE' check (kind in ('CHANGE', 'REMINDER'));
alter table delivery add column lead_seconds bigint check (lead_seconds > 0);
-- the daily digest a delivery goes out in: with the endpoint, it identifies the digest
alter table delivery add column digest_at timestamptz;
-- the earliest change of its session this endpoint has not received: what changed is told since the version before it
alter table delivery add column since_change_id uuid;

-- held (SCHEDULED) and retrying deliveries of an older version are superseded by a newer one: both are looked up here
drop index delivery_held_idx;
create index delivery_held_idx on delivery (endpoint_id, session_id) where status in ('SCHEDULED', 'RETRYING');

-- the immediate path claims what is due apart from digests, which go out a whole endpoint's digest at a time
drop index delivery_due_idx;
create index delivery_due_idx on delivery (next_attempt_at)
    where status in ('PENDING', 'RETRYING', 'SCHEDULED') and digest_at is null;
create index delivery_digest_due_idx on delivery (next_attempt_at)
    where status in ('RETRYING', 'SCHEDULED') and digest_at is not null;

-- the delivery log's outbox tells subscriptions about held and superseded deliveries too
alter table delivery_outcome drop constraint delivery_outcome_status_check;
alter table delivery_outcome add constraint delivery_outcome_status_check
    check (status in ('SENT', 'RETRYING', 'FAILED', 'DEAD', 'SCHEDULED', 'SUPERSEDED'));
alter table delivery_outcome drop constraint delivery_outcome_attempts_check;
alter table delivery_outcome add constraint delivery_outcome_attempts_check check (attempts >= 0);

-- Coalescing: the first change of a session opens a window; a later change inside it is held to the window's end.
create table coalescing_window (
    session_id uuid primary key,
    change_id  uuid        not null,
    -- a window opened by a clock ahead of this one's (a restored backup, a skewed instance) is no window here
    opened_at  timestamptz not null,
    ends_at    timestamptz not null
);

-- an operator's window per event; events without one use herald.notifications.coalescing.window
create table event_coalescing (
    event_id       uuid primary key,
    window_seconds integer     not null check (window_seconds >= 0),
    updated_at     timestamptz not null
);

-- a retry or a held delivery that comes due looks for newer versions of its session among the stored changes: one
-- probe by session, then one by primary key for the endpoint's deliveries of those versions
create index notification_change_session_idx on notification_change ((payload -> 'session' -> 'id' ->> 'value'));
