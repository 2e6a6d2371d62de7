-- Optional statistical codes of the municipality (Eurostat LAU and NUTS 3).
alter table municipality
    add column lau_code  varchar(20),
    add column nuts_code varchar(5);

-- WEB_PUSH keeps the browser's PushSubscription (address = its endpoint URL); WEBHOOK its secret rotation:
-- the secret itself is never stored, it is derived from the master key (ADR 0007).
alter table endpoint
    add column push_p256dh    varchar(200),
    add column push_auth      varchar(100),
    add column secret_version integer,
    add column verified_at    timestamptz,
    add constraint endpoint_push_keys check (channel <> 'WEB_PUSH' or (push_p256dh is not null and push_auth is not null)),
    add constraint endpoint_webhook_secret check (channel <> 'WEBHOOK' or secret_version >= 1);

-- endpoint_ids: the endpoints a subscription uses (null = every active one);
-- muted_endpoint_ids: endpoints unsubscribed from this subscription by a one-click link.
alter table subscription
    add column endpoint_ids       uuid[],
    add column muted_endpoint_ids uuid[]      not null default '{}',
    add column language           varchar(35);

-- The catalogue's theme taxonomy, from catalogue.themes.v1 (compacted); only validates API input.
create table theme (
    slug       varchar(100) primary key,
    labels     jsonb        not null default '{}',
    retired    boolean      not null default false,
    updated_at timestamptz  not null default now()
);

-- The latest known outcome of every delivery to a municipality, from notifications.delivery-outcomes.v1.
create table delivery (
    delivery_id     uuid         primary key,
    municipality_id uuid         not null,
    endpoint_id     uuid         not null,
    change_id       uuid         not null,
    session_id      uuid         not null,
    session_version integer,
    channel         varchar(16)  not null,
    status          varchar(16)  not null,
    reason          varchar(2000),
    endpoint_gone   boolean      not null default false,
    attempts        integer      not null,
    changed_at      timestamptz  not null,
    sent_at         timestamptz,
    occurred_at     timestamptz  not null
);

create index delivery_by_municipality on delivery (municipality_id, occurred_at desc, delivery_id);
