-- Texts in several languages are jsonb objects keyed by BCP 47 language tag: {"en": "...", "pl": "..."}.

create table theme (
    slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name jsonb not null
);

create table event (
    id        uuid primary key,
    slug      text    not null unique,
    name      jsonb   not null,
    edition   integer,
    starts_on date    not null,
    ends_on   date    not null,
    zone      text    not null,
    place     text,
    hashtag   text,
    themes    text[]  not null default '{}',
    check (ends_on >= starts_on)
);

create table session (
    id                  uuid primary key,
    event_id            uuid references event (id),
    -- bumped once per change that is announced on catalogue.session-changes.v1
    version             integer     not null check (version >= 1),
    status              text        not null,
    default_language    text        not null,
    title               jsonb       not null,
    description         jsonb       not null default '{}',
    -- local wall-clock times in zone: what the organiser announced, stable across time-zone rule changes
    starts_local        timestamp   not null,
    ends_local          timestamp   not null,
    zone                text        not null,
    format              text,
    venue               text,
    platform            text,
    join_link           text,
    registration_link   text,
    languages           text[]      not null default '{}',
    organisers          text[]      not null default '{}',
    themes              text[]      not null default '{}',
    cancellation_reason text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);

create index session_event_idx on session (event_id);
create index session_themes_idx on session using gin (themes);
create index session_listing_idx on session (created_at, id);

-- Messages waiting for the broker, written in the transaction of the change they announce.
create table outbox (
    id           bigint generated always as identity primary key,
    topic        text        not null,
    message_key  text        not null,
    headers      jsonb       not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_pending_idx on outbox (id) where published_at is null;
