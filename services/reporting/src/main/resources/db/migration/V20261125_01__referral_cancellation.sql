-- The referrer cancelled the referral (ReferralCancelled): when the gateway received the cancellation
-- and ZorgDomein's reason (code and text), for the referring GP's overview.
alter table referral_overview add column cancelled_at              timestamptz;
alter table referral_overview add column cancellation_reason_code  varchar(100);
alter table referral_overview add column cancellation_reason_text  text;
