-- When a municipality's daily digest goes out, local to its time zone (the notifications service acts on it).
alter table municipality add column digest_time time not null default '08:00';
