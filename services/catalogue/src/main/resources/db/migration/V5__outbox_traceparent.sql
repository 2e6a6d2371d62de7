-- The W3C trace context of the transaction that queued a message (the operator's request), so that the relay,
-- which sends it later from its own thread, sends it in the same trace. Null for messages queued untraced.
alter table outbox add column traceparent text;
