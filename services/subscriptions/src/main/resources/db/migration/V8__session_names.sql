-- The names of the sessions and events the matcher has seen on catalogue.session-changes.v1, so that the public
-- pages (unsubscribe, ...) name what a link is about instead of showing its id. The latest version wins.
create table session_name (
    session_id  uuid primary key,
    event_id    uuid,
    version     integer     not null check (version >= 1),
    title       jsonb       not null default '{}',
    event_name  jsonb       not null default '{}',
    occurred_at timestamptz not null
);

create index session_name_by_event on session_name (event_id, occurred_at desc);
