-- Each running instance and until when it is alive: it renews alive_until every few seconds (ADR 24). A claim
-- records its instance in delivery.claimed_by, so the claims of an instance that stopped renewing (or deregistered
-- on a graceful shutdown) are handed to the others at once instead of when their lease runs out.
create table notifier (
    instance_id text primary key,
    started_at  timestamptz not null,
    alive_until timestamptz not null
);

-- claimed_by: the instance holding the delivery's lease, cleared when an attempt is recorded. A claim that finds it
-- set takes the delivery over from an instance that may have sent it without recording it: takeovers counts those,
-- taken_over_from and taken_over_at tell the last one, so each possible repeat stays visible in the log.
alter table delivery
    add column claimed_by      text,
    add column takeovers       integer not null default 0 check (takeovers >= 0),
    add column taken_over_from text,
    add column taken_over_at   timestamptz;

-- the hand-over looks up the unfinished deliveries of a lapsed instance; only deliveries held right now are in it
create index delivery_claimed_idx on delivery (claimed_by)
    where claimed_by is not null and status in ('PENDING', 'RETRYING', 'SCHEDULED');
