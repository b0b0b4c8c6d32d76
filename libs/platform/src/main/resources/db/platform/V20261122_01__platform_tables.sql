-- Tables every service has, owned by libs/platform. Service migrations live in db/migration and
-- use later versions (V2026MMDD_NN__...).

-- Transactional outbox: written in the same transaction as the business change; the relay
-- publishes rows in seq order and marks them published; published rows are deleted after a while.
create table outbox_message (
    seq           bigserial    primary key,
    event_id      uuid         not null unique,
    topic         varchar(200) not null,
    message_key   varchar(200) not null,
    event_type    varchar(200) not null,
    payload       text         not null,
    created_at    timestamptz  not null,
    published_at  timestamptz
);
create index outbox_message_pending on outbox_message (seq) where published_at is null;

-- Idempotent consumption: one row per event a consumer has applied, written in the same
-- transaction as the effect.
create table processed_event (
    consumer      varchar(100) not null,
    event_id      uuid         not null,
    event_type    varchar(200) not null,
    processed_at  timestamptz  not null,
    primary key (consumer, event_id)
);

-- NEN 7513 access log: append-only; every record is also published as AuditRecorded.
create table audit_log (
    id              uuid          primary key,
    occurred_at     timestamptz   not null,
    action          varchar(100)  not null,
    patient_id      uuid          not null,
    referral_id     uuid,
    resource        varchar(200)  not null,
    user_subject    varchar(200)  not null,
    user_roles      varchar(500)  not null,
    on_behalf_of    varchar(200),
    client_address  varchar(100),
    outcome         varchar(20)   not null
);
create index audit_log_patient on audit_log (patient_id, occurred_at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
