package nl.consilium.reporting.domain;

/**
 * What can happen to a referral, as the GP's timeline shows it, in the order of a referral's life
 * (the order breaks ties between steps at the same instant).
 */
public enum TimelineMilestone {
    /** The gateway accepted the referral (its appointment request). */
    RECEIVED,
    /** The referral letter arrived. */
    REFERRAL_LETTER_RECEIVED,
    /**
     * The questionnaire's transmural assessment says the GP must send a copy of the referral letter to
     * the first specialist (Treant agreement, row 3); the detail says whether intake confirmed it.
     */
    COPY_TO_FIRST_SPECIALIST_REQUIRED,
    /** The nurse found the referral suitable. */
    INTAKE_COMPLETED,
    /** The nurse found the referral not suitable. */
    INTAKE_REJECTED,
    /** A video consult was booked (again, after a cancellation of the consult). */
    CONSULT_SCHEDULED,
    /** The booked consult moved to another slot (and maybe specialist). */
    CONSULT_RESCHEDULED,
    /** The booked consult was cancelled and its slot freed. */
    CONSULT_CANCELLED,
    /** The patient did not show up for the booked consult; a new slot is to be planned. */
    CONSULT_NO_SHOW,
    /** The consult took place (at its booked start). */
    CONSULTED,
    /** The signed report is there for the GP. */
    REPORT_AVAILABLE,
    /** The signed report exists but is withheld at the patient's request. */
    REPORT_WITHHELD,
    /** A signed addendum was added to the report (shown only when the GP may read the report). */
    REPORT_AMENDED,
    /** The referrer cancelled the referral. */
    CANCELLED
}
