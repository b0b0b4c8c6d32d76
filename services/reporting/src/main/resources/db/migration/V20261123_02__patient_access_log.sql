-- The NEN 7513 overview per patient: every AuditRecorded of every service, once per audit id.
create table patient_access_log (
    audit_id        uuid           primary key,
    occurred_at     timestamptz    not null,
    service         varchar(50)    not null,
    action          varchar(100)   not null,
    patient_id      uuid           not null,
    referral_id     uuid,
    resource        varchar(200)   not null,
    user_subject    varchar(200)   not null,
    user_roles      varchar(500)   not null,
    on_behalf_of    varchar(200),
    client_address  varchar(100),
    outcome         varchar(20)    not null
);
create index patient_access_log_patient on patient_access_log (patient_id, occurred_at);

-- append-only, like audit_log (the function comes with the platform tables)
create trigger patient_access_log_no_update before update or delete on patient_access_log
    for each row execute function audit_log_is_append_only();
