package nl.consilium.events.intake;

/** Why the patient wants a second opinion, as the nurse records it in the intake call. */
public enum IntakeReason {
    DOUBT_ABOUT_DIAGNOSIS,
    DOUBT_ABOUT_TREATMENT,
    WANTS_CONFIRMATION,
    INSUFFICIENT_EXPLANATION,
    OTHER
}
