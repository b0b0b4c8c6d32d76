-- One row per referral: filled in by IntakeCompleted (question, patient, referrer) and
-- ConsultScheduled (specialist, time), in either order; then the specialist's report.
create table consult (
    referral_id                   uuid          primary key,
    version                       bigint        not null,
    consult_id                    uuid,
    patient_id                    uuid          not null,
    status                        varchar(20)   not null,
    patient_name                  varchar(200),
    patient_birth_date            date,
    patient_phone                 varchar(50),
    patient_email                 varchar(200),
    clarified_question            varchar(2000),
    reasons                       varchar(500),
    referrer_agb                  varchar(8),
    patient_objects_to_gp_report  boolean       not null default false,
    specialist_agb                varchar(8),
    specialist_name               varchar(200),
    starts_at                     timestamptz,
    ends_at                       timestamptz,
    findings                      varchar(8000),
    conclusion                    varchar(40),
    recommendations               varchar(4000),
    signed_by                     varchar(200),
    signed_at                     timestamptz
);
-- the specialist's own consults, in appointment order
create index consult_specialist on consult (specialist_agb, starts_at);
