package nl.consilium.intake.domain;

/** What happened to a case's claim. */
public enum ClaimAction {
    /** A nurse claimed the unclaimed case. */
    CLAIMED,
    /** A nurse took another nurse's stale claim over. */
    TAKEN_OVER,
    /** The holder released the claim. */
    RELEASED
}
