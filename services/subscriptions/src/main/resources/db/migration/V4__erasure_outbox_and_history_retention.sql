-- Erasures (GDPR) waiting to be published on subscriptions.erasures.v1. A row is written in the transaction that
-- deletes the data, so the deletion and its announcement cannot diverge; the relay deletes a row once Kafka has it.
create table erasure_outbox (
    erasure_id      uuid        primary key,
    municipality_id uuid        not null,
    type            varchar(64) not null,
    payload         text        not null,
    created_at      timestamptz not null default now()
);

create index erasure_outbox_in_order on erasure_outbox (created_at, erasure_id);

-- The retention purge deletes the oldest outcomes first, in batches.
create index delivery_by_age on delivery (occurred_at);
