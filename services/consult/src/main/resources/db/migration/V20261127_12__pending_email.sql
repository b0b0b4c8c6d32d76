-- The patient's emails, written in the same transaction as the change they announce (so an email
-- exists if and only if that change committed) and sent by the sender job after the commit. A sent
-- or abandoned email keeps only its kind and times: recipient, subject and body are cleared.
create table pending_email (
    id               bigserial      primary key,
    referral_id      uuid           not null,
    kind             varchar(30)    not null,
    recipient        varchar(320),
    subject          varchar(300),
    body             text,
    created_at       timestamptz    not null,
    attempts         integer        not null default 0,
    next_attempt_at  timestamptz    not null,
    last_error       varchar(200),
    sent_at          timestamptz,
    failed_at        timestamptz
);
create index pending_email_due on pending_email (next_attempt_at, id) where sent_at is null and failed_at is null;
create index pending_email_referral on pending_email (referral_id) where sent_at is null and failed_at is null;
