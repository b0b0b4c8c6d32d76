package nl.consilium.events.intake;

/** Why the intake nurse found a referral not suitable for a digital second opinion (a fixed list). */
public enum RejectionReason {
    /** The patient could not be reached by telephone despite repeated attempts. */
    PATIENT_UNREACHABLE,
    /** The patient no longer wants a second opinion. */
    PATIENT_WITHDREW,
    /** The question is not a second-opinion question (for example, the patient asks for treatment). */
    NOT_A_SECOND_OPINION_QUESTION,
    /** The patient needs acute or regular care instead. */
    URGENT_CARE_NEEDED,
    /** A video consult does not suit the patient (no means, language, or physical examination needed). */
    VIDEO_CONSULT_NOT_SUITABLE,
    /** No independent specialist of this specialty is available to the service. */
    SPECIALTY_NOT_OFFERED,
    /** The medical records needed cannot be obtained. */
    DOSSIER_UNOBTAINABLE,
    /** Anything else; the explanation says what. */
    OTHER
}
