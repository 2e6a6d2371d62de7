-- How long before a session starts a subscription wants it recalled: ISO-8601 durations in their normalised
-- form (Java's Duration), so equal lead times are equal strings and the matcher unites them with a distinct.
alter table subscription add column reminders varchar(32)[] not null default '{}';
