-- Issue 6: the assigned specialist reads the intake dossier. Intake learns who that is from
-- scheduling's events (ConsultScheduled, ConsultRescheduled, ConsultCancelled): one row per referral,
-- the specialist who may list and download its dossier documents now (null: nobody). No foreign key
-- to intake_case: a booking of a referral intake has no case for is kept all the same, and grants
-- nothing without the case.
create table specialist_assignment (
    referral_id     uuid          primary key,
    version         bigint        not null,
    specialist_agb  varchar(20),
    consult_id      uuid,
    changed_at      timestamptz   not null,
    change          varchar(20)   not null,
    constraint specialist_assignment_change check (change in ('SCHEDULED', 'RESCHEDULED', 'CANCELLED')),
    constraint specialist_assignment_cancelled_is_nobody check ((change = 'CANCELLED') = (specialist_agb is null))
);
