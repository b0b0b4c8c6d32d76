-- The specialist registry: who may hold a second-opinion consult, in which specialty, and at which
-- hospital (a specialist of the treating hospital is not independent).
create table specialist (
    agb        varchar(8)    primary key,
    version    bigint        not null default 0,
    name       varchar(200)  not null,
    specialty  varchar(100)  not null,
    hospital   varchar(200)  not null,
    active     boolean       not null default true
);
create index specialist_specialty on specialist (specialty, active);

-- The demo specialists of the Keycloak realm (deploy/keycloak/realm-consilium.json).
insert into specialist (agb, name, specialty, hospital, active) values
    ('03111111', 'Jeroen Smit',   'cardiology',   'Ziekenhuis West',  true),
    ('03222222', 'Eva Mulder',    'cardiology',   'Ziekenhuis Noord', true),
    ('03333333', 'Thomas Dekker', 'orthopaedics', 'Ziekenhuis West',  true);

-- A booked video consult. One per referral; a specialist's slot is booked at most once.
create table appointment (
    consult_id       uuid          primary key,
    version          bigint        not null,
    referral_id      uuid          not null,
    patient_id       uuid          not null,
    specialist_agb   varchar(8)    not null references specialist (agb),
    specialist_name  varchar(200)  not null,
    specialty        varchar(100)  not null,
    starts_at        timestamptz   not null,
    ends_at          timestamptz   not null,
    consult_due_on   date,
    within_deadline  boolean       not null,
    booked_at        timestamptz   not null,
    constraint appointment_one_per_referral unique (referral_id),
    constraint appointment_slot_booked_once unique (specialist_agb, starts_at),
    constraint appointment_ends_after_start check (ends_at > starts_at)
);

-- A referral that could not be booked automatically; the coordinator assigns it by hand.
create table consult_request (
    referral_id  uuid           primary key,
    version      bigint         not null,
    patient_id   uuid           not null,
    specialty    varchar(100),
    status       varchar(20)    not null,
    reason       varchar(500)   not null,
    created_at   timestamptz    not null
);
create index consult_request_status on consult_request (status, created_at);
