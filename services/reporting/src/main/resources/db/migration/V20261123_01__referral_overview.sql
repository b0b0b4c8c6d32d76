-- One row per referral, assembled from the events of every service in whatever order they arrive.
-- Columns stay null until the event that carries them has been read.
create table referral_overview (
    referral_id                    uuid           primary key,
    version                        bigint         not null,
    status                         varchar(20)    not null,
    patient_id                     uuid           not null,
    referrer_agb                   varchar(8),
    zorgdomein_number              varchar(20),
    received_at                    timestamptz,
    intake_completed_at            timestamptz,
    consult_due_on                 date,
    scheduled_at                   timestamptz,
    specialist_agb                 varchar(8),
    specialist_name                varchar(200),
    consult_starts_at              timestamptz,
    completed_at                   timestamptz,
    report_question                varchar(4000),
    report_findings                text,
    report_conclusion              varchar(40),
    report_recommendations         text,
    report_signed_by               varchar(200),
    report_signed_at               timestamptz,
    patient_objects_to_gp_report   boolean        not null default false,
    objection_recorded_at          timestamptz
);
-- the GP's list: own referrals, newest first
create index referral_overview_referrer on referral_overview (referrer_agb, received_at desc);
