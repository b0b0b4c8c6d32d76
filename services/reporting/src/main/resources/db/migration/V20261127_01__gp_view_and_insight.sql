-- Issue 7: the GP's full view (patient identification for the report letter, the referral letter,
-- the transmural copy, reschedules and cancellations of the consult) and the organisation's insight
-- (specialty, intake reasons, matching failures). Every column is filled from events only; rows of
-- before this migration get them on the next rebuild (README, "Rebuilding the projections").
alter table referral_overview
    -- ReferralReceived.patient: the GP's own patient, for the report letter (never logged)
    add column patient_name                       varchar(200),
    add column patient_birth_date                 date,
    -- ReferralReceived.referrer: the addressee of the report letter
    add column referrer_name                      varchar(200),
    add column referrer_organisation              varchar(200),
    -- the specialty by source: the referral's treating specialty, the intake's, the booking's
    add column treating_specialty                 varchar(100),
    add column requested_specialty                varchar(100),
    add column consult_specialty                  varchar(100),
    -- IntakeCompleted.reasons (current names, comma-separated)
    add column intake_reasons                     varchar(500),
    -- ReferralLetterReceived / ReferralSupplemented (questionnaire)
    add column letter_received_at                 timestamptz,
    add column questionnaire_received_at          timestamptz,
    add column transmural_situation               varchar(20),
    add column copy_to_first_specialist_required  boolean,
    -- the booking in force (ConsultScheduled / ConsultRescheduled; cleared by ConsultCancelled)
    add column first_scheduled_at                 timestamptz,
    add column consult_id                         uuid,
    add column consult_ends_at                    timestamptz,
    add column consult_assigned_by                varchar(20),
    add column consult_deadline_overridden        boolean        not null default false,
    add column consult_cancelled_with_referral    boolean        not null default false,
    -- MatchingFailed: the last failure, and whether the case still waits for a coordinator
    add column matching_failed_at                 timestamptz,
    add column matching_failure_reason            varchar(50),
    add column awaiting_manual_planning           boolean        not null default false,
    -- ConsultCompleted.specialistAgb: who signed the report (the FHIR Practitioner)
    add column report_specialist_agb              varchar(8);

-- The steps of a referral that can happen more than once (a booking, a move, a cancellation of the
-- consult). Keyed by what happened and when, so the same fact read twice is one row.
create table referral_timeline_entry (
    referral_id  uuid          not null references referral_overview (referral_id) on delete cascade,
    milestone    varchar(40)   not null,
    at           timestamptz   not null,
    detail       varchar(500),
    primary key (referral_id, milestone, at)
);

-- Bookings of before: the one known booking becomes the first timeline entry.
update referral_overview set first_scheduled_at = scheduled_at where scheduled_at is not null;
insert into referral_timeline_entry (referral_id, milestone, at, detail)
    select referral_id, 'CONSULT_SCHEDULED', scheduled_at, specialist_name
    from referral_overview where scheduled_at is not null;

-- the organisation's figures select a period of receipt
create index referral_overview_received on referral_overview (received_at);
