package nl.consilium.events.intake;

/**
 * Why the patient wants a second opinion, as the nurse records it in the intake call (DOMAIN.md §1).
 * The first five are the reasons of the service; the last five are the v1 values of before, still
 * decoded but no longer produced.
 */
public enum IntakeReason {
    /** A decision whether to have surgery. */
    SURGERY_DECISION,
    /** A choice between treatment options. */
    TREATMENT_OPTIONS,
    /** Doubt about a diagnosis. */
    DIAGNOSIS_DOUBT,
    /** Long-lasting or unexplained complaints, with a need for explanation and overview. */
    UNEXPLAINED_COMPLAINTS,
    /** A need for more explanation of an existing treatment policy. */
    POLICY_EXPLANATION,

    /** @deprecated before issue 4; read as {@link #DIAGNOSIS_DOUBT}. */
    @Deprecated
    DOUBT_ABOUT_DIAGNOSIS,
    /** @deprecated before issue 4; read as {@link #TREATMENT_OPTIONS}. */
    @Deprecated
    DOUBT_ABOUT_TREATMENT,
    /** @deprecated before issue 4; read as {@link #POLICY_EXPLANATION}. */
    @Deprecated
    WANTS_CONFIRMATION,
    /** @deprecated before issue 4; read as {@link #POLICY_EXPLANATION}. */
    @Deprecated
    INSUFFICIENT_EXPLANATION,
    /** @deprecated before issue 4; read as {@link #UNEXPLAINED_COMPLAINTS}. */
    @Deprecated
    OTHER;

    /** The reason as the service names it today: a v1 value mapped to its current one. */
    @SuppressWarnings("deprecation")
    public IntakeReason current() {
        return switch (this) {
            case DOUBT_ABOUT_DIAGNOSIS -> DIAGNOSIS_DOUBT;
            case DOUBT_ABOUT_TREATMENT -> TREATMENT_OPTIONS;
            case WANTS_CONFIRMATION, INSUFFICIENT_EXPLANATION -> POLICY_EXPLANATION;
            case OTHER -> UNEXPLAINED_COMPLAINTS;
            default -> this;
        };
    }
}
