-- Whether the intake nurse confirmed the GP's copy of the letter to the first specialist (transmural
-- agreement row 3), from IntakeCompleted; null: not recorded.
alter table referral_overview add column copy_to_first_specialist_confirmed boolean;
