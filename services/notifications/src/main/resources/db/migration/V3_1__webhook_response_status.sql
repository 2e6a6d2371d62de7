-- The HTTP status code the receiver answered on each attempt (webhooks, push services); null for email and for
-- attempts that got no HTTP answer. Versioned 3.1 so that it orders after any V3 written alongside it.
alter table delivery_outcome add column response_status integer check (response_status between 100 and 599);
