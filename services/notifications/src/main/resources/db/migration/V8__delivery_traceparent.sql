-- The W3C trace context of the request a delivery came from (the trace of its change, from the operator's request
-- on): the dispatcher sends it later, from its own threads and after retries, as a span of that trace. Read with
-- the row the dispatcher reads anyway; null for deliveries recorded before, or from requests that carried none.
alter table delivery add column traceparent text;
