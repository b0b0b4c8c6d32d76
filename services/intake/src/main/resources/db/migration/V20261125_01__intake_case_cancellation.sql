-- The referrer cancelled the referral (ReferralCancelled): the case ends CANCELLED, whatever it was,
-- with ZorgDomein's reason code and text and when the gateway received the cancellation.
alter table intake_case add column cancelled_at              timestamptz;
alter table intake_case add column cancellation_reason_code  varchar(100);
alter table intake_case add column cancellation_reason_text  text;
