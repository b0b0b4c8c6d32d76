-- Issue 5: the specialist registry (organisations, BIG number, focus areas, languages, a weekly
-- maximum), the specialists' availability, matching with a stored rationale, and bookings that a
-- coordinator can assign, reschedule and cancel.

-- Hospitals and groups a specialist works for or is affiliated with. A specialist is never matched to
-- a patient whose treating hospital (by name or alias) or treating specialist shares one of them.
create table organisation (
    id       varchar(64)   primary key,
    version  bigint        not null default 0,
    name     varchar(200)  not null,
    kind     varchar(20)   not null
);
create unique index organisation_name_once on organisation (lower(name));

-- Other names the referrals use for the organisation ("UMCG", "Universitair Medisch Centrum Groningen").
create table organisation_alias (
    organisation_id  varchar(64)   not null references organisation (id) on delete cascade,
    alias            varchar(200)  not null,
    primary key (organisation_id, alias)
);

-- The hospitals of the earlier registry become organisations (id: the name in lower case with dashes).
insert into organisation (id, version, name, kind)
select distinct trim(both '-' from regexp_replace(lower(hospital), '[^a-z0-9]+', '-', 'g')), 0, hospital, 'HOSPITAL'
from specialist;

create table specialist_organisation (
    specialist_agb   varchar(8)    not null references specialist (agb) on delete cascade,
    organisation_id  varchar(64)   not null references organisation (id),
    primary key (specialist_agb, organisation_id)
);
insert into specialist_organisation (specialist_agb, organisation_id)
select agb, trim(both '-' from regexp_replace(lower(hospital), '[^a-z0-9]+', '-', 'g')) from specialist;
alter table specialist drop column hospital;

-- BIG registration (11 digits) and how many second-opinion consults a week the specialist takes.
alter table specialist add column big varchar(11);
alter table specialist add column max_consults_per_week integer not null default 20;
alter table specialist add column updated_at timestamptz;
-- The demo specialists of the Keycloak realm (deploy/keycloak/realm-consilium.json); fictitious numbers.
update specialist set big = '19011111101' where agb = '03111111';
update specialist set big = '19022222201' where agb = '03222222';
update specialist set big = '19033333301' where agb = '03333333';
alter table specialist alter column big set not null;
create unique index specialist_big_once on specialist (big);
alter table specialist add constraint specialist_max_per_week check (max_consults_per_week >= 0);

create table specialist_focus_area (
    specialist_agb  varchar(8)    not null references specialist (agb) on delete cascade,
    focus_area      varchar(100)  not null,
    primary key (specialist_agb, focus_area)
);
insert into specialist_focus_area (specialist_agb, focus_area) values
    ('03111111', 'heart failure'),
    ('03222222', 'arrhythmia'),
    ('03333333', 'knee'),
    ('03333333', 'hip');

-- ISO 639-1 codes.
create table specialist_language (
    specialist_agb  varchar(8)   not null references specialist (agb) on delete cascade,
    language        varchar(2)   not null,
    primary key (specialist_agb, language)
);
insert into specialist_language (specialist_agb, language)
select agb, language from specialist cross join (values ('nl'), ('en')) as l (language);

-- Weekly recurring consult windows (Europe/Amsterdam wall clock); one row of consult_hours per
-- specialist carries the version for optimistic locking.
create table consult_hours (
    specialist_agb  varchar(8)  primary key references specialist (agb) on delete cascade,
    version         bigint      not null default 0
);
create table consult_hours_window (
    specialist_agb  varchar(8)   not null references consult_hours (specialist_agb) on delete cascade,
    day_of_week     varchar(9)   not null,
    starts_at       time         not null,
    ends_at         time         not null,
    constraint consult_hours_window_ordered check (ends_at > starts_at)
);
create index consult_hours_window_specialist on consult_hours_window (specialist_agb);
-- Every specialist of the earlier registry keeps the consulting hours the earlier slot search used.
insert into consult_hours (specialist_agb, version) select agb, 0 from specialist;
insert into consult_hours_window (specialist_agb, day_of_week, starts_at, ends_at)
select agb, day, time '09:00', time '17:00' from specialist
cross join (values ('MONDAY'), ('TUESDAY'), ('WEDNESDAY'), ('THURSDAY'), ('FRIDAY')) as d (day);

-- One-off additions to the weekly windows.
create table availability_addition (
    id              uuid          primary key,
    version         bigint        not null,
    specialist_agb  varchar(8)    not null references specialist (agb) on delete cascade,
    on_date         date          not null,
    starts_at       time          not null,
    ends_at         time          not null,
    created_at      timestamptz   not null,
    constraint availability_addition_ordered check (ends_at > starts_at)
);
create index availability_addition_specialist on availability_addition (specialist_agb, on_date);

-- Whole days away (holidays, leave, congresses).
create table availability_absence (
    id              uuid          primary key,
    version         bigint        not null,
    specialist_agb  varchar(8)    not null references specialist (agb) on delete cascade,
    from_date       date          not null,
    to_date         date          not null,
    reason          varchar(200),
    created_at      timestamptz   not null,
    constraint availability_absence_ordered check (to_date >= from_date)
);
create index availability_absence_specialist on availability_absence (specialist_agb, from_date);

-- Bumped in the transaction of every change of the registry or of availability: every instance of
-- the service compares it with the revision of its in-memory snapshot and rebuilds when it moved.
create table registry_revision (
    id        smallint  primary key,
    revision  bigint    not null,
    constraint registry_revision_single_row check (id = 1)
);
insert into registry_revision (id, revision) values (1, 0);

-- An appointment row is now one booking of one slot. A consult keeps its consult id when it is
-- rescheduled: the booking it leaves becomes RESCHEDULED and a new BOOKED row holds the new slot.
-- A referral has at most one BOOKED row; a specialist's slot is held by at most one BOOKED row (the
-- database's guarantee, also with several instances of the service booking at once).
alter table appointment add column booking_id uuid;
update appointment set booking_id = consult_id;
alter table appointment alter column booking_id set not null;
alter table appointment drop constraint appointment_pkey;
alter table appointment add constraint appointment_pkey primary key (booking_id);
alter table appointment drop constraint appointment_one_per_referral;
create unique index appointment_one_booked_per_referral on appointment (referral_id) where status = 'BOOKED';
create index appointment_referral on appointment (referral_id, booked_at);
drop index appointment_slot_booked_once;
create unique index appointment_slot_booked_once on appointment (specialist_agb, starts_at) where status = 'BOOKED';
alter table appointment add column assigned_by varchar(20) not null default 'MATCHING';
alter table appointment add column assigned_by_user varchar(200);
alter table appointment add column deadline_overridden boolean not null default false;
alter table appointment add column override_reason varchar(500);
alter table appointment add column cancelled_by varchar(30);
alter table appointment add column cancel_reason varchar(500);
alter table appointment add column rescheduled_at timestamptz;
alter table appointment add column reschedule_requested_by varchar(20);
alter table appointment add column reschedule_reason varchar(500);
alter table appointment add column rescheduled_from uuid;
update appointment set cancelled_by = 'REFERRAL_CANCELLED' where status = 'CANCELLED';

-- The consult request is now the scheduling case of every suitable referral: what was asked (the
-- match input, kept for rescheduling and for the coordinator's manual checks) and where it stands
-- (BOOKED, MATCHING_FAILED, UNASSIGNED, CANCELLED).
alter table consult_request alter column reason drop not null;
alter table consult_request add column focus_area varchar(200);
alter table consult_request add column preferred_language varchar(8);
alter table consult_request add column treating_hospital varchar(200);
alter table consult_request add column treating_specialist_agb varchar(8);
alter table consult_request add column patient_availability text;
alter table consult_request add column consult_due_on date;
alter table consult_request add column completed_at timestamptz;
alter table consult_request add column failure_reason varchar(40);
alter table consult_request add column consult_id uuid;
alter table consult_request add column updated_at timestamptz;
alter table consult_request add column cancelled_by varchar(30);
update consult_request set cancelled_by = 'REFERRAL_CANCELLED' where status = 'CANCELLED';
-- the referrals booked before had no request row
insert into consult_request (referral_id, version, patient_id, specialty, status, reason, created_at, cancelled_at,
                             consult_due_on, completed_at, consult_id, updated_at, cancelled_by)
select referral_id, 0, patient_id, specialty, case when status = 'BOOKED' then 'BOOKED' else 'CANCELLED' end, null,
       booked_at, cancelled_at, consult_due_on, booked_at, consult_id, coalesce(cancelled_at, booked_at),
       case when status = 'BOOKED' then null else 'REFERRAL_CANCELLED' end
from appointment
on conflict (referral_id) do nothing;

-- Why matching chose what it chose (or nothing): every candidate of the specialty with its exclusion
-- or its best score, as JSON; one row per matching run (intake, reschedule).
create table matching_rationale (
    id              uuid          primary key,
    version         bigint        not null,
    referral_id     uuid          not null,
    purpose         varchar(20)   not null,
    outcome         varchar(30)   not null,
    failure_reason  varchar(40),
    matched_at      timestamptz   not null,
    rationale       text          not null
);
create index matching_rationale_referral on matching_rationale (referral_id, matched_at);
