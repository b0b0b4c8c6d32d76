package nl.consilium.intake.domain;

/** Which of scheduling's events set a referral's {@link SpecialistAssignment} last. */
public enum AssignmentChange {
    /** {@code ConsultScheduled}: a specialist was booked. */
    SCHEDULED,
    /** {@code ConsultRescheduled}: the consult moved, maybe to another specialist. */
    RESCHEDULED,
    /** {@code ConsultCancelled}: no specialist any more. */
    CANCELLED
}
