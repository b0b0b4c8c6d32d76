-- Issue 6: the patient did not show up for the video consult (ConsultNoShow from consult). The booking
-- ends as NO_SHOW: like a RESCHEDULED or CANCELLED booking it holds neither its slot nor the referral
-- (the partial unique indexes appointment_slot_booked_once and appointment_one_booked_per_referral count
-- only BOOKED rows, so they stay as they are and the referral can be booked again in the same
-- transaction; the slot lies in the past). The request counts the referral's no-shows; after the
-- second one it waits for the coordinator with status REPEATED_NO_SHOW (no new column for that: status
-- is a varchar).
alter table appointment add column no_show_at timestamptz;
alter table consult_request add column no_shows integer not null default 0;
alter table consult_request add constraint consult_request_no_shows_not_negative check (no_shows >= 0);
