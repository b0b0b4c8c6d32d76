package nl.consilium.intake.domain;

/** Where an intake case stands. */
public enum IntakeStatus {
    /** Waiting for the nurse's telephone intake. */
    OPEN,
    /** Suitable for a second opinion; scheduling books the consult. */
    SUITABLE,
    /** Not suitable; the referral ends here. */
    UNSUITABLE,
    /** The referrer cancelled the referral (from any other status); it ends here and cannot be decided. */
    CANCELLED
}
