-- Rebuilds of the projections from the topics (POST /api/reporting/admin/rebuild): who asked, when,
-- how far it got. Not a projection itself, so a rebuild never empties it.
create table projection_rebuild (
    rebuild_id        uuid          primary key,
    version           bigint        not null,
    status            varchar(20)   not null,
    requested_by      varchar(200)  not null,
    requested_at      timestamptz   not null,
    finished_at       timestamptz,
    records_read      bigint        not null default 0,
    events_applied    bigint        not null default 0,
    events_skipped    bigint        not null default 0,
    records_unreadable bigint       not null default 0,
    failure           varchar(500)
);
create index projection_rebuild_requested on projection_rebuild (requested_at desc);
