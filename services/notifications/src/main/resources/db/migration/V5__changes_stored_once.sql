-- Every request of a fan-out carries the same change: about 1.4 KB of the 1.7 KB stored for each of 100,000
-- requests, and most of the write-ahead log of a fan-out. From now on the change is stored once, here, and a
-- request's payload holds only its recipient and endpoints. Requests stored before keep the change in their
-- payload and read back as they are.
create table notification_change (
    change_id  uuid primary key,
    payload    jsonb       not null,
    created_at timestamptz not null default now()
);

create index notification_change_created_idx on notification_change (created_at);

-- an endpoint's erasure looks for its deliveries within the municipality's (delivery_municipality_idx): this index
-- served no query and cost two random insertions per delivery (one for the row, one for its attempt's new version)
drop index delivery_endpoint_idx;
