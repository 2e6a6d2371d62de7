-- What a delivery tells (a change, or a reminder lead before the session starts) and when a held one goes out:
-- the end of quiet hours (not_before), the daily digest it goes out in (digest_at).
alter table delivery
    add column kind       varchar(16) not null default 'CHANGE',
    add column not_before timestamptz,
    add column digest_at  timestamptz,
    add column lead       varchar(32);
