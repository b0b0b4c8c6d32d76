-- The referrer cancelled the referral (ReferralCancelled): the consult ends CANCELLED with when and
-- ZorgDomein's reason code (never the free-text reason). The cancellation may arrive before intake's
-- and scheduling's events (it travels on another topic); it then creates the referral's row before
-- the patient is known, so that those events, when they come, do not revive the consult.
alter table consult alter column patient_id drop not null;
alter table consult add column cancelled_at              timestamptz;
alter table consult add column cancellation_reason_code  varchar(100);
