package nl.consilium.intake.domain;

/** How a call to the patient went. */
public enum CallOutcome {
    /** The nurse spoke to the patient. */
    REACHED,
    /** Nobody answered (or not the patient). */
    NOT_REACHED,
    /** The patient asked to be called back at a given time. */
    CALL_BACK
}
