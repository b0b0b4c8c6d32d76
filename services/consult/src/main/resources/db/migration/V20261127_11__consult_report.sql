-- The specialist's report in a table of its own: a DRAFT the assigned specialist rewrites, then FINAL
-- (signed). A final report never changes: the trigger below refuses every update or delete of a
-- FINAL row, whatever the application does. Corrections are addenda (append-only).
create table consult_report (
    referral_id       uuid           primary key references consult (referral_id),
    version           bigint         not null,
    status            varchar(10)    not null check (status in ('DRAFT', 'FINAL')),
    author_agb        varchar(8)     not null,
    question          varchar(2000),
    findings          varchar(8000),
    conclusion        varchar(40),
    recommendations   varchar(4000),
    free_text         varchar(8000),
    created_at        timestamptz    not null,
    updated_at        timestamptz    not null,
    signed_by         varchar(200),
    signed_by_name    varchar(200),
    signed_by_agb     varchar(8),
    signed_at         timestamptz,
    constraint consult_report_final_is_signed check (status = 'DRAFT' or (
        signed_by is not null and signed_by_name is not null and signed_at is not null
        and question is not null and findings is not null and conclusion is not null
        and recommendations is not null))
);

create function consult_report_final_is_immutable() returns trigger language plpgsql as $$
begin
    if old.status = 'FINAL' then
        raise exception 'consult_report of referral % is final and cannot change', old.referral_id;
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end;
$$;
create trigger consult_report_immutable before update or delete on consult_report
    for each row execute function consult_report_final_is_immutable();

-- A signed addendum to a final report; append-only.
create table consult_report_addendum (
    id               uuid           primary key,
    referral_id      uuid           not null references consult_report (referral_id),
    sequence         integer        not null,
    text             varchar(8000)  not null,
    signed_by        varchar(200)   not null,
    signed_by_name   varchar(200)   not null,
    signed_by_agb    varchar(8),
    signed_at        timestamptz    not null,
    unique (referral_id, sequence)
);

create function consult_report_addendum_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'consult_report_addendum is append-only';
end;
$$;
create trigger consult_report_addendum_no_change before update or delete on consult_report_addendum
    for each row execute function consult_report_addendum_is_append_only();

-- Reports written before: drafts stay drafts, signed ones become final. The question is the
-- clarified one; the signer's name is what signed_by held.
insert into consult_report (referral_id, version, status, author_agb, question, findings, conclusion, recommendations,
                            created_at, updated_at, signed_by, signed_by_name, signed_by_agb, signed_at)
select referral_id, 0, case when status = 'COMPLETED' then 'FINAL' else 'DRAFT' end, specialist_agb,
       coalesce(clarified_question, '-'), findings, conclusion, recommendations,
       coalesce(signed_at, now()), coalesce(signed_at, now()),
       case when status = 'COMPLETED' then signed_by end,
       case when status = 'COMPLETED' then signed_by end,
       case when status = 'COMPLETED' then specialist_agb end,
       case when status = 'COMPLETED' then signed_at end
  from consult
 where conclusion is not null and specialist_agb is not null;

update consult set status = 'SCHEDULED' where status = 'REPORT_DRAFTED';

alter table consult drop column findings;
alter table consult drop column conclusion;
alter table consult drop column recommendations;
alter table consult drop column signed_by;
alter table consult drop column signed_at;
