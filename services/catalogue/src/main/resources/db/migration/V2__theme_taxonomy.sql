-- The theme taxonomy is reference data every environment needs (sessions must name known themes),
-- so it ships as a migration rather than as demo seed data.
insert into theme (slug, name) values
    ('green-transition',
     '{"en": "Green transition", "pl": "Zielona transformacja", "pt": "Transição verde"}'),
    ('territorial-cohesion',
     '{"en": "Territorial cohesion", "pl": "Spójność terytorialna", "pt": "Coesão territorial"}'),
    ('digital-transformation',
     '{"en": "Digital transformation", "pl": "Transformacja cyfrowa", "pt": "Transformação digital"}'),
    ('youth-empowerment',
     '{"en": "Youth empowerment", "pl": "Wzmocnienie pozycji młodzieży", "pt": "Capacitação dos jovens"}')
on conflict do nothing;
