package nl.consilium.events.referral;

/**
 * What the gateway concluded from the questionnaire about the transmural agreement (who should
 * write the referral letter, DOMAIN.md §2). A mismatch is accepted but flagged for the intake nurse.
 *
 * @param situation the row of the agreement's table: {@code 1}, {@code 2a}, {@code 2b}, {@code 2c},
 *        {@code 3}, or {@code undetermined} when the answers do not decide it
 * @param expectedLetterAuthor {@code GP} or {@code TREATING_SPECIALIST}; null when undetermined
 * @param newReferral whether the referral counts as a new referral (rows 2c and 3)
 * @param copyToFirstSpecialistRequired whether the GP must send a copy of the letter to the first
 *        specialist (row 3)
 * @param conformity {@code CONFORMS}, {@code MISMATCH} (the other kind of referrer sent it) or
 *        {@code UNVERIFIABLE} (undetermined row or unknown kind of referrer)
 * @param flaggedForIntake whether the intake nurse must look at it (anything but {@code CONFORMS})
 * @param reason an English explanation for the intake nurse (medical content)
 */
public record TransmuralAgreementAssessment(String situation, String expectedLetterAuthor, boolean newReferral,
        boolean copyToFirstSpecialistRequired, String conformity, boolean flaggedForIntake, String reason) {
}
