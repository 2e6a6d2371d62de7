-- Who changed which session, event or theme, when, from which version to which. Written in the transaction
-- of the change itself, so an entry exists exactly when the change was committed.
create table audit_entry (
    id           bigserial primary key,
    occurred_at  timestamptz not null,
    client_id    text        not null,
    subject      text        not null,
    entity_type  text        not null check (entity_type in ('SESSION', 'EVENT', 'THEME')),
    entity_id    text        not null,
    change       text        not null check (change in ('CREATED', 'REVISED', 'PUBLISHED', 'CANCELLED', 'DELETED')),
    from_version integer,
    to_version   integer
);

create index audit_entry_by_entity on audit_entry (entity_type, entity_id, id desc);
create index audit_entry_by_client on audit_entry (client_id, id desc);
