-- The objection can change after the intake (PatientObjectionChanged): the most recent statement is
-- in force, intake's own or consult's copy (ConsultCompleted, ConsultReportAmended), an objection
-- winning at the same instant; both are kept to decide it. The report carries free text and the
-- signer's name; addenda to a final report (ConsultReportAmended) are kept apart, one row each.
alter table referral_overview
    add column intake_objection          boolean,
    add column intake_objection_at       timestamptz,
    add column consult_objection         boolean,
    add column consult_objection_at      timestamptz,
    add column report_free_text          text,
    add column report_signed_by_name     varchar(200);

-- Objections of before: the source is not known; kept as intake's, so they stay until intake lifts them.
update referral_overview
    set intake_objection = true, intake_objection_at = coalesce(objection_recorded_at, timestamptz '1970-01-01 00:00:00+00')
    where patient_objects_to_gp_report;

create table report_addendum (
    referral_id      uuid          not null references referral_overview (referral_id) on delete cascade,
    sequence         integer       not null,
    text             text          not null,
    signed_by        varchar(200),
    signed_by_name   varchar(200),
    signed_at        timestamptz,
    primary key (referral_id, sequence)
);

-- A no-show names the slot that was missed: a booking of that slot is no booking in force, whether
-- the no-show (consult's topic) or the booking (scheduling's) is read first.
alter table referral_timeline_entry add column slot_starts_at timestamptz;
