-- Issue 4: a referral the intake nurse found not suitable ends for the GP with the reason; an intake
-- that missed its deadline is remembered for the organisation's insight.
alter table referral_overview
    add column intake_rejected_at            timestamptz,
    add column intake_rejection_reason       varchar(50),
    add column intake_rejection_explanation  text,
    add column intake_overdue_at             timestamptz,
    add column intake_due_at                 timestamptz;
