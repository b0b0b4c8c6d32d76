-- Transmural agreement row 3: the GP sends a copy of the referral letter to the first specialist; the
-- intake nurse records whether that copy was confirmed (null: not recorded).
alter table intake_case add column first_specialist_copy_confirmed boolean;
