-- A cancelled referral (ReferralCancelled) ends its booking: the appointment stays for the record,
-- marked CANCELLED, and its slot is free again. A specialist's slot is booked at most once among the
-- appointments that are not cancelled, so the unique constraint becomes a partial unique index.
alter table appointment add column status varchar(20) not null default 'BOOKED';
alter table appointment add column cancelled_at timestamptz;
alter table appointment drop constraint appointment_slot_booked_once;
create unique index appointment_slot_booked_once on appointment (specialist_agb, starts_at)
    where status <> 'CANCELLED';

-- A consult request of a cancelled referral is closed as CANCELLED.
alter table consult_request add column cancelled_at timestamptz;

-- Every cancellation scheduling has heard of, whether or not it had booked the referral: the
-- IntakeCompleted of a cancelled referral (on another topic, so in no fixed order) is not booked.
-- Only ZorgDomein's reason code is kept; the free-text reason stays out of this database.
create table referral_cancellation (
    referral_id   uuid          primary key,
    version       bigint        not null,
    cancelled_at  timestamptz   not null,
    reason_code   varchar(100),
    recorded_at   timestamptz   not null
);
