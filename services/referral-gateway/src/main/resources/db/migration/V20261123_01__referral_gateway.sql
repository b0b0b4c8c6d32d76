-- The internal patient id, stable per BSN. The BSN is kept here only and never leaves this service.
create table patient (
    id   uuid        primary key,
    bsn  varchar(9)  not null unique
);

-- A referral accepted from ZorgDomein: the facts of the appointment-request document, without the BSN.
create table referral (
    id                     uuid          primary key,
    version                bigint        not null,
    zorgdomein_number      varchar(11)   not null unique,
    patient_id             uuid          not null references patient (id),
    patient_name           varchar(200)  not null,
    patient_birth_date     date,
    patient_gender         varchar(20),
    patient_phone          varchar(50),
    patient_email          varchar(200),
    referrer_agb           varchar(8)    not null,
    referrer_name          varchar(200),
    referrer_organisation  varchar(200),
    requested_product      varchar(100)  not null,
    treating_specialty     varchar(100)  not null,
    treating_hospital      varchar(200),
    received_at            timestamptz   not null
);
create index referral_patient on referral (patient_id);

-- Every document exactly as it arrived, keyed by Bundle.id (ZorgDomein's idempotency key). The first
-- statement of an ingestion claims the Bundle.id (insert ... on conflict do nothing), so concurrent
-- deliveries of one document serialise on this primary key. The referral row is written later in the
-- same transaction, hence the deferred foreign key.
create table received_document (
    bundle_id    varchar(64)  primary key,
    sha256       varchar(64)  not null,
    received_at  timestamptz  not null,
    referral_id  uuid         not null references referral (id) deferrable initially deferred,
    content      text         not null
);
create index received_document_referral on received_document (referral_id);

create function received_document_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'received_document is immutable';
end;
$$;
create trigger received_document_no_change before update or delete on received_document
    for each row execute function received_document_is_immutable();
