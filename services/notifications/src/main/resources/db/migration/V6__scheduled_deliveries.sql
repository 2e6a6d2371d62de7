-- A delivery may be held (quiet hours): SCHEDULED, its reason why, not_before the earliest it may go out. Its
-- next_attempt_at is not_before, so the retry scheduler claims it when it is due, as it claims a retry; not_before
-- stays once it went out, so the log shows that it waited and until when.
alter table delivery add column not_before timestamptz;

alter table delivery drop constraint delivery_status_check;
alter table delivery add constraint delivery_status_check
    check (status in ('PENDING', 'SENT', 'RETRYING', 'FAILED', 'DEAD', 'SCHEDULED', 'SUPERSEDED'));

drop index delivery_due_idx;
create index delivery_due_idx on delivery (next_attempt_at) where status in ('PENDING', 'RETRYING', 'SCHEDULED');

-- A held delivery that a newer version of its session overtook at the same endpoint is SUPERSEDED and never sent.
-- Every recorded batch looks for such held deliveries; held ones are few, so this index stays small.
create index delivery_held_idx on delivery (endpoint_id, session_id) where status = 'SCHEDULED';
