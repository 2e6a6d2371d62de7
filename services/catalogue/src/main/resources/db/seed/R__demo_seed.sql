-- Demo data (profile demo): the EURegionsWeek 2022 event and its networking session.
-- The themes come with V2__theme_taxonomy.sql. The session is seeded as already published:
-- no outbox row, so starting the demo does not notify anybody.
insert into event (id, slug, name, edition, starts_on, ends_on, zone, place, hashtag, themes) values
    ('3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40',
     'euregionsweek-2022',
     '{"en": "20th European Week of Regions and Cities", "pl": "20. Europejski Tydzień Regionów i Miast", "pt": "20.ª Semana Europeia das Regiões e Cidades"}',
     20, '2022-10-10', '2022-10-13', 'Europe/Brussels', 'Brussels', '#EURegionsWeek',
     '{green-transition,territorial-cohesion,digital-transformation,youth-empowerment}')
on conflict do nothing;

insert into session (id, event_id, version, status, default_language, title, description,
                     starts_local, ends_local, zone, format, venue, platform, join_link, registration_link,
                     languages, organisers, themes, created_at, updated_at) values
    ('5f0c6a52-8f4b-4a51-9d8e-0c2a9b7e6d11',
     '3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40',
     1, 'PUBLISHED', 'en',
     '{"en": "Networking of cities and municipalities as a way to transfer knowledge and innovation", "pl": "Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji", "pt": "Trabalho em rede de cidades e municípios como forma de transferir conhecimento e inovação"}',
     '{}',
     '2022-10-11 16:30', '2022-10-11 18:00', 'Europe/Warsaw',
     'ONLINE', null, 'Zoom',
     'https://eu.app.swapcard.com/event/euregionsweek-2022/planning/UGxhbm5pbmdfOTYwNDk4',
     'https://eu.app.swapcard.com/event/euregionsweek-2022/planning/UGxhbm5pbmdfOTYwNDk4',
     '{en}', '{}', '{territorial-cohesion}',
     '2022-09-20 08:00:00+00', '2022-09-20 08:00:00+00')
on conflict do nothing;
