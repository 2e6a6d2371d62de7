-- Who replayed which DEAD deliveries, when, and how many moved: written in the transaction of the replay itself,
-- never updated or deleted by the application (the retention purge leaves it alone: it holds no personal data).
create table replay_audit (
    id           bigserial primary key,
    occurred_at  timestamptz not null,
    client_id    text        not null,
    subject      text        not null,
    target       varchar(16) not null check (target in ('DELIVERY', 'CHANGE')),
    target_id    uuid        not null,
    replayed     integer     not null check (replayed >= 0),
    delivery_ids uuid[]      not null
);

create index replay_audit_by_target on replay_audit (target_id, id desc);
create index replay_audit_by_client on replay_audit (client_id, id desc);

-- Erasures applied (subscriptions.erasures.v1): ids only, so that a redelivered erasure is recognised and a request
-- that arrives after its municipality or endpoint was erased is dropped. No personal data: that is what was erased.
create table erasure (
    erasure_id      uuid primary key,
    scope           varchar(16) not null check (scope in ('MUNICIPALITY', 'ENDPOINT')),
    municipality_id uuid        not null,
    endpoint_ids    uuid[]      not null,
    erased_at       timestamptz not null,
    applied_at      timestamptz not null,
    deliveries      integer     not null check (deliveries >= 0)
);

-- the dispatcher looks up the erasures of the municipalities of each poll
create index erasure_municipality_idx on erasure (municipality_id);

-- an endpoint's erasure finds its deliveries; the retention purge finds the old ones
create index delivery_endpoint_idx on delivery (endpoint_id);
create index delivery_created_idx on delivery (created_at);
create index notification_request_created_idx on notification_request (created_at);
