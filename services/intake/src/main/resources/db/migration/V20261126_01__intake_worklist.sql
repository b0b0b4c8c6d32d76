-- Issue 4: the nurse's worklist, claim, call attempts, intake record, objection history, decision,
-- overdue detection, and the documents the gateway announced after the referral.

-- Deadlines come from the working-day calendar, counted from the referral's arrival.
alter table intake_case rename column intake_due_by to intake_due_at;

-- The treating specialist as the referrer named them (ReferralReceived.treatingSpecialist).
alter table intake_case add column treating_specialist varchar(200);

-- The intake record: what the nurse recorded (treating specialty/hospital start as the referral's).
alter table intake_case add column intake_treating_specialty       varchar(100);
alter table intake_case add column intake_treating_hospital        varchar(200);
alter table intake_case add column intake_treating_specialist      varchar(200);
alter table intake_case add column intake_treating_specialist_agb  varchar(8);
alter table intake_case add column focus_area                      varchar(200);
alter table intake_case add column intake_saved_at                 timestamptz;
alter table intake_case add column intake_saved_by                 varchar(200);
update intake_case
   set intake_treating_specialty = coalesce(specialty, treating_specialty),
       intake_treating_hospital  = treating_hospital;
alter table intake_case drop column specialty;

-- The patient's objection to the report going to the GP: the current value and who recorded it when;
-- every change is kept in objection_change. Before issue 4 it was recorded with the decision.
alter table intake_case add column objection_recorded_at timestamptz;
alter table intake_case add column objection_recorded_by varchar(200);
update intake_case
   set objection_recorded_at = decided_at,
       objection_recorded_by = decided_by
 where decided_at is not null;

-- The decision: a reason from the fixed list for an unsuitable case (unsuitable_reason is the free text).
alter table intake_case add column rejection_reason varchar(50);
update intake_case set rejection_reason = 'OTHER' where status = 'UNSUITABLE';

-- When the overdue job found the case past intake_due_at without a decision (set once).
alter table intake_case add column overdue_at timestamptz;

-- the overdue job's candidates
create index intake_case_due_undecided on intake_case (intake_due_at)
    where overdue_at is null and status = 'OPEN';

-- Availability windows for the video consult (the intake record), in the nurse's order.
create table availability_window (
    referral_id  uuid         not null references intake_case (referral_id),
    position     integer      not null,
    day_of_week  varchar(10)  not null,
    from_time    time         not null,
    to_time      time         not null,
    primary key (referral_id, position),
    constraint availability_window_from_before_to check (from_time < to_time)
);

-- The nurse who works on a case now: at most one per case (the row is deleted on release).
create table intake_claim (
    referral_id       uuid          primary key references intake_case (referral_id),
    version           bigint        not null,
    claimed_by        varchar(200)  not null,
    claimed_at        timestamptz   not null,
    last_activity_at  timestamptz   not null
);
create index intake_claim_holder on intake_claim (claimed_by);

-- Every claim, release and take-over, for the record.
create table claim_change (
    id               uuid          primary key,
    referral_id      uuid          not null references intake_case (referral_id),
    action           varchar(20)   not null,
    nurse            varchar(200)  not null,
    previous_holder  varchar(200),
    changed_at       timestamptz   not null
);
create index claim_change_case on claim_change (referral_id, changed_at);

-- The nurse's calls to the patient.
create table call_attempt (
    id            uuid          primary key,
    referral_id   uuid          not null references intake_case (referral_id),
    attempted_at  timestamptz   not null,
    attempted_by  varchar(200)  not null,
    outcome       varchar(20)   not null,
    call_back_at  timestamptz,
    constraint call_attempt_call_back check ((outcome = 'CALL_BACK') = (call_back_at is not null))
);
create index call_attempt_case on call_attempt (referral_id, attempted_at);

-- Every recording and change of the patient's objection to the report going to the GP.
create table objection_change (
    id              uuid          primary key,
    referral_id     uuid          not null references intake_case (referral_id),
    objects         boolean       not null,
    changed_at      timestamptz   not null,
    changed_by      varchar(200)  not null,
    after_decision  boolean       not null
);
create index objection_change_case on objection_change (referral_id, changed_at);
insert into objection_change (id, referral_id, objects, changed_at, changed_by, after_decision)
select gen_random_uuid(), referral_id, patient_objects_to_gp_report, decided_at, decided_by, false
  from intake_case
 where decided_at is not null;

-- Documents of the referral the gateway announced after ReferralReceived: the referral letter,
-- supplements and the questionnaire (with the transmural-agreement assessment). Descriptions only.
create table referral_document (
    id                                uuid          primary key,
    referral_id                       uuid          not null references intake_case (referral_id),
    bundle_id                         varchar(200)  not null,
    document_type                     varchar(30)   not null,
    received_at                       timestamptz   not null,
    transmural_situation              varchar(20),
    transmural_expected_author        varchar(30),
    transmural_new_referral           boolean,
    transmural_copy_to_first_required boolean,
    transmural_conformity             varchar(20),
    transmural_flagged                boolean,
    transmural_reason                 text,
    constraint referral_document_once unique (referral_id, bundle_id)
);

create table referral_document_attachment (
    document_id    uuid          not null references referral_document (id),
    position       integer       not null,
    attachment_id  uuid          not null,
    title          varchar(500),
    content_type   varchar(200),
    size_bytes     bigint        not null,
    sha256         varchar(64),
    primary key (document_id, position)
);
