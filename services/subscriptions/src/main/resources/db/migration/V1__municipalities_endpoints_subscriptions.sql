-- Municipalities are the tenants: every endpoint and subscription belongs to one.
create table municipality (
    id               uuid         primary key,
    name             varchar(200) not null,
    country          char(2)      not null check (country ~ '^[A-Z]{2}$'),
    language         varchar(35)  not null,
    time_zone        varchar(64)  not null,
    status           varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    -- preferences
    delivery_mode    varchar(16)  not null default 'IMMEDIATE' check (delivery_mode in ('IMMEDIATE', 'DAILY_DIGEST')),
    quiet_hours_from time,
    quiet_hours_to   time,
    created_at       timestamptz  not null default now(),
    constraint municipality_quiet_hours_complete
        check ((quiet_hours_from is null) = (quiet_hours_to is null))
);

create table endpoint (
    id                uuid          primary key,
    municipality_id   uuid          not null references municipality (id),
    channel           varchar(16)   not null check (channel in ('EMAIL', 'WEB_PUSH', 'WEBHOOK')),
    -- the email address, the push service endpoint or the webhook URL
    address           varchar(2048) not null,
    status            varchar(24)   not null
        check (status in ('PENDING_VERIFICATION', 'ACTIVE', 'DISABLED')),
    status_reason     varchar(500),
    created_at        timestamptz   not null default now()
);

create unique index endpoint_address_unique on endpoint (municipality_id, channel, lower(address));
-- the matcher's join: a municipality's active endpoints, in registration order
create index endpoint_active_by_municipality on endpoint (municipality_id, created_at, id) where status = 'ACTIVE';

create table subscription (
    id              uuid         primary key,
    municipality_id uuid         not null references municipality (id),
    selector_type   varchar(16)  not null check (selector_type in ('THEME', 'EVENT', 'SESSION')),
    -- a theme slug, or an event or session id in lower case
    selector_value  varchar(100) not null,
    change_kinds    text[]       not null
        default array ['PUBLISHED', 'RESCHEDULED', 'RELOCATED', 'UPDATED', 'CANCELLED']
        check (cardinality(change_kinds) > 0
            and change_kinds <@ array ['PUBLISHED', 'RESCHEDULED', 'RELOCATED', 'UPDATED', 'CANCELLED']),
    status          varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED')),
    created_at      timestamptz  not null default now(),
    constraint subscription_selector_unique unique (municipality_id, selector_type, selector_value)
);

-- the matcher's selection: every active subscription with this selector, municipality id included
create index subscription_active_selector
    on subscription (selector_type, selector_value, municipality_id) include (change_kinds)
    where status = 'ACTIVE';
