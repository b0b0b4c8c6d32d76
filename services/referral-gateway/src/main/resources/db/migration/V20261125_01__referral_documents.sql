-- ZorgDomein's five document types join one referral by ZD number, in any order (issue 3). A referral
-- now exists from its first document on; the appointment-request columns are filled when that
-- document arrives (status RECEIVED), until then the referral is AWAITING_APPOINTMENT_REQUEST and
-- nothing about it is announced. A cancellation ends it (CANCELLED).
alter table referral
    add column status                      varchar(30)  not null default 'RECEIVED',
    add column first_document_at           timestamptz,
    add column treating_specialist         varchar(200),
    add column letter_received_at          timestamptz,
    add column questionnaire_received_at   timestamptz,
    add column under_treatment             boolean,
    add column satisfied                   boolean,
    add column will_return                 boolean,
    add column agrees_to_consultation      boolean,
    add column questionnaire_reasons       text[],
    add column questionnaire_explanation   text,
    add column transmural_situation        varchar(20),
    add column transmural_expected_author  varchar(30),
    add column transmural_new_referral     boolean,
    add column transmural_copy_required    boolean,
    add column transmural_conformity       varchar(20),
    add column transmural_reason           text,
    add column cancelled_at                timestamptz,
    add column cancellation_reason_code    varchar(100),
    add column cancellation_reason_text    text;
update referral set first_document_at = received_at;
alter table referral
    alter column first_document_at set not null,
    alter column status drop default,
    -- received_at is when the appointment request arrived: the deadlines count from it.
    alter column received_at drop not null,
    alter column requested_product drop not null,
    alter column treating_specialty drop not null,
    add constraint referral_status check (status in ('AWAITING_APPOINTMENT_REQUEST', 'RECEIVED', 'CANCELLED')),
    add constraint referral_appointment_request check (
        (received_at is null) = (requested_product is null) and (received_at is null) = (treating_specialty is null));

-- What each received document is. Existing rows were all appointment requests in JSON.
alter table received_document
    add column document_type      varchar(30),
    add column zorgdomein_number  varchar(11),
    add column format             varchar(4);
alter table received_document disable trigger received_document_no_change;
update received_document d set document_type = 'appointment-request', format = 'json',
    zorgdomein_number = (select r.zorgdomein_number from referral r where r.id = d.referral_id);
alter table received_document enable trigger received_document_no_change;
alter table received_document
    alter column document_type set not null,
    alter column zorgdomein_number set not null,
    alter column format set not null,
    add constraint received_document_format check (format in ('json', 'xml'));

-- The attachments of the documents (the PDF letter, scans, ...), decoded, with their checksum. Part of
-- the medical record like the documents themselves: never changed.
create table attachment (
    id                     uuid          primary key,
    referral_id            uuid          not null references referral (id),
    bundle_id              varchar(64)   not null references received_document (bundle_id),
    position               integer       not null,
    title                  varchar(500),
    content_type           varchar(100)  not null,
    detected_content_type  varchar(100),
    content_check          varchar(20)   not null,
    size                   bigint        not null,
    sha256                 varchar(64)   not null,
    data                   bytea         not null,
    unique (bundle_id, position)
);
create index attachment_referral on attachment (referral_id);

create function attachment_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'attachment is immutable';
end;
$$;
create trigger attachment_no_change before update or delete on attachment
    for each row execute function attachment_is_immutable();
