-- Issue 6: the consult's lifecycle (dossier read, started, completed or no-show), the situation from
-- the intake, the video room, and who cancelled. Status REPORT_DRAFTED is gone: the report has a
-- status of its own (consult_report, next migration), and a consult with a draft is SCHEDULED.
alter table consult add column preferred_language     varchar(20);
alter table consult add column requested_specialty    varchar(100);
alter table consult add column treating_hospital      varchar(200);
alter table consult add column treating_specialist    varchar(200);
alter table consult add column objection_recorded_at  timestamptz;
alter table consult add column specialist_specialty   varchar(100);
alter table consult add column room_name              varchar(64);
alter table consult add column invited_at             timestamptz;
alter table consult add column dossier_read_at        timestamptz;
alter table consult add column dossier_read_by        varchar(200);
alter table consult add column started_at             timestamptz;
alter table consult add column completed_at           timestamptz;
alter table consult add column no_show_at             timestamptz;
alter table consult add column no_show_count          integer      not null default 0;
alter table consult add column cancelled_by           varchar(30);

update consult set cancelled_by = 'REFERRER' where status = 'CANCELLED';
update consult set completed_at = signed_at where status = 'COMPLETED';

-- Every video room ever issued: a name is the primary key, so it is issued once and never again.
create table video_room (
    room_name     varchar(64)   primary key,
    referral_id   uuid          not null references consult (referral_id),
    provider      varchar(20)   not null,
    reason        varchar(20)   not null,
    issued_at     timestamptz   not null,
    closed_at     timestamptz,
    close_reason  varchar(20)
);
-- at most one open room per consult
create unique index video_room_one_open on video_room (referral_id) where closed_at is null;
