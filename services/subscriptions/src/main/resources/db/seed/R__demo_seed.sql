-- Demo data for the local stack (profile demo). Fixed ids: the README and the end-to-end test rely on them.
insert into municipality (id, name, country, language, time_zone, status, delivery_mode, created_at)
values ('6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b', 'Miasto Płock', 'PL', 'pl', 'Europe/Warsaw', 'ACTIVE', 'IMMEDIATE',
        '2022-09-01T08:00:00Z'),
       ('40120a76-e603-4d24-beb1-b0fb909e4e3e', 'Miasto Lublin', 'PL', 'pl', 'Europe/Warsaw', 'ACTIVE', 'IMMEDIATE',
        '2022-09-01T08:00:00Z'),
       ('d9756d35-e7f4-4bc4-b64e-7fb67058f558', 'Município do Fundão', 'PT', 'pt', 'Europe/Lisbon', 'ACTIVE',
        'IMMEDIATE', '2022-09-01T08:00:00Z'),
       ('b5973047-10f6-4488-bcd5-b17b578dd984', 'Município de Guimarães', 'PT', 'pt', 'Europe/Lisbon', 'ACTIVE',
        'IMMEDIATE', '2022-09-01T08:00:00Z')
on conflict do nothing;

insert into endpoint (id, municipality_id, channel, address, status, created_at)
values ('9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a', '6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b', 'EMAIL',
        'powiadomienia@plock.example', 'ACTIVE', '2022-09-01T08:00:00Z'),
       ('ce5a12fa-a9d2-4a6c-8371-4cef4e78a50d', '40120a76-e603-4d24-beb1-b0fb909e4e3e', 'EMAIL',
        'powiadomienia@lublin.example', 'ACTIVE', '2022-09-01T08:00:00Z'),
       ('44739e2a-cc52-40d7-8c35-17ad12496ad3', 'd9756d35-e7f4-4bc4-b64e-7fb67058f558', 'EMAIL',
        'notificacoes@fundao.example', 'ACTIVE', '2022-09-01T08:00:00Z'),
       ('646d184f-e89b-41a9-912f-ad53e7288dc4', 'b5973047-10f6-4488-bcd5-b17b578dd984', 'EMAIL',
        'notificacoes@guimaraes.example', 'ACTIVE', '2022-09-01T08:00:00Z')
on conflict do nothing;

insert into subscription (id, municipality_id, selector_type, selector_value, status, created_at)
values ('1859ea53-000d-49b6-b4ca-1e0fa648c8b2', '6e8f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b', 'THEME',
        'territorial-cohesion', 'ACTIVE', '2022-09-01T08:00:00Z'),
       ('114c4606-749e-496b-b8a1-f92e6c607fc4', '40120a76-e603-4d24-beb1-b0fb909e4e3e', 'THEME',
        'territorial-cohesion', 'ACTIVE', '2022-09-01T08:00:00Z'),
       ('d3e7b6f3-2e07-421a-9939-34e3f93f3a48', 'd9756d35-e7f4-4bc4-b64e-7fb67058f558', 'THEME',
        'territorial-cohesion', 'ACTIVE', '2022-09-01T08:00:00Z'),
       ('fcd26fa2-3f0a-4aa7-8314-74b4af329711', 'b5973047-10f6-4488-bcd5-b17b578dd984', 'THEME',
        'green-transition', 'ACTIVE', '2022-09-01T08:00:00Z')
on conflict do nothing;
