-- Themes and events get a version (their ETag and optimistic lock), events a website.
alter table theme add column version integer not null default 1 check (version >= 1);
alter table event add column version integer not null default 1 check (version >= 1);
alter table event add column website text;

-- The taxonomy as it stands goes to catalogue.themes.v1 through the outbox, like every later change,
-- so a consumer of the (compacted) topic knows every theme, including those no operator ever touched.
insert into outbox (topic, message_key, headers, payload)
select 'catalogue.themes.v1',
       slug,
       jsonb_build_object(
           'ce_specversion', '1.0',
           'ce_id', gen_random_uuid()::text,
           'ce_type', 'eu.herald.theme.updated.v1',
           'ce_source', '/herald/catalogue',
           'ce_subject', slug,
           'ce_time', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'content-type', 'application/json'),
       jsonb_build_object('slug', slug, 'labels', name, 'retired', false)::text
from theme
order by slug;
