-- Issue 6: the dossier the specialist reads. Intake announces every document added to a case's
-- dossier (DossierDocumentAdded): described, never carried. Consult keeps the description per
-- referral, also when it arrives before the consult exists (so no foreign key to consult), and lists
-- it in the consult with a link to intake, which serves the bytes to the assigned specialist.
create table dossier_document (
    document_id    uuid           primary key,
    referral_id    uuid           not null,
    patient_id     uuid           not null,
    source         varchar(30)    not null,
    title          text           not null,
    content_type   varchar(200)   not null,
    size_bytes     bigint         not null check (size_bytes >= 0),
    sha256         varchar(64)    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    added_at       timestamptz    not null,
    recorded_at    timestamptz    not null,
    constraint dossier_document_source check (source in ('INTAKE'))
);
create index dossier_document_referral on dossier_document (referral_id, added_at);
