-- The dossier of an intake case (issue 4): the checklist of documents the nurse requested from the
-- treating hospital, the patient or the GP, and the documents uploaded to it.

-- One checklist line: REQUESTED, then RECEIVED or NOT_NEEDED (both final), with who and when.
create table dossier_item (
    id              uuid           primary key,
    version         bigint         not null,
    referral_id     uuid           not null references intake_case (referral_id),
    kind            varchar(30)    not null,
    description     varchar(500),
    requested_from  varchar(30)    not null,
    status          varchar(20)    not null,
    requested_at    timestamptz    not null,
    requested_by    varchar(200)   not null,
    received_at     timestamptz,
    received_by     varchar(200),
    not_needed_at   timestamptz,
    not_needed_by   varchar(200),
    note            varchar(2000),
    -- an upload names the item it fulfils; both must belong to the same case
    unique (referral_id, id),
    constraint dossier_item_kind check (kind in ('DISCHARGE_LETTER', 'IMAGING_REPORT', 'LAB_RESULTS',
        'OPERATION_REPORT', 'OUTPATIENT_LETTERS', 'OTHER')),
    constraint dossier_item_requested_from check (requested_from in ('TREATING_HOSPITAL', 'PATIENT', 'GP')),
    constraint dossier_item_other_described check (kind <> 'OTHER' or description is not null),
    constraint dossier_item_status check (
        (status = 'REQUESTED' and received_at is null and not_needed_at is null)
        or (status = 'RECEIVED' and received_at is not null and received_by is not null and not_needed_at is null)
        or (status = 'NOT_NEEDED' and not_needed_at is not null and not_needed_by is not null and received_at is null))
);
create index dossier_item_case on dossier_item (referral_id, requested_at);

-- An uploaded document's description: never its bytes, so that listing a dossier never loads them.
create table dossier_document (
    id            uuid           primary key,
    referral_id   uuid           not null references intake_case (referral_id),
    item_id       uuid,
    title         varchar(200)   not null,
    content_type  varchar(100)   not null,
    size          bigint         not null check (size >= 0),
    sha256        varchar(64)    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_at   timestamptz    not null,
    uploaded_by   varchar(200)   not null,
    foreign key (referral_id, item_id) references dossier_item (referral_id, id)
);
create index dossier_document_case on dossier_document (referral_id, uploaded_at);

-- The bytes, as uploaded, one row per document.
create table dossier_document_content (
    document_id  uuid   primary key references dossier_document (id),
    data         bytea  not null
);

-- Uploaded documents are part of the medical record: never changed, never deleted.
create function dossier_document_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% is immutable', tg_table_name;
end;
$$;
create trigger dossier_document_no_change before update or delete on dossier_document
    for each row execute function dossier_document_is_immutable();
create trigger dossier_document_content_no_change before update or delete on dossier_document_content
    for each row execute function dossier_document_is_immutable();
